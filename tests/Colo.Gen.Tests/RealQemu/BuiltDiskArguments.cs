using System.Collections.Generic;
using System.Linq;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Xunit;

namespace Colo.Gen.Tests.RealQemu;

/// <summary>
/// QEMU disk arguments the way the toolstack makes them: xl specs parsed, the host's COLO role
/// assigned, libxl's defaults and backend choice run against the real files, then
/// <see cref="DeviceModelArguments.Build"/> in the upstream dialect.
/// </summary>
internal static class BuiltDiskArguments
{
    public static IReadOnlyList<string> For(ColoRole hostRole, params string[] specs)
    {
        var disks = new List<DiskDevice>();
        foreach (string spec in specs)
        {
            DiskParseResult parsed = DiskSpecParser.Parse(new[] { spec });
            Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
            disks.Add(parsed.Disk);
        }

        ColoRoles.Assign(disks, hostRole);
        foreach (DiskDevice disk in disks)
        {
            BackendSelection selection = DiskDefaults.Apply(disk, LinuxHostProbe.Instance);
            Assert.True(selection.Succeeded, selection.Error);
        }

        DeviceModelResult built = DeviceModelArguments.Build(disks, QemuDialect.Upstream);
        Assert.True(built.Succeeded, string.Join("\n", built.Errors));
        Assert.Empty(built.Warnings);
        return built.Arguments.ToList();
    }

    /// <summary>An xl spec for a COLO disk at hda whose secondary listens on 127.0.0.1:<paramref name="port"/>.</summary>
    public static string ColoSpec(string target, int port, string export, string active, string hidden) =>
        $"colo,colo-host=127.0.0.1,colo-port={port},colo-export={export},active-disk={active},hidden-disk={hidden},vdev=hda,target={target}";
}
