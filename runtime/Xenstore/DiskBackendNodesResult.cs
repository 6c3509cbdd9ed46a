using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Colo.Gen.Xenstore;

/// <summary>
/// What <see cref="DiskBackendNodes.For(PreparedDisk, uint, ColoNodeLayout)"/> made, or what
/// <see cref="DiskBackendNodes.Write(IXenstore, string, PreparedDisk, uint, ColoNodeLayout)"/> wrote:
/// the backend nodes, or why there are none (then nothing was written). Never both, never neither.
/// </summary>
public sealed class DiskBackendNodesResult
{
    private DiskBackendNodesResult(IReadOnlyList<KeyValuePair<string, string>>? nodes, string? error)
    {
        Nodes = nodes;
        Error = error;
    }

    /// <summary>The nodes in libxl's order, names relative to the backend directory; null on error.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Nodes { get; }

    /// <summary>Why the disk has no nodes (libxl's message, or ours for a disk prepared for another host); null on success.</summary>
    public string? Error { get; }

    /// <summary>True when the nodes were made (and, for Write, written); then <see cref="Nodes"/> is not null and <see cref="Error"/> is.</summary>
    [MemberNotNullWhen(true, nameof(Nodes))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Nodes is not null;

    internal static DiskBackendNodesResult Made(IReadOnlyList<KeyValuePair<string, string>> nodes) => new(nodes, null);

    internal static DiskBackendNodesResult Refused(string error) => new(null, error);
}
