using System.Collections.Generic;
using System.Linq;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Xunit;

namespace Colo.Gen.Tests.RealQemu;

/// <summary>
/// QEMU disk arguments the way the toolstack makes them, through the public path: xl specs prepared
/// for this host (<see cref="PreparedDisks.Prepare(IEnumerable{string}, DiskHost, string)"/>: the host's
/// COLO role, libxl's defaults and backend choice against the real files), then
/// <see cref="DeviceModelArguments.Build(PreparedDisks, QemuDialect, QemuTargetPolicy?)"/> in the upstream dialect.
/// </summary>
internal static class BuiltDiskArguments
{
    public static PreparedDisks Prepare(ColoRole hostRole, params string[] specs)
    {
        DiskPreparationResult prepared = PreparedDisks.Prepare(specs, DiskHost.ThisHost(hostRole));
        Assert.True(prepared.Succeeded, string.Join("\n", prepared.Errors));
        return prepared.Disks;
    }

    public static IReadOnlyList<string> For(ColoRole hostRole, params string[] specs) => For(Prepare(hostRole, specs));

    public static IReadOnlyList<string> For(PreparedDisks disks)
    {
        DeviceModelResult built = DeviceModelArguments.Build(disks, QemuDialect.Upstream);
        Assert.True(built.Succeeded, string.Join("\n", built.Errors));
        Assert.Empty(built.Warnings);
        return built.Arguments.ToList();
    }

    /// <summary>An xl spec for a COLO disk at hda whose secondary listens on 127.0.0.1:<paramref name="port"/>.</summary>
    public static string ColoSpec(string target, int port, string export, string active, string hidden) =>
        $"colo,colo-host=127.0.0.1,colo-port={port},colo-export={export},active-disk={active},hidden-disk={hidden},vdev=hda,target={target}";
}
