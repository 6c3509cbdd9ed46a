namespace Colo.Gen.Qemu;

/// <summary>Which libxl's QEMU disk arguments to produce.</summary>
public enum QemuDialect
{
    /// <summary>
    /// Today's libxl (<c>libxl_dm.c</c>): <c>driver=quorum</c> on the primary,
    /// <c>driver=replication</c> on the secondary; what a real QEMU (7.2) accepts. The default.
    /// </summary>
    Upstream = 0,

    /// <summary>
    /// The seed patch's strings byte for byte (<c>nbd+colo</c>, <c>qcow2+colo</c>), for the COLO
    /// development QEMU of 2015; released QEMU does not know these drivers.
    /// </summary>
    Seed = 1,
}
