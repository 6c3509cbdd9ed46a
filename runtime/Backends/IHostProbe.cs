using System;

namespace Colo.Gen.Backends;

/// <summary>What a look at a disk's target on a host found (libxl stats it before choosing a backend).</summary>
public enum HostPathKind
{
    /// <summary>The stat failed: there is no such path, or it cannot be reached (<see cref="HostPathStatus.Error"/> says why).</summary>
    Missing = 0,

    /// <summary>The path exists and is not a block device: an image file (or a directory, a socket...).</summary>
    File = 1,

    /// <summary>A block device (<c>S_ISBLK</c>), which the phy and standalone backends need.</summary>
    BlockDevice = 2,

    /// <summary>
    /// Nobody looked: the probe does not examine this host (<see cref="RemoteHostProbe"/>), because the
    /// disks are prepared for another host, the one that will run the guest.
    /// </summary>
    NotExamined = 3,
}

/// <summary>What a <c>stat</c> of a disk's target says, or that there was none (<see cref="HostPathKind.NotExamined"/>).</summary>
public readonly record struct HostPathStatus
{
    private HostPathStatus(HostPathKind kind, string? error)
    {
        Kind = kind;
        Error = error;
    }

    /// <summary>What the look found. <c>default(HostPathStatus)</c> is a failed stat with no message.</summary>
    public HostPathKind Kind { get; }

    /// <summary>When the stat failed: the system's message for it (strerror), as libxl logs it; else null.</summary>
    public string? Error { get; }

    /// <summary>The stat succeeded, or was not made (a target nobody examined is not known to be missing).</summary>
    public bool Exists => Kind != HostPathKind.Missing;

    /// <summary>The target is known to be a block device.</summary>
    public bool IsBlockDevice => Kind == HostPathKind.BlockDevice;

    /// <summary>The target was looked at on this host (every kind but <see cref="HostPathKind.NotExamined"/>).</summary>
    public bool IsExamined => Kind != HostPathKind.NotExamined;

    /// <summary>A target that exists and is not a block device (an image file).</summary>
    public static HostPathStatus File => new(HostPathKind.File, null);

    /// <summary>A target that is a block device (<c>S_ISBLK</c>): what phy and standalone need.</summary>
    public static HostPathStatus BlockDevice => new(HostPathKind.BlockDevice, null);

    /// <summary>A target nobody examined (<see cref="RemoteHostProbe"/>).</summary>
    public static HostPathStatus NotExamined => new(HostPathKind.NotExamined, null);

    /// <summary>A failed stat with the given message.</summary>
    /// <param name="error">strerror's text, e.g. "No such file or directory".</param>
    public static HostPathStatus Missing(string error = "No such file or directory")
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(HostPathKind.Missing, error);
    }
}

/// <summary>
/// The host facts backend selection needs: <see cref="LinuxHostProbe"/> stats this host's targets, as
/// libxl does on the host that runs the guest; <see cref="RemoteHostProbe"/> looks at nothing, for disks
/// prepared on one host for another; tests give a fake.
/// </summary>
public interface IHostProbe
{
    /// <summary>Stats <paramref name="path"/>, following symbolic links as <c>stat(2)</c> does.</summary>
    /// <param name="path">The disk's target.</param>
    HostPathStatus Stat(string path);
}
