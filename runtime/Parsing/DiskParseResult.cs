using System.Collections.Generic;

namespace Colo.Gen;

/// <summary>
/// What <see cref="DiskSpecParser"/> made of a disk's spec strings. A small value (the disk and the
/// error lines), so parsing allocates nothing beyond the disk, its strings and any error lines;
/// <c>default</c> is not a parse result.
/// </summary>
public readonly struct DiskParseResult
{
    private readonly IReadOnlyList<string>? errors;

    internal DiskParseResult(DiskDevice disk, IReadOnlyList<string>? errors)
    {
        Disk = disk;
        this.errors = errors;
    }

    /// <summary>
    /// The disk as parsed. On failure it holds what was parsed up to the error (as libxlutil's
    /// disk does); it is never a complete disk then, so check <see cref="Succeeded"/> first.
    /// </summary>
    public DiskDevice Disk { get; }

    /// <summary>libxlutil's error lines, word for word, without a trailing newline; empty on success.</summary>
    public IReadOnlyList<string> Errors => errors ?? [];

    /// <summary>True when the specs described a disk without error.</summary>
    public bool Succeeded => errors is null;

    /// <summary>
    /// The one-line form that the libxlutil oracle (tests/native/xlu-oracle) and
    /// <c>colo-disk parse --jsonl</c> print: <c>{"disk": COMPACT-JSON}</c> on success,
    /// <c>{"errors": ["LINE", ...]}</c> on failure; no newline at the end.
    /// </summary>
    public string ToJsonLine() => JsonLine.Format(this);
}
