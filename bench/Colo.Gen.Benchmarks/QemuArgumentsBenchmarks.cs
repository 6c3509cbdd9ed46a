using BenchmarkDotNet.Attributes;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;

namespace Colo.Gen.Benchmarks;

/// <summary>
/// The QEMU argument builder over a domain's prepared disks: an IDE COLO disk, a SCSI disk, a
/// CD-ROM and a PV-only disk, prepared (defaults, backend chosen against a fixed host probe, COLO
/// role) once in the setup; the benchmark is the build alone.
/// </summary>
[MemoryDiagnoser]
public class QemuArgumentsBenchmarks
{
    private PreparedDisks? _primary;
    private PreparedDisks? _secondary;

    [GlobalSetup]
    public void Setup()
    {
        _primary = Disks(ColoRole.Primary);
        _secondary = Disks(ColoRole.Secondary);
    }

    [Benchmark(Description = "qemu-args, 4 disks, primary, upstream dialect")]
    public int Primary() => DeviceModelArguments.Build(_primary!, QemuDialect.Upstream).Arguments.Count;

    [Benchmark(Description = "qemu-args, 4 disks, secondary, seed dialect")]
    public int Secondary() => DeviceModelArguments.Build(_secondary!, QemuDialect.Seed).Arguments.Count;

    private static PreparedDisks Disks(ColoRole role)
    {
        string[] specs =
        [
            "format=qcow2,vdev=hda,colo,colo-host=10.0.0.2,colo-port=9000,colo-export=d1,active-disk=/tmp/a.img,hidden-disk=/tmp/h.img,target=/images/guest,1.qcow2",
            "format=raw,vdev=sdb,target=/images/data.img",
            "vdev=hdc,devtype=cdrom,target=/images/install.iso",
            "format=raw,vdev=xvdd,target=/images/pv.img",
        ];
        DiskPreparationResult prepared = PreparedDisks.Prepare(specs, new DiskHost(new FixedProbe(), role));
        return prepared.Succeeded ? prepared.Disks : throw new System.InvalidOperationException(string.Join("\n", prepared.Errors));
    }

    private sealed class FixedProbe : IHostProbe
    {
        public HostPathStatus Stat(string path) => HostPathStatus.File;
    }
}
