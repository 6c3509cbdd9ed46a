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

    /// <summary>Builds the arguments for a domain's prepared disks.</summary>
    /// <param name="disks">The domain's disks, prepared for the host whose QEMU these arguments are for (<see cref="PreparedDisks.Prepare(IEnumerable{DiskDevice}, DiskHost)"/>).</param>
    /// <param name="dialect">Which libxl's strings to write.</param>
    /// <param name="policy">
    /// Which QEMU protocols the disks' image names (target, active-disk, hidden-disk) may choose;
    /// <see cref="QemuTargetPolicy.Default"/> when null. A refused name is an error in the result.
    /// </param>
    /// <returns>
    /// The arguments; an error and no arguments when the disks were prepared for a PV or PVH guest
    /// (<see cref="DiskHost.HvmGuest"/> false), whose disks QEMU does not emulate.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="disks"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dialect"/> is not a <see cref="QemuDialect"/>.</exception>
    public static DeviceModelResult Build(PreparedDisks disks, QemuDialect dialect = QemuDialect.Upstream, QemuTargetPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(disks);
        if (!disks.Host.HvmGuest)
        {
            return new DeviceModelResult([], [], [new DeviceModelError(-1, null, null, "the disks were prepared for a PV or PVH guest, and QEMU emulates no disk for one")]);
        }

        return Build(disks.Devices, dialect, policy);
    }

    /// <summary>
    /// Builds the arguments for disks whose defaults, backend and COLO roles are set (what
    /// <see cref="PreparedDisks"/> holds). A disk that plainly never had them set (no backend, unset
    /// COLO defbools) is refused with an error instead of being given arguments.
    /// </summary>
    internal static DeviceModelResult Build(IReadOnlyList<DiskDevice> disks, QemuDialect dialect = QemuDialect.Upstream, QemuTargetPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(disks);
        if (!Enum.IsDefined(dialect))
        {
            throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "not a QEMU dialect");
        }

        var output = new Output(policy ?? QemuTargetPolicy.Default);
        var ready = new List<DiskDevice>(disks.Count);
        for (int i = 0; i < disks.Count; i++)
        {
            DiskDevice disk = disks[i];
            ArgumentNullException.ThrowIfNull(disk, nameof(disks));
            if (disk.Backend == DiskBackend.Unknown || disk.ColoEnable.IsDefault || disk.ColoRestoreEnable.IsDefault)
            {
                output.Start(disk, i);
                output.Error(null, $"disk {disk.Vdev} was not prepared: its defaults, backend and COLO role are not set");
                continue;
            }

            ready.Add(disk);
            output.ReadyIndexes.Add(i);
        }

        if (dialect == QemuDialect.Seed)
        {
            BuildSeed(ready, output);
        }
        else
        {
            BuildUpstream(ready, output);
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

    /// <summary>Escapes a user value, or records why QEMU cannot take it (against <paramref name="option"/>, as xl spells it).</summary>
    private static QemuOptionValue? Escape(string? raw, string what, string option, Output output)
    {
        QemuOptionValueResult result = QemuOptionValue.Escape(raw ?? string.Empty, what);
        if (result.Error is not null)
        {
            output.Error(option, result.Error);
        }

        return result.Value;
    }

    /// <summary>An image name (target, active-disk, hidden-disk) through the target policy, or null with the reason.</summary>
    private static QemuOptionValue? Image(string? imageName, string what, Output output)
    {
        QemuOptionValueResult result = output.Policy.Apply(imageName ?? string.Empty, what);
        if (result.Error is not null)
        {
            output.Error(what, result.Error);
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

        // The export is a drive id upstream and the device the secondary's NBD server exports: a
        // QEMU identifier in both dialects.
        string exportOption = ColoAddress.OptionOf(disk, "colo-export");
        if (QemuIdentifier.Problem(address.Export, exportOption == "colo-export" ? exportOption : "colo-params exportname") is string notAnIdentifier)
        {
            output.Error(exportOption, notAnIdentifier);
            return null;
        }

        QemuOptionValue? host = Escape(address.Host, "colo host", ColoAddress.OptionOf(disk, "colo-host"), output);
        QemuOptionValue? port = Escape(address.Port, "colo port", ColoAddress.OptionOf(disk, "colo-port"), output);
        QemuOptionValue? export = Escape(address.Export, "colo export", exportOption, output);
        QemuOptionValue? active = Image(disk.ActiveDisk, "active-disk", output);
        QemuOptionValue? hidden = Image(disk.HiddenDisk, "hidden-disk", output);
        return host is null || port is null || export is null || active is null || hidden is null
            ? null
            : new ColoDriveValues(host, port, export, active, hidden);
    }

    private sealed class Output(QemuTargetPolicy policy)
    {
        public QemuTargetPolicy Policy { get; } = policy;

        public List<string> Arguments { get; } = [];

        public List<string> Warnings { get; } = [];

        public List<DeviceModelError> Errors { get; } = [];

        /// <summary>For each disk the dialects are given, its place in the list Build was given.</summary>
        public List<int> ReadyIndexes { get; } = [];

        private DiskDevice? current;
        private int currentIndex = -1;

        /// <summary>The disk the next errors are about, and its place in the list Build was given.</summary>
        public void Start(DiskDevice disk, int index)
        {
            current = disk;
            currentIndex = index;
        }

        /// <summary>Records an error about the current disk, against <paramref name="option"/> when a value is at fault.</summary>
        public void Error(string? option, string message) =>
            Errors.Add(new DeviceModelError(currentIndex, current?.Vdev, option, message));

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
