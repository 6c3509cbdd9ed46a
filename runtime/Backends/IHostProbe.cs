namespace Colo.Gen.Backends;

/// <summary>What a <c>stat</c> of a disk's target says (libxl stats it before choosing a backend).</summary>
/// <param name="Exists">The stat succeeded.</param>
/// <param name="IsBlockDevice">The target is a block device (<c>S_ISBLK</c>), which the phy and standalone backends need.</param>
/// <param name="Error">When the stat failed: the system's message for it (strerror), as libxl logs it.</param>
public readonly record struct HostPathStatus(bool Exists, bool IsBlockDevice, string? Error)
{
    /// <summary>A target that exists and is not a block device (an image file).</summary>
    public static HostPathStatus File => new(true, false, null);

    /// <summary>A block device.</summary>
    public static HostPathStatus BlockDevice => new(true, true, null);

    /// <summary>A failed stat with the given message.</summary>
    /// <param name="error">strerror's text, e.g. "No such file or directory".</param>
    public static HostPathStatus Missing(string error = "No such file or directory") => new(false, false, error);
}

/// <summary>The host facts backend selection needs; tests give a fake, the toolstack host the real one.</summary>
public interface IHostProbe
{
    /// <summary>Stats <paramref name="path"/>, following symbolic links as <c>stat(2)</c> does.</summary>
    /// <param name="path">The disk's target.</param>
    HostPathStatus Stat(string path);
}
