namespace Colo.Gen.Qemu;

/// <content>The seed patch's strings (Xen 4.6's libxl_dm.c plus the COLO patch), byte for byte.</content>
internal static partial class DriveStrings
{
    /// <summary>
    /// The seed dialect: <c>qemu_disk_ide_drive_string</c> and <c>qemu_disk_scsi_drive_string</c>
    /// of the COLO patch, and the CD-ROM strings of the libxl it was written against.
    /// </summary>
    public static class Seed
    {
        /// <summary>A disk without COLO: <c>file=PATH,if=ide,index=N,media=disk,...</c> or <c>file=PATH,if=scsi,bus=0,unit=N,...</c>.</summary>
        /// <param name="bus">The bus.</param>
        /// <param name="unit">The IDE index or SCSI unit (the vdev's disk index).</param>
        /// <param name="path">The image.</param>
        /// <param name="format">QEMU's format name.</param>
        public static string Plain(DriveBus bus, int unit, QemuOptionValue path, string format) => bus == DriveBus.Ide
            ? Invariant($"file={path},if=ide,index={unit},media=disk,format={format},cache=writeback")
            : Invariant($"file={path},if=scsi,bus=0,unit={unit},format={format},cache=writeback");

        /// <summary>
        /// The COLO primary: a quorum of the local image (child 0) and an <c>nbd+colo</c> client of
        /// the secondary (child 1, errors ignored), read in fifo order.
        /// </summary>
        /// <param name="bus">The bus.</param>
        /// <param name="unit">The IDE index or SCSI unit.</param>
        /// <param name="path">The primary's image.</param>
        /// <param name="format">QEMU's format name of the image.</param>
        /// <param name="colo">The secondary's address and export.</param>
        public static string Primary(DriveBus bus, int unit, QemuOptionValue path, string format, ColoDriveValues colo) =>
            Head(bus, unit) + Invariant(
                $",cache=writeback,driver=quorum,children.0.file.filename={path},children.0.driver={format},children.1.file.host={colo.Host},children.1.file.port={colo.Port},children.1.file.export={colo.Export},children.1.file.driver=nbd+colo,children.1.driver=raw,children.1.ignore-errors=on,read-pattern=fifo");

        /// <summary>
        /// The COLO secondary: a <c>qcow2+colo</c> active disk backed by the hidden disk, whose
        /// backing reference is the NBD target drive, exported under the export name.
        /// </summary>
        /// <param name="bus">The bus.</param>
        /// <param name="unit">The IDE index or SCSI unit.</param>
        /// <param name="nbdTargetId">The id of the drive <see cref="NbdTarget"/> made.</param>
        /// <param name="colo">The export, active and hidden disks.</param>
        public static string Secondary(DriveBus bus, int unit, string nbdTargetId, ColoDriveValues colo) =>
            Head(bus, unit) + Invariant(
                $",cache=writeback,driver=qcow2+colo,file={colo.ActiveDisk},backing_reference.drive_id={nbdTargetId},backing_reference.hidden-disk.file.filename={colo.HiddenDisk},backing_reference.hidden-disk.allow-write-backing-file=on,export={colo.Export}");

        /// <summary>The secondary's extra drive, its copy of the disk: <c>if=none,driver=FMT,file=PATH,id=ID</c>.</summary>
        /// <param name="format">QEMU's format name.</param>
        /// <param name="path">The secondary's image.</param>
        /// <param name="id">The drive id (<see cref="NbdTargetId"/>).</param>
        public static string NbdTarget(string format, QemuOptionValue path, string id) =>
            Invariant($"if=none,driver={format},file={path},id={id}");

        /// <summary>
        /// The seed's id for the NBD target drive: <c>nbd_targetN</c> for IDE index N,
        /// <c>nbd_target(N+4)</c> for SCSI unit N (so the two buses do not collide).
        /// </summary>
        /// <param name="bus">The bus.</param>
        /// <param name="unit">The IDE index or SCSI unit.</param>
        public static string NbdTargetId(DriveBus bus, int unit) => Invariant($"nbd_target{(bus == DriveBus.Scsi ? unit + 4 : unit)}");

        /// <summary>
        /// An IDE CD-ROM as the seed's libxl wrote it: one <c>if=ide,...,media=cdrom</c> drive whose
        /// id is <c>ide-DEVNO</c>; without an image when the CD-ROM is empty.
        /// </summary>
        /// <param name="index">The IDE index.</param>
        /// <param name="deviceNumber">The Xen device number.</param>
        /// <param name="readWrite">The disk's readwrite flag (CD-ROMs are read-only after parsing).</param>
        /// <param name="path">The image, or null for an empty drive.</param>
        /// <param name="format">QEMU's format name, with <paramref name="path"/>.</param>
        public static string Cdrom(int index, int deviceNumber, bool readWrite, QemuOptionValue? path, string? format) => path is null
            ? Invariant($"if=ide,index={index},readonly={OnOff(!readWrite)},media=cdrom,cache=writeback,id=ide-{deviceNumber}")
            : Invariant($"file={path},if=ide,index={index},readonly={OnOff(!readWrite)},media=cdrom,format={format},cache=writeback,id=ide-{deviceNumber}");

        private static string Head(DriveBus bus, int unit) => bus == DriveBus.Ide
            ? Invariant($"if=ide,index={unit},media=disk")
            : Invariant($"if=scsi,bus=0,unit={unit}");
    }
}
