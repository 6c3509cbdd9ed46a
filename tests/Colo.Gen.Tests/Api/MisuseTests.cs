using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Colo.Gen.Tests.Backends;
using Xunit;

namespace Colo.Gen.Tests.Api;

/// <summary>
/// The misuses issue 15 names, each as a test that compiles against the library before the change
/// (the lower-level pieces it calls are internal now, and visible to the tests) and failed there:
/// arguments built from disks that were never prepared or whose preparation failed, a backend domain
/// local for one step and not the next, and C ints standing for flags.
/// </summary>
public sealed class MisuseTests
{
    [Fact]
    public void No_public_builder_takes_a_disk_that_has_not_been_prepared()
    {
        Type[] builders = typeof(DiskSpecParser).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is "Colo.Gen.Qemu" or "Colo.Gen.Xenstore" or "Colo.Gen.Qmp")
            .ToArray();

        string[] takingRawDisks = builders
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => MentionsDiskDevice(p.ParameterType)))
            .Select(m => m.DeclaringType!.Name + "." + m.Name)
            .ToArray();

        Assert.Empty(takingRawDisks);
        Assert.NotNull(typeof(DiskSpecParser).Assembly.GetType("Colo.Gen.PreparedDisks"));
        Assert.Empty(typeof(DiskSpecParser).Assembly.GetType("Colo.Gen.PreparedDisks")!.GetConstructors());
    }

    [Fact]
    public void Every_public_result_type_is_made_by_the_library_alone_so_none_can_be_a_success_without_a_value()
    {
        // A result a caller could construct (or a struct's default) could say Succeeded with nothing in it,
        // or hold both a value and an error.
        Type[] results = typeof(DiskSpecParser).Assembly.GetExportedTypes()
            .Where(t => t.GetProperty("Succeeded") is not null && t.GetProperty("Error") is not null || t.GetProperty("Errors") is not null && t.GetProperty("Succeeded") is not null)
            .ToArray();

        Assert.Contains(typeof(QemuOptionValueResult), results);
        Assert.Contains(typeof(Colo.Gen.Xenstore.DiskBackendNodesResult), results);
        Assert.All(results, t => Assert.True(t.GetConstructors().Length == 0, t.Name + " has a public constructor"));
        Assert.All(results.Where(t => t.IsValueType), t => Assert.False((bool)t.GetProperty("Succeeded")!.GetValue(Activator.CreateInstance(t))!, "default(" + t.Name + ") is a success"));
    }

    [Fact]
    public void Building_arguments_for_a_disk_whose_defaults_were_never_applied_is_an_error_not_arguments()
    {
        DiskDevice disk = DiskSpecParser.Parse("vdev=hda,target=/i/a.img").Disk!;

        DeviceModelResult built = DeviceModelArguments.Build(new List<DiskDevice> { disk });

        Assert.False(built.Succeeded);
        Assert.Empty(built.Arguments);
    }

    [Fact]
    public void Building_arguments_after_the_defaults_failed_is_an_error_not_arguments()
    {
        DiskDevice disk = DiskSpecParser.Parse("vdev=hda,target=/i/gone.img").Disk!;
        Assert.False(DiskDefaults.Apply(disk, new FakeHostProbe().With("/i/gone.img", HostPathStatus.Missing())).Succeeded);

        DeviceModelResult built = DeviceModelArguments.Build(new List<DiskDevice> { disk });

        Assert.False(built.Succeeded);
        Assert.Empty(built.Arguments);
    }

    [Fact]
    public void A_backend_domain_that_is_the_toolstacks_is_local_for_the_backend_choice_and_for_qemu_alike()
    {
        var probe = new FakeHostProbe();
        DiskDevice disk = DiskSpecParser.Parse("backend=0,vdev=hda,target=/i/a.img").Disk!;
        Assert.True(DiskDefaults.Apply(disk, probe).Succeeded);
        Assert.Equal(["/i/a.img"], probe.Asked); // local for the backend choice: the target was stat'ed

        DeviceModelResult built = DeviceModelArguments.Build(new List<DiskDevice> { disk });

        Assert.Empty(built.Warnings);
        Assert.Equal(["-drive", "file=/i/a.img,if=ide,index=0,media=disk,format=raw,cache=writeback"], built.Arguments);
    }

    [Theory]
    [InlineData(nameof(DiskDevice.Readwrite))]
    [InlineData(nameof(DiskDevice.Removable))]
    [InlineData(nameof(DiskDevice.IsCdrom))]
    public void A_c_int_libxl_uses_as_a_flag_is_a_bool(string property)
    {
        Assert.Equal(typeof(bool), typeof(DiskDevice).GetProperty(property)!.PropertyType);
    }

    private static bool MentionsDiskDevice(Type type) =>
        type == typeof(DiskDevice) || (type.IsGenericType && type.GetGenericArguments().Any(MentionsDiskDevice)) || (type.HasElementType && MentionsDiskDevice(type.GetElementType()!));
}
