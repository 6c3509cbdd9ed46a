namespace Colo.Gen.Qemu;

/// <content>Today's libxl strings (libxl_dm.c), the ones a released QEMU accepts.</content>
internal static partial class DriveStrings
{
    /// <summary>
    /// The upstream dialect: IDE disks as <c>if=ide</c> drives; SCSI disks as <c>if=none</c> drives
    /// under a <c>scsi-hd</c> device; CD-ROMs as <c>if=none</c> drives under an <c>ide-cd</c>
    /// device; COLO through QEMU's <c>quorum</c> and <c>replication</c> block drivers.
    /// </summary>
    public static class Upstream
    {
        /// <summary>The SCSI controller libxl adds once, before the disks, when any disk is SCSI.</summary>
        public const string ScsiController = "lsi53c895a";

        /// <summary>The drive id of the secondary's replication top (libxl's fixed <c>top-colo</c>).</summary>
        public const string SecondaryTopId = "top-colo";

        /// <summary>An IDE disk without COLO.</summary>
        /// <param name="index">The IDE index (0-3).</param>
        /// <param name="path">The image.</param>
        /// <param name="format">QEMU's format name.</param>
        public static string PlainIde(int index, QemuOptionValue path, string format) =>
            Invariant($"file={path},if=ide,index={index},media=disk,format={format},cache=writeback");

        /// <summary>
        /// The COLO primary on IDE: a one-child quorum (the local image) whose id is the export
        /// name, so that libxl can later add the NBD client as its second child over QMP.
        /// </summary>
        /// <param name="index">The IDE index.</param>
        /// <param name="path">The primary's image.</param>
        /// <param name="format">QEMU's format name.</param>
        /// <param name="colo">The export name.</param>
        public static string PrimaryIde(int index, QemuOptionValue path, string format, ColoDriveValues colo) =>
            Invariant($"if=ide,index={index},media=disk,cache=writeback,driver=quorum,id={colo.Export},{PrimaryChildren(path, format)}");

        /// <summary>
        /// The COLO secondary on IDE: a replication driver in secondary mode over the active disk,
        /// backed by the hidden disk, backed by the exported drive.
        /// </summary>
        /// <param name="index">The IDE index.</param>
        /// <param name="colo">The export, active and hidden disks.</param>
        public static string SecondaryIde(int index, ColoDriveValues colo) =>
            Invariant($"if=ide,index={index},id={SecondaryTopId},media=disk,cache=writeback,{SecondaryStack(colo)}");

        /// <summary>The secondary's copy of an IDE disk, the drive the NBD server exports: its id is the export name.</summary>
        /// <param name="format">QEMU's format name.</param>
        /// <param name="path">The secondary's image.</param>
        /// <param name="colo">The export name.</param>
        public static string SecondaryExportIde(string format, QemuOptionValue path, ColoDriveValues colo) =>
            Invariant($"if=none,driver={format},file={path},id={colo.Export}");

        /// <summary>The secondary's copy of a SCSI disk (as <see cref="SecondaryExportIde"/>, with the disk's read-only flag).</summary>
        /// <param name="format">QEMU's format name.</param>
        /// <param name="path">The secondary's image.</param>
        /// <param name="colo">The export name.</param>
        /// <param name="readWrite">The disk's readwrite flag.</param>
        public static string SecondaryExportScsi(string format, QemuOptionValue path, ColoDriveValues colo, bool readWrite) =>
            Invariant($"if=none,driver={format},file={path},id={colo.Export},readonly={OnOff(!readWrite)}");

        /// <summary>
        /// A SCSI disk's <c>-drive</c> for <paramref name="role"/> and the drive id its
        /// <see cref="ScsiDevice"/> names: <c>scsi0-hdN</c>, the export name (primary) or
        /// <c>top-colo</c> (secondary).
        /// </summary>
        /// <param name="role">The disk's COLO role.</param>
        /// <param name="unit">The SCSI unit (the sd disk index).</param>
        /// <param name="path">The image.</param>
        /// <param name="format">QEMU's format name.</param>
        /// <param name="readWrite">The disk's readwrite flag.</param>
        /// <param name="colo">The COLO values; needed unless <paramref name="role"/> is none.</param>
        public static (string Drive, string Id) Scsi(Backends.ColoRole role, int unit, QemuOptionValue path, string format, bool readWrite, ColoDriveValues? colo)
        {
            string common = Invariant($"if=none,readonly={OnOff(!readWrite)},cache=writeback");
            switch (role)
            {
                case Backends.ColoRole.Primary:
                    return (Invariant($"{common},id={colo!.Export},driver=quorum,{PrimaryChildren(path, format)}"), colo.Export.Escaped);
                case Backends.ColoRole.Secondary:
                    return (Invariant($"{common},id={SecondaryTopId},{SecondaryStack(colo!)}"), SecondaryTopId);
                default:
                    string id = Invariant($"scsi0-hd{unit}");
                    return (Invariant($"file={path},id={id},format={format},{common}"), id);
            }
        }

        /// <summary>The <c>-device</c> that puts a SCSI drive on the controller at SCSI id <paramref name="unit"/>.</summary>
        /// <param name="driveId">The drive's id.</param>
        /// <param name="unit">The SCSI unit.</param>
        public static string ScsiDevice(string driveId, int unit) => Invariant($"scsi-hd,drive={driveId},scsi-id={unit}");

        /// <summary>A CD-ROM's read-only <c>-drive</c>, id <c>ide-DEVNO</c>; with no image when empty.</summary>
        /// <param name="deviceNumber">The Xen device number.</param>
        /// <param name="path">The image, or null.</param>
        /// <param name="format">QEMU's format name, with <paramref name="path"/>.</param>
        public static string CdromDrive(int deviceNumber, QemuOptionValue? path, string? format) => path is null
            ? Invariant($"if=none,readonly=on,id=ide-{deviceNumber}")
            : Invariant($"if=none,readonly=on,id=ide-{deviceNumber},file={path},format={format}");

        /// <summary>The CD-ROM's <c>ide-cd</c> device: IDE index N is bus N/2, unit N%2.</summary>
        /// <param name="deviceNumber">The Xen device number.</param>
        /// <param name="index">The IDE index.</param>
        public static string CdromDevice(int deviceNumber, int index) =>
            Invariant($"ide-cd,id=ide-{deviceNumber},drive=ide-{deviceNumber},bus=ide.{index / 2},unit={index % 2}");

        private static string PrimaryChildren(QemuOptionValue path, string format) =>
            Invariant($"children.0.file.filename={path},children.0.driver={format},read-pattern=fifo,vote-threshold=1");

        private static string SecondaryStack(ColoDriveValues colo) =>
            Invariant($"driver=replication,mode=secondary,top-id={SecondaryTopId},file.driver=qcow2,file.file.filename={colo.ActiveDisk},file.backing.driver=qcow2,file.backing.file.filename={colo.HiddenDisk},file.backing.backing={colo.Export}");
    }
}
