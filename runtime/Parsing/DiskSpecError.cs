using System;
using System.IO;

namespace Colo.Gen;

/// <summary>
/// One error libxlutil's disk-spec parser reports, as a value: what went wrong
/// (<see cref="Message"/>), in which spec of the disk (<see cref="SpecIndex"/>, <see cref="Spec"/>)
/// and where in it (<see cref="Offset"/>, <see cref="Length"/>, <see cref="Near"/>).
/// <see cref="ToString"/> is libxlutil's line word for word:
/// <c>SOURCE: config parsing error in disk specification: MESSAGE[: near `TEXT'] in `SPEC'</c>.
/// </summary>
/// <remarks>
/// The line is made on demand and never stored: the error holds the spec string (the caller's own
/// when the disk was parsed from strings) and an offset into it, so a disk's errors take memory in proportion to their number, not to their
/// number times the spec's length (libxlutil prints the whole spec on every line).
/// Two deliberate departures from libxlutil's bytes, both about text it would print broken:
/// where the offending text ends (or starts) inside a multi-byte UTF-8 character (libxlutil's
/// "unknown parameter" rule takes one byte after '='), the bytes of that partial character are
/// printed as <c>\xNN</c> escapes instead of half a character; and a lone UTF-16 surrogate in a
/// spec is printed as <c>\uXXXX</c>.
/// </remarks>
public sealed class DiskSpecError : IEquatable<DiskSpecError>
{
    /// <summary>What every libxlutil disk-spec error line has between the source and the message.</summary>
    internal const string LinePrefix = ": config parsing error in disk specification: ";

    private readonly int partialLead;
    private readonly int partialTail;
    private readonly string? nearText;

    internal DiskSpecError(string source, string message, int specIndex, string? spec, int offset, int length, int partialLead, int partialTail, string? nearText)
    {
        Source = source;
        Message = message;
        SpecIndex = specIndex;
        Spec = spec;
        Offset = offset;
        Length = length;
        this.partialLead = partialLead;
        this.partialTail = partialTail;
        this.nearText = nearText;
    }

    /// <summary>The configuration source the line starts with (xl's <c>command line</c>, or a config file's name).</summary>
    public string Source { get; }

    /// <summary>libxlutil's message, e.g. <c>unknown value for format</c> or <c>vdev respecified</c>.</summary>
    public string Message { get; }

    /// <summary>
    /// Which of the disk's spec strings the error is in (0 for the first), or -1 when the disk was
    /// given no spec at all (libxlutil then quotes the spec as <c>(null)</c>).
    /// </summary>
    public int SpecIndex { get; }

    /// <summary>
    /// The spec string the error quotes, or null when there was none. When the disk was parsed from
    /// strings it is the caller's own string, not a copy; when it was read as bytes (a <c>--jsonl</c>
    /// line, a configuration file's disk item) it is that spec decoded once for the error, any byte
    /// that is not UTF-8 shown as <c>\xNN</c>.
    /// </summary>
    public string? Spec { get; }

    /// <summary>
    /// Where the offending text starts in <see cref="Spec"/>, in UTF-16 characters; -1 when the
    /// error is about the disk as a whole (<c>no vdev specified</c>) and names no text.
    /// </summary>
    public int Offset { get; }

    /// <summary>
    /// How many characters of <see cref="Spec"/> from <see cref="Offset"/> the offending text
    /// covers (whole characters, including one that libxlutil's byte-wise scanner cut in two); 0 when there is none.
    /// </summary>
    public int Length { get; }

    /// <summary>
    /// The text printed after <c>near</c>, or null when the line has no <c>near</c> part. Usually
    /// the characters at <see cref="Offset"/>; the bytes of a character libxlutil's scanner cut in two
    /// are shown as <c>\xNN</c>, a lone surrogate as <c>\uXXXX</c>. For a deprecated script prefix
    /// (<c>nbd:</c>) it is the script name libxlutil made of it (<c>block-nbd</c>).
    /// </summary>
    public string? Near
    {
        get
        {
            if (nearText is not null)
            {
                return nearText;
            }

            if (Offset < 0 || Spec is null)
            {
                return null;
            }

            ReadOnlySpan<char> chars = Spec.AsSpan(Offset, Length);
            if (partialLead == 0 && partialTail == 0)
            {
                return new string(chars);
            }

            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(chars.ToArray());
            return Utf8Text.Show(utf8.AsSpan(partialLead, utf8.Length - partialLead - partialTail));
        }
    }

    /// <summary>libxlutil's error line, word for word, without a newline.</summary>
    public override string ToString()
    {
        var line = new StringWriter(new System.Text.StringBuilder(Source.Length + Message.Length + (Spec?.Length ?? 6) + Length + 64));
        WriteTo(line);
        return line.ToString();
    }

    /// <summary>Writes libxlutil's error line (without a newline) to <paramref name="writer"/>, without building it as one string first.</summary>
    /// <param name="writer">Where the line goes.</param>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Write(writer, json: false);
    }

    /// <summary>Writes the line, as plain text or as the inside of a JSON string escaped as yajl escapes it.</summary>
    internal void Write(TextWriter writer, bool json)
    {
        Put(writer, Source, json);
        Put(writer, LinePrefix, json);
        Put(writer, Message, json);
        if (Near is string near)
        {
            Put(writer, ": near `", json);
            Put(writer, near, json);
            Put(writer, "'", json);
        }

        Put(writer, " in `", json);
        if (Spec is null)
        {
            Put(writer, "(null)", json);
        }
        else
        {
            Utf8Text.WriteShowingLoneSurrogates(writer, Spec, json);
        }

        Put(writer, "'", json);
    }

    private static void Put(TextWriter writer, ReadOnlySpan<char> text, bool json)
    {
        if (json)
        {
            JsonLine.WriteEscaped(writer, text);
        }
        else
        {
            writer.Write(text);
        }
    }

    /// <inheritdoc/>
    public bool Equals(DiskSpecError? other) =>
        other is not null
        && Source == other.Source
        && Message == other.Message
        && SpecIndex == other.SpecIndex
        && Spec == other.Spec
        && Offset == other.Offset
        && Length == other.Length
        && Near == other.Near;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DiskSpecError);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Source, Message, SpecIndex, Offset, Length);
}
