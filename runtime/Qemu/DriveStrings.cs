using System;
using System.Globalization;

namespace Colo.Gen.Qemu;

/// <summary>The bus QEMU emulates a disk on: libxl puts <c>sd*</c> disks on SCSI and the first four others on IDE.</summary>
internal enum DriveBus
{
    /// <summary>IDE (<c>if=ide,index=N</c>); indexes 0-3.</summary>
    Ide,

    /// <summary>SCSI (the seed's <c>if=scsi,bus=0,unit=N</c>; upstream's <c>scsi-hd</c> on an lsi53c895a).</summary>
    Scsi,
}

/// <summary>
/// The user values of one COLO disk, escaped for QEMU: the secondary's NBD address and export,
/// and the secondary's active and hidden disks.
/// </summary>
/// <param name="Host">The secondary's address.</param>
/// <param name="Port">The NBD port.</param>
/// <param name="Export">The NBD export name; upstream also uses it as a drive id.</param>
/// <param name="ActiveDisk">The secondary's active disk (its guest's writes).</param>
/// <param name="HiddenDisk">The secondary's hidden disk (what the primary's writes overwrote).</param>
internal sealed record ColoDriveValues(
    QemuOptionValue Host,
    QemuOptionValue Port,
    QemuOptionValue Export,
    QemuOptionValue ActiveDisk,
    QemuOptionValue HiddenDisk);

/// <summary>
/// The <c>-drive</c> (and <c>-device</c>) option strings libxl builds for one emulated disk, in
/// both dialects. Every value a user wrote arrives as a <see cref="QemuOptionValue"/>, so it is
/// escaped by construction; formats and numbers come from fixed tables.
/// </summary>
internal static partial class DriveStrings
{
    /// <summary>
    /// QEMU's name for a disk format (libxl's <c>libxl__qemu_disk_format_string</c>): vhd is
    /// QEMU's "vpc"; empty and unknown have none.
    /// </summary>
    /// <param name="format">The libxl format.</param>
    public static string? QemuFormat(DiskFormat format) => format switch
    {
        DiskFormat.Qcow => "qcow",
        DiskFormat.Qcow2 => "qcow2",
        DiskFormat.Vhd => "vpc",
        DiskFormat.Raw => "raw",
        DiskFormat.Qed => "qed",
        _ => null,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string OnOff(bool on) => on ? "on" : "off";
}
