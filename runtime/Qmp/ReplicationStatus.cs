namespace Colo.Gen.Qmp;

/// <summary>The answer of <c>query-xen-replication-status</c>.</summary>
/// <param name="Error">True when replication has failed.</param>
/// <param name="Description">QEMU's reason when <paramref name="Error"/> is true, else null.</param>
public sealed record ReplicationStatus(bool Error, string? Description);
