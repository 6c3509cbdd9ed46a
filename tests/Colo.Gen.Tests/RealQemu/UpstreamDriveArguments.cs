using System.Collections.Generic;

namespace Colo.Gen.Tests.RealQemu;

/// <summary>
/// The upstream-dialect QEMU disk arguments of REFERENCE.md ("QEMU drive strings"), written
/// by hand in this one place until <c>Colo.Gen.Qemu.DeviceModelArguments.Build</c> is merged;
/// the real-QEMU tests then take their arguments from it instead.
/// </summary>
internal static class UpstreamDriveArguments
{
    /// <summary>QEMU's option syntax: a comma inside a value is written twice.</summary>
    public static string Escape(string value) => value.Replace(",", ",,");

    /// <summary>A plain IDE disk at index <paramref name="index"/>.</summary>
    public static IEnumerable<string> IdeDisk(int index, string path, string format) =>
        ["-drive", $"file={Escape(path)},if=ide,index={index},media=disk,format={format},cache=writeback"];

    /// <summary>The SCSI controller, emitted once when any disk is SCSI.</summary>
    public static IEnumerable<string> ScsiController() => ["-device", "lsi53c895a"];

    /// <summary>A plain SCSI disk with unit <paramref name="unit"/>.</summary>
    public static IEnumerable<string> ScsiDisk(int unit, string path, string format) =>
    [
        "-drive", $"file={Escape(path)},id=scsi0-hd{unit},format={format},if=none,readonly=off,cache=writeback",
        "-device", $"scsi-hd,drive=scsi0-hd{unit},scsi-id={unit}",
    ];

    /// <summary>An IDE CD-ROM at index <paramref name="index"/> with Xen device number <paramref name="devno"/>.</summary>
    public static IEnumerable<string> Cdrom(int index, int devno, string path, string format) =>
    [
        "-drive", $"if=none,readonly=on,id=ide-{devno},file={Escape(path)},format={format}",
        "-device", $"ide-cd,id=ide-{devno},drive=ide-{devno},bus=ide.{index / 2},unit={index % 2}",
    ];

    /// <summary>A COLO primary IDE disk: a quorum whose drive id is the export name.</summary>
    public static IEnumerable<string> ColoPrimaryIde(int index, string path, string format, string export) =>
        ["-drive", $"if=ide,index={index},media=disk,cache=writeback,driver=quorum,id={export},children.0.file.filename={Escape(path)},children.0.driver={format},read-pattern=fifo,vote-threshold=1"];

    /// <summary>A COLO secondary IDE disk: the exported image, then the replication top over active and hidden disks.</summary>
    public static IEnumerable<string> ColoSecondaryIde(int index, string path, string format, string export, string active, string hidden) =>
    [
        "-drive", $"if=none,driver={format},file={Escape(path)},id={export}",
        "-drive", $"if=ide,index={index},id=top-colo,media=disk,cache=writeback,driver=replication,mode=secondary,top-id=top-colo,file.driver=qcow2,file.file.filename={Escape(active)},file.backing.driver=qcow2,file.backing.file.filename={Escape(hidden)},file.backing.backing={export}",
    ];
}
