namespace Colo.Gen.Backends;

/// <summary>
/// The part a disk plays in COLO disk replication (libxl_dm.c's <c>LIBXL__COLO_*</c> modes).
/// </summary>
public enum ColoRole
{
    /// <summary>COLO is off for the disk: a plain emulated disk.</summary>
    None = 0,

    /// <summary>The disk of the running VM: a quorum whose writes QEMU also sends to the secondary.</summary>
    Primary = 1,

    /// <summary>The standby copy: an NBD export under a replication driver with active and hidden disks.</summary>
    Secondary = 2,
}
