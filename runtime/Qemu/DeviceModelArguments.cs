using System;
using System.Collections.Generic;
using Colo.Gen.Backends;
using Colo.Gen.Devices;

namespace Colo.Gen.Qemu;

/// <summary>
/// The disk part of the QEMU command line libxl builds for an HVM domain
/// (<c>libxl__build_device_model_args_new</c>): for each disk in order, its drives and devices
/// by bus (IDE, SCSI), kind (disk, CD-ROM) and COLO role (none, primary, secondary); disks QEMU
/// does not emulate are left out with libxl's warning.
/// </summary>
public static partial class DeviceModelArguments
{
    private const string PvOnly = "will be available via PV drivers but not as an emulated disk.";

    /// <summary>Builds the arguments for <paramref name="disks"/>, whose defaults and COLO roles are set.</summary>
    /// <param name="disks">The domain's disks, in its order (after <see cref="DiskDefaults.Apply"/> and <see cref="ColoRoles.Assign"/>).</param>
    /// <param name="dialect">Which libxl's strings to write.</param>
    public static DeviceModelResult Build(IReadOnlyList<DiskDevice> disks, QemuDialect dialect = QemuDialect.Upstream)
    {
        ArgumentNullException.ThrowIfNull(disks);
        var output = new Output();
        if (dialect == QemuDialect.Seed)
        {
            BuildSeed(disks, output);
        }
        else
        {
            BuildUpstream(disks, output);
        }

        return new DeviceModelResult(output.Arguments, output.Warnings, output.Errors);
    }

    /// <summary>The disk index QEMU emulates the disk at, or null with libxl's warning.</summary>
    private static int? EmulatedIndex(DiskDevice disk, Output output, out VirtualDeviceNumber number)
    {
        if (VirtualDeviceNumber.TryParse(disk.Vdev, out number) && number.Disk is int index)
        {
            return index;
        }

        output.Warnings.Add($"unable to determine disk number for {disk.Vdev}");
        return null;
    }

    /// <summary>True for the vdevs libxl puts on SCSI: it tests the prefix <c>sd</c> (<c>strncmp(vdev, "sd", 2)</c>).</summary>
    private static bool IsScsi(DiskDevice disk) => disk.Vdev is not null && disk.Vdev.StartsWith("sd", StringComparison.Ordinal);

    /// <summary>Escapes a user value, or records why QEMU cannot take it.</summary>
    private static QemuOptionValue? Escape(string? raw, string what, Output output)
    {
        QemuOptionValueResult result = QemuOptionValue.Escape(raw ?? string.Empty, what);
        if (result.Error is not null)
        {
            output.Errors.Add(result.Error);
        }

        return result.Value;
    }

    /// <summary>
    /// The escaped COLO values of a COLO disk, or null with the seed's warning when the
    /// address does not parse or a disk the role needs is missing; that disk gets no drive.
    /// </summary>
    private static ColoDriveValues? ColoValues(DiskDevice disk, ColoRole role, Output output)
    {
        ColoAddress? address = ColoAddress.Of(disk);
        if (address is null || (role == ColoRole.Secondary && (disk.ActiveDisk is null || disk.HiddenDisk is null)))
        {
            output.Warnings.Add($"colo-params is invalid for {disk.PdevPath}");
            return null;
        }

        QemuOptionValue? host = Escape(address.Host, "colo host", output);
        QemuOptionValue? port = Escape(address.Port, "colo port", output);
        QemuOptionValue? export = Escape(address.Export, "colo export", output);
        QemuOptionValue? active = Escape(disk.ActiveDisk ?? string.Empty, "active-disk", output);
        QemuOptionValue? hidden = Escape(disk.HiddenDisk ?? string.Empty, "hidden-disk", output);
        return host is null || port is null || export is null || active is null || hidden is null
            ? null
            : new ColoDriveValues(host, port, export, active, hidden);
    }

    private sealed class Output
    {
        public List<string> Arguments { get; } = [];

        public List<string> Warnings { get; } = [];

        public List<string> Errors { get; } = [];

        public void Drive(string drive)
        {
            Arguments.Add("-drive");
            Arguments.Add(drive);
        }

        public void Device(string device)
        {
            Arguments.Add("-device");
            Arguments.Add(device);
        }
    }
}
