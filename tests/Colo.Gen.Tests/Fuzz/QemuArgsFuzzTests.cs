using System;
using System.Collections.Generic;
using System.Linq;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Colo.Gen.Tests.Backends;
using CsCheck;
using Xunit;

namespace Colo.Gen.Tests.Fuzz;

/// <summary>
/// Mutated specs through the whole qemu-args path (parse, COLO role, defaults, build) in both
/// dialects and both roles: no exception, allocation bounded per input byte, and every argument,
/// split by QEMU's own option rules (<see cref="QemuOpts"/>), is exactly the options we meant —
/// the same names as for the same disk with harmless placeholder values, and each user value
/// whole, in its own option, as the target policy writes it.
/// </summary>
public sealed class QemuArgsFuzzTests
{
    private const string Target = "/fuzz-target";
    private const string Active = "/fuzz-active";
    private const string Hidden = "/fuzz-hidden";
    private const string Host = "fuzz-host";
    private const string Export = "fuzzexport";

    [Fact]
    public void Mutated_specs_become_arguments_qemu_splits_into_exactly_the_options_we_meant()
    {
        SpecMutations.MutatedSpec.Sample(spec =>
        {
            DiskParseResult parsed = DiskSpecParser.Parse(spec);
            if (!parsed.Succeeded)
            {
                return;
            }

            foreach (ColoRole role in new[] { ColoRole.Primary, ColoRole.Secondary })
            {
                DiskDevice disk = parsed.Disk.Clone();
                ColoRoles.Assign([disk], role);
                if (!DiskDefaults.Apply(disk, new FakeHostProbe()).Succeeded)
                {
                    continue;
                }

                foreach (QemuDialect dialect in new[] { QemuDialect.Upstream, QemuDialect.Seed })
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    DeviceModelResult built = DeviceModelArguments.Build([disk], dialect);
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    Assert.InRange(allocated, 0, 16 * 1024 + (64L * System.Text.Encoding.UTF8.GetByteCount(spec)));
                    if (built.Succeeded)
                    {
                        CheckMeaning(disk, built, dialect);
                    }
                }
            }
        }, iter: 1500, threads: 1);
    }

    /// <summary>Builds the same disk with placeholders for every user value and compares option by option.</summary>
    private static void CheckMeaning(DiskDevice disk, DeviceModelResult built, QemuDialect dialect)
    {
        (DiskDevice shadow, Dictionary<string, string> meant) = WithPlaceholders(disk);
        DeviceModelResult expected = DeviceModelArguments.Build([shadow], dialect);
        Assert.True(expected.Succeeded, string.Join("\n", expected.Errors));
        Assert.Equal(expected.Arguments.Count, built.Arguments.Count);
        for (int i = 0; i < built.Arguments.Count; i += 2)
        {
            string kind = built.Arguments[i];
            Assert.Equal(expected.Arguments[i], kind);
            Assert.DoesNotContain('\n', built.Arguments[i + 1]);
            string? implied = kind == "-device" ? "driver" : null;
            List<(string Name, string Value)> actual = QemuOpts.Parse(built.Arguments[i + 1], implied);
            List<(string Name, string Value)> template = QemuOpts.Parse(expected.Arguments[i + 1], implied);
            Assert.Equal(template.Select(o => o.Name), actual.Select(o => o.Name));
            for (int j = 0; j < actual.Count; j++)
            {
                string want = meant.TryGetValue(template[j].Value, out string? user) ? user : template[j].Value;
                Assert.Equal(want, actual[j].Value);
            }
        }
    }

    /// <summary>
    /// The disk with each user value (target, active and hidden disks, COLO host and export) replaced
    /// by a placeholder, and what each placeholder stands for as QEMU must read it.
    /// </summary>
    private static (DiskDevice Shadow, Dictionary<string, string> Meant) WithPlaceholders(DiskDevice disk)
    {
        DiskDevice shadow = disk.Clone();
        var meant = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(disk.PdevPath))
        {
            shadow.PdevPath = Target;
            meant[Target] = Written(disk.PdevPath);
        }

        if (disk.ActiveDisk is not null)
        {
            shadow.ActiveDisk = Active;
            meant[Active] = Written(disk.ActiveDisk);
        }

        if (disk.HiddenDisk is not null)
        {
            shadow.HiddenDisk = Hidden;
            meant[Hidden] = Written(disk.HiddenDisk);
        }

        ColoAddress? address = ColoAddress.Of(disk);
        if (address is not null)
        {
            meant[Host] = address.Host;
            meant[Export] = address.Export;
            if (disk.ColoHost is not null && disk.ColoPort != 0 && disk.ColoExport is not null)
            {
                shadow.ColoHost = Host;
                shadow.ColoExport = Export;
            }
            else
            {
                shadow.ColoParams = $"{Host}:{address.Port}:exportname={Export}";
            }
        }

        return (shadow, meant);
    }

    /// <summary>The file name QEMU must read for an image name the default target policy lets through.</summary>
    private static string Written(string imageName)
    {
        string? protocol = QemuTargetPolicy.ProtocolOf(imageName);
        return protocol is null || QemuTargetPolicy.Default.AllowedProtocols.Contains(protocol) ? imageName : "./" + imageName;
    }
}
