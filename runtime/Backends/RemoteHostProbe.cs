using System;

namespace Colo.Gen.Backends;

/// <summary>
/// The probe for disks prepared on one host for another (a management host building a guest's QEMU
/// arguments for the host that will run it): it never stats, since this host's files say nothing about
/// that host's, and answers <see cref="HostPathStatus.NotExamined"/> for every target.
/// </summary>
/// <remarks>
/// libxl stats a local target only to tell a block device (phy, standalone) from anything else, so
/// without a stat the backend comes from the spec or from this documented default:
/// <list type="bullet">
/// <item>a backend the spec names (<c>backendtype=</c>) is taken with every check libxl makes except
/// "the target is a block device", which is left to the host that runs the guest;</item>
/// <item>with none named, libxl's order is followed without the two backends that need that answer:
/// phy and standalone are passed over, so a file or device target is served by qdisk (or tap when qdisk
/// does not fit, e.g. with a script). QEMU's arguments for such a disk are the same as for phy (a raw
/// target is opened directly either way); its xenstore nodes are not, so disks prepared this way are
/// refused by <see cref="Xenstore.DiskBackendNodes"/>.</item>
/// </list>
/// A target that does not exist is not an error here: it is the other host's business.
/// </remarks>
public sealed class RemoteHostProbe : IHostProbe
{
    private RemoteHostProbe()
    {
    }

    /// <summary>The one instance; it holds no state.</summary>
    public static RemoteHostProbe Instance { get; } = new();

    /// <inheritdoc/>
    public HostPathStatus Stat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return HostPathStatus.NotExamined;
    }
}
