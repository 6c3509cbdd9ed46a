using System;
using Colo.Gen.Backends;
using Colo.Gen.Xenstore;

namespace Colo.Gen;

/// <summary>
/// The host a domain's disks are prepared for (<see cref="PreparedDisks.Prepare(System.Collections.Generic.IEnumerable{DiskDevice}, DiskHost)"/>):
/// the COLO role its QEMU takes, how its disk targets are examined, where backend domain names are
/// looked up, and whether the guest is HVM.
/// </summary>
public sealed record DiskHost
{
    /// <summary>A host whose targets <paramref name="probe"/> examines.</summary>
    /// <param name="probe">How targets are examined: <see cref="LinuxHostProbe"/> on the host that runs the guest, <see cref="RemoteHostProbe"/> for another.</param>
    /// <param name="role">The COLO role this host's QEMU takes (see <see cref="Role"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="probe"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not a <see cref="ColoRole"/>.</exception>
    public DiskHost(IHostProbe probe, ColoRole role = ColoRole.Primary)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "not a COLO role");
        }

        Probe = probe;
        Role = role;
    }

    /// <summary>
    /// This host, the one that runs the guest: targets are stat'ed here (<see cref="LinuxHostProbe"/>), as libxl does.
    /// </summary>
    /// <param name="role">The COLO role this host's QEMU takes.</param>
    public static DiskHost ThisHost(ColoRole role = ColoRole.Primary) => new(LinuxHostProbe.Instance, role);

    /// <summary>
    /// Another host: nothing here is examined (<see cref="RemoteHostProbe"/>), and the backend comes from
    /// the spec or <see cref="RemoteHostProbe"/>'s documented default.
    /// </summary>
    /// <param name="role">The COLO role that host's QEMU takes.</param>
    public static DiskHost Remote(ColoRole role = ColoRole.Primary) => new(RemoteHostProbe.Instance, role);

    /// <summary>How the disks' targets are examined for the backend choice.</summary>
    public IHostProbe Probe { get; }

    /// <summary>
    /// The COLO role this host's QEMU takes, which libxl derives from how the domain is started:
    /// <see cref="ColoRole.Primary"/> for a domain created new (the default), <see cref="ColoRole.Secondary"/>
    /// for one restored from a COLO checkpoint stream. <see cref="ColoRole.None"/> (restored from any other
    /// stream) treats COLO disks as the primary does. Disks without <c>colo</c> are plain whatever the role.
    /// </summary>
    public ColoRole Role { get; }

    /// <summary>
    /// Where a disk's <c>backend=NAME</c> is looked up (<c>/local/domain/*/name</c>), as libxl resolves it;
    /// null when there is no xenstore to ask, and then only numeric backend domains can be prepared.
    /// </summary>
    public IXenstoreNodes? Xenstore { get; init; }

    /// <summary>
    /// The guest is HVM, so QEMU emulates its disks and an HVM guest's CD-ROM rules apply (true, the
    /// default); false for PV and PVH guests, whose disks QEMU does not emulate.
    /// </summary>
    public bool HvmGuest { get; init; } = true;
}
