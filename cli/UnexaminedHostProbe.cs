using System;
using Colo.Gen.Backends;

namespace Colo.Gen.Cli;

/// <summary>
/// <c>qemu-args --no-probe</c>: arguments built on one host (a management host) for another, so nothing
/// on this host is examined. libxl stats a target only to tell a block device (which phy and standalone
/// need) from anything else; this probe answers every target with "exists, not a block device" without
/// looking, so the backend is the spec's <c>backendtype=</c>, else qdisk (tap when qdisk does not fit),
/// and phy and standalone are never chosen for a local target.
/// </summary>
/// <remarks>
/// A stand-in until the library's own non-stat host probe (issue 15) is on main: that one also lets a
/// spec name phy or standalone, leaving the block-device check to the host that runs the guest.
/// </remarks>
internal sealed class UnexaminedHostProbe : IHostProbe
{
    private UnexaminedHostProbe()
    {
    }

    /// <summary>The one instance; it holds no state.</summary>
    public static UnexaminedHostProbe Instance { get; } = new();

    /// <inheritdoc/>
    public HostPathStatus Stat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return HostPathStatus.File;
    }
}
