using System;
using System.Collections.Generic;

namespace Colo.Gen.Backends;

/// <summary>
/// libxl's choice of a disk backend (<c>libxl__device_disk_set_backend</c> and
/// <c>disk_try_backend</c>): a backend the user named is only checked; otherwise phy, qdisk,
/// tap and standalone are tried in that order and the first that fits is taken. COLO follows
/// the seed patch: only qdisk can replicate, and it needs the COLO address, active-disk and
/// hidden-disk. A target nobody examined (<see cref="RemoteHostProbe"/>) is not known to be a block
/// device: a backend the spec names is taken without that check, and in libxl's order phy and
/// standalone are passed over.
/// </summary>
internal static class BackendSelector
{
    /// <summary>
    /// Where libxl keeps the empty files it hands a stub domain for an empty CD-ROM
    /// (<c>LIBXL_STUBDOM_EMPTY_CDROM</c>, XEN_RUN_DIR "/empty-cdrom"); such a target counts as empty.
    /// </summary>
    public const string StubdomEmptyCdrom = "/var/run/xen/empty-cdrom";

    private static readonly DiskBackend[] TryOrder = [DiskBackend.Phy, DiskBackend.Qdisk, DiskBackend.Tap, DiskBackend.Standalone];

    /// <summary>Chooses a backend for <paramref name="disk"/> without changing it.</summary>
    /// <param name="disk">A disk whose defaults are set (<see cref="DiskDefaults"/>).</param>
    /// <param name="probe">Stats the target when a local block device could be needed.</param>
    public static BackendSelection Select(DiskDevice disk, IHostProbe probe)
    {
        ArgumentNullException.ThrowIfNull(disk);
        ArgumentNullException.ThrowIfNull(probe);
        var reasons = new List<string>();
        HostPathStatus target = HostPathStatus.File; // not stat'ed: libxl's zeroed struct stat is no block device

        if (disk.Format == DiskFormat.Empty)
        {
            if (!disk.IsCdrom)
            {
                return Fail(reasons, $"Disk vdev={disk.Vdev} is empty but not cdrom");
            }

            if (!string.IsNullOrEmpty(disk.PdevPath) && !disk.PdevPath.StartsWith(StubdomEmptyCdrom, StringComparison.Ordinal))
            {
                return Fail(reasons, $"Disk vdev={disk.Vdev} is empty but an image has been provided: {disk.PdevPath}");
            }
        }
        else if (disk.Backend is DiskBackend.Unknown or DiskBackend.Phy or DiskBackend.Standalone
                 && IsLocal(disk) && disk.Script is null)
        {
            // Only these backends may need a local block device, so only then is the target
            // examined; a target that cannot be examined ends the choice (libxl's LOGE line).
            target = probe.Stat(disk.PdevPath ?? string.Empty);
            if (!target.Exists)
            {
                return Fail(reasons, $"Disk vdev={disk.Vdev} failed to stat: {disk.PdevPath}: {target.Error}");
            }
        }

        if (disk.Backend != DiskBackend.Unknown)
        {
            return Finish(disk, reasons, TryBackend(disk, disk.Backend, target, named: true, reasons), target);
        }

        foreach (DiskBackend candidate in TryOrder)
        {
            if (TryBackend(disk, candidate, target, named: false, reasons) != DiskBackend.Unknown)
            {
                reasons.Add($"Disk vdev={disk.Vdev}, using backend {candidate.ToLibxlString()}");
                return Finish(disk, reasons, candidate, target);
            }
        }

        return Finish(disk, reasons, DiskBackend.Unknown, target);
    }

    private static BackendSelection Finish(DiskDevice disk, List<string> reasons, DiskBackend chosen, HostPathStatus target) =>
        chosen == DiskBackend.Unknown
            ? Fail(reasons, $"no suitable backend for disk {disk.Vdev}")
            : new BackendSelection(chosen, reasons, null) { TargetExamined = target.IsExamined };

    private static BackendSelection Fail(List<string> reasons, string error) => new(DiskBackend.Unknown, reasons, error);

    /// <summary>libxl's <c>LIBXL_TOOLSTACK_DOMID</c> test: the backend runs in dom0, where the target is a local path.</summary>
    private static bool IsLocal(DiskDevice disk) => disk.BackendDomid == 0;

    /// <summary><c>disk_try_backend</c>: the backend when it fits, else Unknown with the reason logged.</summary>
    private static DiskBackend TryBackend(DiskDevice disk, DiskBackend backend, HostPathStatus target, bool named, List<string> reasons)
    {
        string name = backend.ToLibxlString();

        // The virtio specification goes with the standalone backend and nothing else.
        if ((disk.Specification == DiskSpecification.Virtio) != (backend == DiskBackend.Standalone))
        {
            return Refuse(reasons, $"Disk vdev={disk.Vdev}, backend {name} not compatible with specification {disk.Specification.ToLibxlString()}");
        }

        if (backend is not (DiskBackend.Phy or DiskBackend.Tap or DiskBackend.Qdisk or DiskBackend.Standalone))
        {
            return Refuse(reasons, $"Disk vdev={disk.Vdev}, backend {(int)backend} unknown");
        }

        // Each refusal is what libxl logs after "backend NAME ".
        string? refusal = backend switch
        {
            DiskBackend.Phy => PhyRefusal(disk, target, named),
            DiskBackend.Tap => TapRefusal(disk),
            DiskBackend.Qdisk => QdiskRefusal(disk),
            _ => StandaloneRefusal(disk, target, named),
        };
        return refusal is null ? backend : Refuse(reasons, $"Disk vdev={disk.Vdev}, backend {name} {refusal}");
    }

    private static DiskBackend Refuse(List<string> reasons, string reason)
    {
        reasons.Add(reason);
        return DiskBackend.Unknown;
    }

    /// <summary>phy: no COLO; an empty CD-ROM; else raw, and a block device unless a driver domain or a script provides it.</summary>
    private static string? PhyRefusal(DiskDevice disk, HostPathStatus target, bool named)
    {
        if (WantsColo(disk))
        {
            return NotColo;
        }

        if (disk.IsCdrom && disk.Format == DiskFormat.Empty)
        {
            return null;
        }

        if (disk.Format != DiskFormat.Raw)
        {
            return BadFormat(disk);
        }

        if (!IsLocal(disk) || disk.Script is not null || target.IsBlockDevice)
        {
            return null;
        }

        return BlockDeviceRefusal(target, named);
    }

    /// <summary>
    /// phy and standalone need a local block device: libxl's refusal when the target is known not to be
    /// one; with a target nobody examined, a named backend is taken (the host that runs the guest checks
    /// it) and an unnamed one passed over, so that nothing is guessed.
    /// </summary>
    private static string? BlockDeviceRefusal(HostPathStatus target, bool named)
    {
        if (target.IsExamined)
        {
            return "unsuitable as phys path not a block device";
        }

        return named ? null : "passed over: the target was not examined on this host (a remote host)";
    }

    /// <summary>tap (tapdisk): raw or vhd images, no COLO.</summary>
    private static string? TapRefusal(DiskDevice disk)
    {
        if (disk.Format is not (DiskFormat.Raw or DiskFormat.Vhd))
        {
            return BadFormat(disk);
        }

        return WantsColo(disk) ? NotColo : null;
    }

    /// <summary>
    /// qdisk: no script. With COLO on (the seed's rule) the address, active-disk and
    /// hidden-disk must all be there, since QEMU builds the replication stack from them.
    /// </summary>
    private static string? QdiskRefusal(DiskDevice disk)
    {
        if (disk.Script is not null)
        {
            return NotScript;
        }

        if (!disk.ColoEnable.WithDefault(false).Value)
        {
            return null;
        }

        if (!ColoAddress.IsGiven(disk))
        {
            return "needs colo-params=... for colo";
        }

        if (disk.ActiveDisk is null)
        {
            return "needs active-disk=... for colo";
        }

        return disk.HiddenDisk is null ? "needs hidden-disk=... for colo" : null;
    }

    /// <summary>standalone (virtio): raw, no script, no COLO, a block device unless a driver domain.</summary>
    private static string? StandaloneRefusal(DiskDevice disk, HostPathStatus target, bool named)
    {
        if (disk.Format != DiskFormat.Raw)
        {
            return BadFormat(disk);
        }

        if (disk.Script is not null)
        {
            return NotScript;
        }

        if (WantsColo(disk))
        {
            return NotColo;
        }

        return !IsLocal(disk) || target.IsBlockDevice ? null : BlockDeviceRefusal(target, named);
    }

    /// <summary>The seed refuses COLO on phy and tap when it is on or half-given (active or hidden disk named).</summary>
    private static bool WantsColo(DiskDevice disk) =>
        disk.ColoEnable.WithDefault(false).Value || disk.ActiveDisk is not null || disk.HiddenDisk is not null;

    private const string NotColo = "not compatible with colo";

    private const string NotScript = "not compatible with script=...";

    private static string BadFormat(DiskDevice disk) => $"unsuitable due to format {disk.Format.ToLibxlString()}";
}
