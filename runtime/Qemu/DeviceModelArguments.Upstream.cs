using System.Collections.Generic;
using Colo.Gen.Backends;

namespace Colo.Gen.Qemu;

/// <content>The upstream dialect: today's libxl_dm.c.</content>
public static partial class DeviceModelArguments
{
    private static void BuildUpstream(IReadOnlyList<DiskDevice> disks, Output output)
    {
        // libxl adds the SCSI controller before any disk, once, when a non-CD-ROM disk is
        // on SCSI, so the controller keeps the PCI slot older QEMUs gave it.
        foreach (DiskDevice disk in disks)
        {
            if (!disk.IsCdrom && IsScsi(disk))
            {
                output.Device(DriveStrings.Upstream.ScsiController);
                break;
            }
        }

        for (int i = 0; i < disks.Count; i++)
        {
            output.Start(disks[i], output.ReadyIndexes[i]);
            AddUpstream(disks[i], output);
        }
    }

    private static void AddUpstream(DiskDevice disk, Output output)
    {
        if (EmulatedIndex(disk, output, out Devices.VirtualDeviceNumber number) is not int index)
        {
            return;
        }

        // QEMU interprets the image format only for qdisk; other backends hand it raw data.
        string? format = DriveStrings.QemuFormat(disk.Backend == DiskBackend.Qdisk ? disk.Format : DiskFormat.Raw);
        QemuOptionValue? path = null;
        if (disk.Format == DiskFormat.Empty)
        {
            if (!disk.IsCdrom)
            {
                output.Warnings.Add($"Cannot support empty disk format for {disk.Vdev}");
                return;
            }
        }
        else
        {
            if (format is null)
            {
                output.Warnings.Add($"Unable to determine disk image format: {disk.Vdev}\nDisk {PvOnly}");
                return;
            }

            if (LocalPath(disk) is not string local)
            {
                output.Warnings.Add($"No way to get local access disk to image: {disk.Vdev}\nDisk {PvOnly}");
                return;
            }

            path = Image(local, "target", output);
            if (path is null)
            {
                return;
            }
        }

        if (disk.IsCdrom)
        {
            // Two IDE buses with two units each; libxl's own test is "> 4", which lets index 4
            // through to a bus QEMU does not have, so the first four are taken here as it says.
            if (index >= 4)
            {
                output.Warnings.Add($"Emulated CDROM can be only one of the first 4 disks.\nDisk {disk.Vdev} {PvOnly}");
                return;
            }

            output.Drive(DriveStrings.Upstream.CdromDrive(number.Number, path, path is null ? null : format));
            output.Device(DriveStrings.Upstream.CdromDevice(number.Number, index));
            return;
        }

        AddUpstreamDisk(disk, index, path!, format!, output);
    }

    private static void AddUpstreamDisk(DiskDevice disk, int index, QemuOptionValue path, string format, Output output)
    {
        ColoRole role = ColoRoles.Of(disk);
        bool scsi = IsScsi(disk);
        if (!scsi && index >= 4)
        {
            output.Warnings.Add($"Only 4 emulated IDE disks are supported.\nDisk {disk.Vdev} {PvOnly}");
            return;
        }

        if (!scsi && !disk.Readwrite)
        {
            output.Error("access", "qemu-xen doesn't support read-only IDE disk drivers");
            return;
        }

        ColoDriveValues? colo = null;
        if (role != ColoRole.None && (colo = ColoValues(disk, role, output)) is null)
        {
            return;
        }

        if (scsi)
        {
            if (role == ColoRole.Secondary)
            {
                output.Drive(DriveStrings.Upstream.SecondaryExportScsi(format, path, colo!, disk.Readwrite));
            }

            (string drive, string id) = DriveStrings.Upstream.Scsi(role, index, path, format, disk.Readwrite, colo);
            output.Drive(drive);
            output.Device(DriveStrings.Upstream.ScsiDevice(id, index));
            return;
        }

        switch (role)
        {
            case ColoRole.Primary:
                output.Drive(DriveStrings.Upstream.PrimaryIde(index, path, format, colo!));
                break;
            case ColoRole.Secondary:
                output.Drive(DriveStrings.Upstream.SecondaryExportIde(format, path, colo!));
                output.Drive(DriveStrings.Upstream.SecondaryIde(index, colo!));
                break;
            default:
                output.Drive(DriveStrings.Upstream.PlainIde(index, path, format));
                break;
        }
    }

    /// <summary>
    /// libxl's <c>libxl__device_disk_find_local_path</c> for QEMU: no local path for a driver
    /// domain's disk; a raw image without a script, or any qdisk target, is opened directly.
    /// A script's or tapdisk's device is only known once attached, which is beyond this library.
    /// </summary>
    /// <remarks>
    /// libxl asks here whether <c>backend_domname</c> is set, while its backend choice asks whether
    /// <c>backend_domid</c> is the toolstack's: <c>backend=0</c> or <c>backend=Domain-0</c> is local for one
    /// and not for the other. Here both ask the one resolved id, so a disk is local for both or for neither.
    /// </remarks>
    private static string? LocalPath(DiskDevice disk)
    {
        if (disk.BackendDomid != 0)
        {
            return null;
        }

        if ((disk.Format == DiskFormat.Raw && disk.Script is null) || disk.Backend == DiskBackend.Qdisk)
        {
            return disk.PdevPath;
        }

        return null;
    }
}
