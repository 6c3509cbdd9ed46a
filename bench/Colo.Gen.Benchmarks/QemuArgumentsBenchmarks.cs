using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;

namespace Colo.Gen.Benchmarks;

/// <summary>
/// The QEMU argument builder over a domain's disks: an IDE COLO disk, a SCSI disk, a CD-ROM
/// and a PV-only disk, with defaults applied (backend chosen against a fixed host probe).
/// </summary>
[MemoryDiagnoser]
public class QemuArgumentsBenchmarks
{
    private List<DiskDevice> _primary = [];
    private List<DiskDevice> _secondary = [];

    [GlobalSetup]
    public void Setup()
    {
        _primary = Disks(ColoRole.Primary);
        _secondary = Disks(ColoRole.Secondary);
    }

    [Benchmark(Description = "qemu-args, 4 disks, primary, upstream dialect")]
    public int Primary() => DeviceModelArguments.Build(_primary, QemuDialect.Upstream).Arguments.Count;

    [Benchmark(Description = "qemu-args, 4 disks, secondary, seed dialect")]
    public int Secondary() => DeviceModelArguments.Build(_secondary, QemuDialect.Seed).Arguments.Count;

    private static List<DiskDevice> Disks(ColoRole role)
    {
        string[] specs =
        [
            "format=qcow2,vdev=hda,colo,colo-host=10.0.0.2,colo-port=9000,colo-export=d1,active-disk=/tmp/a.img,hidden-disk=/tmp/h.img,target=/images/guest,1.qcow2",
            "format=raw,vdev=sdb,target=/images/data.img",
            "vdev=hdc,devtype=cdrom,target=/images/install.iso",
            "format=raw,vdev=xvdd,target=/images/pv.img",
        ];
        var disks = new List<DiskDevice>();
        foreach (string spec in specs)
        {
            disks.Add(DiskSpecParser.Parse(spec).Disk);
        }

        ColoRoles.Assign(disks, role);
        var probe = new FixedProbe();
        foreach (DiskDevice disk in disks)
        {
            DiskDefaults.Apply(disk, probe);
        }

        return disks;
    }

    private sealed class FixedProbe : IHostProbe
    {
        public HostPathStatus Stat(string path) => HostPathStatus.File;
    }
}
