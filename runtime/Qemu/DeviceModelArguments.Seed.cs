using System.Collections.Generic;
using Colo.Gen.Backends;

namespace Colo.Gen.Qemu;

/// <content>The seed dialect: Xen 4.6's libxl_dm.c with the COLO patch.</content>
public static partial class DeviceModelArguments
{
    private static void BuildSeed(IReadOnlyList<DiskDevice> disks, Output output)
    {
        for (int i = 0; i < disks.Count; i++)
        {
            output.Start(disks[i], output.ReadyIndexes[i]);
            AddSeed(disks[i], output);
        }
    }

    private static void AddSeed(DiskDevice disk, Output output)
    {
        if (EmulatedIndex(disk, output, out Devices.VirtualDeviceNumber number) is not int index)
        {
            return;
        }

        // The seed's libxl gives QEMU the disk's own format whatever the backend.
        string? format = DriveStrings.QemuFormat(disk.Format);
        if (disk.IsCdrom)
        {
            AddSeedCdrom(disk, index, number.Number, format, output);
            return;
        }

        if (!disk.Readwrite)
        {
            output.Error("access", "qemu-xen doesn't support read-only disk drivers");
            return;
        }

        if (disk.Format == DiskFormat.Empty)
        {
            output.Warnings.Add($"cannot support empty disk format for {disk.Vdev}");
            return;
        }

        if (format is null)
        {
            output.Warnings.Add($"unable to determine disk image format {disk.Vdev}");
            return;
        }

        // sd disks go to SCSI as they are; of the others, indexes 0-3 are hda-hdd and the rest
        // are not emulated.
        DriveBus bus = IsScsi(disk) ? DriveBus.Scsi : DriveBus.Ide;
        if (bus == DriveBus.Ide && index >= 4)
        {
            return;
        }

        QemuOptionValue? path = Image(disk.PdevPath, "target", output);
        ColoRole role = ColoRoles.Of(disk);
        ColoDriveValues? colo = null;

        // The seed checks colo-params while writing the disk's drive, after the secondary's NBD
        // target drive is already out; here it is checked first, so a disk it refuses gets no
        // drive at all rather than a lone NBD target.
        if (path is null || (role != ColoRole.None && (colo = ColoValues(disk, role, output)) is null))
        {
            return;
        }

        switch (role)
        {
            case ColoRole.Primary:
                output.Drive(DriveStrings.Seed.Primary(bus, index, path, format, colo!));
                break;
            case ColoRole.Secondary:
                string nbdTarget = DriveStrings.Seed.NbdTargetId(bus, index);
                output.Drive(DriveStrings.Seed.NbdTarget(format, path, nbdTarget));
                output.Drive(DriveStrings.Seed.Secondary(bus, index, nbdTarget, colo!));
                break;
            default:
                output.Drive(DriveStrings.Seed.Plain(bus, index, path, format));
                break;
        }
    }

    private static void AddSeedCdrom(DiskDevice disk, int index, int deviceNumber, string? format, Output output)
    {
        if (disk.Format == DiskFormat.Empty)
        {
            output.Drive(DriveStrings.Seed.Cdrom(index, deviceNumber, disk.Readwrite, null, null));
            return;
        }

        if (format is null)
        {
            output.Warnings.Add($"unable to determine disk image format {disk.Vdev}");
            return;
        }

        if (Image(disk.PdevPath, "target", output) is QemuOptionValue path)
        {
            output.Drive(DriveStrings.Seed.Cdrom(index, deviceNumber, disk.Readwrite, path, format));
        }
    }
}
