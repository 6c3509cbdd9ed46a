using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;

namespace Colo.Gen;

/// <summary>
/// What <see cref="DiskSpecParser"/> made of a disk's spec strings. A small value (the disk and its
/// errors), so parsing allocates nothing beyond the disk, its strings and any errors.
/// </summary>
/// <remarks>
/// Only <see cref="DiskSpecParser"/> makes one. <c>default(DiskParseResult)</c> (an array slot never
/// filled, a field never set) is not a parse of anything: it has no <see cref="Disk"/>, no errors,
/// and <see cref="Succeeded"/> is false, so it can never pass for a disk that parsed.
/// </remarks>
public readonly struct DiskParseResult
{
    private readonly DiskSpecErrors? errors;

    internal DiskParseResult(DiskDevice disk, DiskSpecErrors? errors)
    {
        Disk = disk;
        this.errors = errors;
    }

    /// <summary>
    /// The disk as parsed; not null once <see cref="Succeeded"/> is true. On failure it holds what was
    /// parsed up to the error (as libxlutil's disk does), which is never a complete disk; it is null only
    /// for <c>default(DiskParseResult)</c>, which no parse returns.
    /// </summary>
    public DiskDevice? Disk { get; }

    /// <summary>
    /// libxlutil's error lines, word for word, without a trailing newline; empty on success. Each
    /// line is made from <see cref="ErrorDetails"/> when it is read (none is stored); when errors
    /// were past <see cref="DiskSpecParser.MaxErrorsKept"/>, a last line says how many more there were.
    /// </summary>
    public IReadOnlyList<string> Errors => errors?.Lines() ?? [];

    /// <summary>The errors as values (message, which spec, where), at most <see cref="DiskSpecParser.MaxErrorsKept"/>; empty on success.</summary>
    public IReadOnlyList<DiskSpecError> ErrorDetails => errors?.Kept ?? [];

    /// <summary>How many errors the parse found beyond <see cref="DiskSpecParser.MaxErrorsKept"/> and only counted.</summary>
    public int OmittedErrorCount => errors?.Omitted ?? 0;

    /// <summary>
    /// True when the specs described a disk without error; then <see cref="Disk"/> is not null.
    /// False on any error, and for <c>default(DiskParseResult)</c>.
    /// </summary>
    [MemberNotNullWhen(true, nameof(Disk))]
    public bool Succeeded => Disk is not null && errors is null;

    /// <summary>
    /// The one-line form that the libxlutil oracle (tests/native/xlu-oracle) and
    /// <c>colo-disk parse --jsonl</c> print: <c>{"disk": COMPACT-JSON}</c> on success,
    /// <c>{"errors": ["LINE", ...]}</c> on failure (<c>{"errors": []}</c> for <c>default</c>); no newline
    /// at the end. Every error line quotes its spec, so for a huge spec use <see cref="WriteJsonLine"/>,
    /// which never holds the line whole.
    /// </summary>
    public string ToJsonLine() => JsonLine.Format(this);

    /// <summary>Writes <see cref="ToJsonLine"/>'s line to <paramref name="writer"/> piece by piece (no newline).</summary>
    /// <param name="writer">Where the line goes.</param>
    public void WriteJsonLine(TextWriter writer) => JsonLine.Write(writer, this);

    /// <summary>The disk's errors with their cap, for the line writers.</summary>
    internal DiskSpecErrors? ErrorList => errors;
}
