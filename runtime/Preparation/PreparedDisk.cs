using System.Collections.Generic;
using Colo.Gen.Backends;

namespace Colo.Gen;

/// <summary>
/// One disk of a domain after <see cref="PreparedDisks.Prepare(IEnumerable{DiskDevice}, DiskHost)"/>:
/// its defaults set, its backend domain resolved and backend chosen, its COLO role and address checked.
/// Only a successful preparation makes one, and it cannot be changed afterwards: the builders that take
/// it (QEMU arguments, xenstore nodes, QMP replication) can rely on all of that.
/// </summary>
public sealed class PreparedDisk
{
    private readonly DiskDevice device;

    internal PreparedDisk(int index, DiskDevice device, IReadOnlyList<string> backendReasons, bool targetExamined)
    {
        Index = index;
        this.device = device;
        BackendReasons = backendReasons;
        TargetExamined = targetExamined;
        Role = ColoRoles.Of(device);
        ColoAddress = Role == ColoRole.None ? null : ColoAddress.Of(device);
        ColoPortNumber = ColoAddress is null ? 0 : ColoOptions.PortNumber(ColoAddress.Port) ?? 0;
    }

    /// <summary>The disk's place in the domain's disk list (0 for the first).</summary>
    public int Index { get; }

    /// <summary>The virtual device the guest sees (xl's <c>vdev=</c>); libxl can number it.</summary>
    public string Vdev => device.Vdev!;

    /// <summary>The backend chosen (never <see cref="DiskBackend.Unknown"/>).</summary>
    public DiskBackend Backend => device.Backend;

    /// <summary>The domain the backend runs in: 0 for the toolstack's domain, else the driver domain <c>backend=</c> resolved to.</summary>
    public uint BackendDomid => device.BackendDomid;

    /// <summary>
    /// The backend runs in the toolstack's domain (libxl's <c>LIBXL_TOOLSTACK_DOMID</c>, 0), so the target
    /// is a path on this host's side; the one test both the backend choice and the QEMU arguments use.
    /// </summary>
    public bool IsLocal => device.BackendDomid == 0;

    /// <summary>The disk's COLO role on this host: none (COLO off), primary or secondary.</summary>
    public ColoRole Role { get; }

    /// <summary>The secondary's NBD address and export for a COLO disk (its port checked to be 1 to 65535); null when COLO is off.</summary>
    public ColoAddress? ColoAddress { get; }

    /// <summary>
    /// False when the backend choice rested on a target nobody examined (<see cref="RemoteHostProbe"/>):
    /// right for QEMU's arguments, not for xenstore's backend nodes, which only the host that runs the guest writes.
    /// </summary>
    public bool TargetExamined { get; }

    /// <summary>libxl's debug lines of the backend choice: why each backend tried was refused or taken.</summary>
    public IReadOnlyList<string> BackendReasons { get; }

    /// <summary>The COLO port as a number (1 to 65535), 0 when COLO is off.</summary>
    internal int ColoPortNumber { get; }

    /// <summary>The prepared disk itself, for the builders in this library; never handed out (callers get <see cref="ToDevice"/>'s copy).</summary>
    internal DiskDevice Device => device;

    /// <summary>A copy of the prepared disk as libxl's type; changing the copy changes nothing here.</summary>
    public DiskDevice ToDevice() => device.Clone();

    /// <summary>The prepared disk in libxl's JSON (<c>libxl_device_disk_to_json</c>), defaults and backend included.</summary>
    public string ToJson() => device.ToJson();
}
