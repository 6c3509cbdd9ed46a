using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Colo.Gen;

/// <summary>
/// Parses xl disk specifications exactly as Xen's libxlutil (<c>xlu_disk_parse</c>) does:
/// the same values, the same defaults after the scan, the same error lines.
/// </summary>
public static class DiskSpecParser
{
    /// <summary>The source name xl's command line reports errors under.</summary>
    public const string CommandLine = "command line";

    /// <summary>
    /// How many errors a disk keeps as <see cref="DiskSpecError"/> values. libxlutil reports every
    /// error and quotes the whole spec on each line, so a spec made of errors would print itself
    /// once per error; past this many the errors are only counted, and the disk's lines end with
    /// <c>N more errors</c>. No spec a person writes comes near it.
    /// </summary>
    public const int MaxErrorsKept = 100;

    /// <summary>
    /// The longest spec (in UTF-8 bytes) the scanner can hold: the largest byte array .NET allows.
    /// A longer one is reported as an error rather than failing with an exception.
    /// </summary>
    public static readonly long MaxSpecBytes = Array.MaxLength;

    /// <summary>A scanner whose buffer grew past this many bytes is not kept for the thread's next parse.</summary>
    private const int KeptBufferBytes = 1 << 20;

    [ThreadStatic]
    private static DiskSpecScanner? threadScanner;

    /// <summary>Parses a disk given as one spec string.</summary>
    /// <param name="spec">The spec, e.g. <c>format=raw,vdev=hda,target=/dev/vg/guest</c>.</param>
    /// <param name="source">The name errors start with (libxlutil's config source).</param>
    /// <exception cref="ArgumentNullException"><paramref name="spec"/> or <paramref name="source"/> is null.</exception>
    public static DiskParseResult Parse(string spec, string source = CommandLine)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Parse([spec], source);
    }

    /// <summary>
    /// Parses the specs of one disk, in order, into one <see cref="DiskDevice"/>. Like
    /// libxlutil, the first spec with an error ends the parse. Never throws for any spec
    /// text of any length. A spec that is not valid Unicode (a lone UTF-16 surrogate) is an
    /// error, never scanned with U+FFFD in its place.
    /// </summary>
    /// <remarks>
    /// A null spec is an <see cref="ArgumentNullException"/> in every overload, as the annotations say:
    /// it is a caller's mistake, not text a user wrote (xl hands libxlutil no NULL spec), and reading it
    /// as an empty spec would turn the mistake into a misleading "no vdev specified".
    /// </remarks>
    /// <param name="specs">The spec strings of one disk (xl's arguments after the domain).</param>
    /// <param name="source">The name errors start with (libxlutil's config source).</param>
    /// <exception cref="ArgumentNullException"><paramref name="specs"/>, one of its elements, or <paramref name="source"/> is null.</exception>
    public static DiskParseResult Parse(IReadOnlyList<string> specs, string source = CommandLine)
    {
        ArgumentNullException.ThrowIfNull(specs);
        return specs switch
        {
            // No interface calls per spec for the usual collections.
            string[] array => Parse(new ReadOnlySpan<string>(array), source),
            List<string> list => Parse(CollectionsMarshal.AsSpan(list), source),
            _ => Parse(CollectionsMarshal.AsSpan(new List<string>(specs)), source),
        };
    }

    /// <inheritdoc cref="Parse(IReadOnlyList{string}, string)"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in loops over many disks: skip the slow tiers
    public static DiskParseResult Parse(ReadOnlySpan<string> specs, string source = CommandLine)
    {
        ArgumentNullException.ThrowIfNull(source);
        for (int index = 0; index < specs.Length; index++)
        {
            // Checked before any scanning, so a null is refused wherever it is, also after a spec with an error.
            if (specs[index] is null)
            {
                throw NullSpec(nameof(specs), index);
            }
        }

        DiskSpecScanner scanner = threadScanner ??= new DiskSpecScanner();
        var disk = new DiskDevice();
        scanner.StartDisk(disk, source);
        disk.Readwrite = true;

        try
        {
            for (int index = 0; index < specs.Length; index++)
            {
                string spec = specs[index];
                if (!CanScan(scanner, spec, index))
                {
                    return Finish(scanner, disk);
                }

                scanner.StartSpec(spec, index);
                if (!ScanSpec(scanner))
                {
                    return Finish(scanner, disk);
                }
            }

            ApplyPostScanRules(scanner, disk);
            return Finish(scanner, disk);
        }
        finally
        {
            LetGoOfHugeBuffer(scanner);
        }
    }

    /// <summary>The byte between the specs of one disk on a <c>--jsonl</c> line (U+001F, the unit separator).</summary>
    internal const byte SpecSeparator = 0x1F;

    /// <summary>
    /// Parses one disk given as its specs' UTF-8 bytes separated by <see cref="SpecSeparator"/> (a
    /// <c>--jsonl</c> line without its newline) exactly as <see cref="Parse(ReadOnlySpan{string}, string)"/>
    /// parses the decoded specs, without making a string of each spec (the scanner reads bytes; an error
    /// decodes the spec it quotes). Every spec is checked first: one that is not valid UTF-8 makes the
    /// line that one error, unscanned (<see cref="RejectInvalidUtf8"/>), never U+FFFD in a path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the batch loop's parse
    internal static DiskParseResult ParseUtf8Line(ReadOnlySpan<byte> line, string source)
    {
        // Nearly every line is ASCII, which is valid UTF-8: one vectorized pass settles it for every spec.
        bool ascii = Ascii.IsValid(line);
        ReadOnlySpan<byte> toCheck = ascii ? default : line;
        for (int index = 0; !ascii; index++)
        {
            int end = toCheck.IndexOf(SpecSeparator);
            ReadOnlySpan<byte> spec = end < 0 ? toCheck : toCheck[..end];
            int invalid = Utf8Text.InvalidUtf8Index(spec);
            if (invalid >= 0)
            {
                return RejectInvalidUtf8(spec, index, invalid, source);
            }

            if (end < 0)
            {
                break;
            }

            toCheck = toCheck[(end + 1)..];
        }

        DiskSpecScanner scanner = threadScanner ??= new DiskSpecScanner();
        var disk = new DiskDevice();
        scanner.StartDisk(disk, source);
        disk.Readwrite = true;
        try
        {
            ReadOnlySpan<byte> rest = line;
            for (int index = 0; ; index++)
            {
                int end = rest.IndexOf(SpecSeparator);
                scanner.StartSpec(end < 0 ? rest : rest[..end], index, ascii);
                if (!ScanSpec(scanner))
                {
                    return Finish(scanner, disk);
                }

                if (end < 0)
                {
                    break;
                }

                rest = rest[(end + 1)..];
            }

            ApplyPostScanRules(scanner, disk);
            return Finish(scanner, disk);
        }
        finally
        {
            LetGoOfHugeBuffer(scanner);
        }
    }

    /// <summary>Scans the spec the scanner was given; false when it had an error (which ends the disk's parse, as in libxlutil).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ScanSpec(DiskSpecScanner scanner)
    {
        scanner.Lex();
        if (scanner.IsJammed)
        {
            scanner.ReportJam();
        }

        return !scanner.HasError;
    }

    /// <summary>
    /// A huge spec grew the scanner's buffer; let it go instead of keeping it for the thread's
    /// lifetime (the next parse makes a fresh scanner).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LetGoOfHugeBuffer(DiskSpecScanner scanner)
    {
        if (scanner.Input.Length > KeptBufferBytes)
        {
            threadScanner = null;
        }
    }

    private static ArgumentNullException NullSpec(string parameter, int index) =>
        new(parameter, string.Create(CultureInfo.InvariantCulture, $"Spec {index} of the disk is null."));

    /// <summary>
    /// Checks what the scanner cannot take before it sees the spec: a lone surrogate (no UTF-8
    /// form: it would become U+FFFD, a different path) and a UTF-8 form past the largest array.
    /// </summary>
    private static bool CanScan(DiskSpecScanner scanner, string spec, int index)
    {
        int loneSurrogate = Utf8Text.LoneSurrogateIndex(spec);
        if (loneSurrogate >= 0)
        {
            scanner.ReportLoneSurrogate(spec, index, loneSurrogate);
            return false;
        }

        // Up to three UTF-8 bytes a UTF-16 character: only a spec this long needs counting.
        if (spec.Length * 3L > MaxSpecBytes && Utf8Length(spec) > MaxSpecBytes)
        {
            scanner.ReportTooLong(spec, index, MaxSpecBytes);
            return false;
        }

        return true;
    }

    /// <summary>The length of a valid UTF-16 string's UTF-8 form, counted without encoding it.</summary>
    private static long Utf8Length(string text)
    {
        long bytes = 0;
        foreach (char c in text)
        {
            // A surrogate pair is four bytes: two for each half.
            bytes += c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate(c) ? 2 : 3;
        }

        return bytes;
    }

    /// <summary>What xlu_disk_parse does once every spec is scanned.</summary>
    private static void ApplyPostScanRules(DiskSpecScanner scanner, DiskDevice disk)
    {
        if (disk.Format == DiskFormat.Unknown)
        {
            disk.Format = DiskFormat.Raw;
        }

        if (disk.IsCdrom)
        {
            disk.Removable = true;
            disk.Readwrite = false;
            if (string.IsNullOrEmpty(disk.PdevPath))
            {
                disk.Format = DiskFormat.Empty;
            }
        }

        if (disk.Vdev is null)
        {
            scanner.Error("no vdev specified");
        }
        else if (disk.PdevPath is null && !disk.Removable)
        {
            scanner.Error("no target specified (and device not removable)");
        }
    }

    /// <summary>
    /// The result for a disk whose spec bytes are not valid UTF-8 (a <c>--jsonl</c> line, a config
    /// file's disk item): refused without scanning, never parsed with U+FFFD standing in for the
    /// user's bytes. The line is libxlutil's form, <c>not valid UTF-8: near `\xNN' in `SPEC'</c>, each
    /// byte that is not part of a whole character shown as <c>\xNN</c>.
    /// </summary>
    /// <param name="spec">The spec's bytes.</param>
    /// <param name="specIndex">Which of the disk's specs it is (0 for the first).</param>
    /// <param name="invalidAt">Where the first invalid byte is (<see cref="Utf8Text.InvalidUtf8Index"/>).</param>
    /// <param name="source">The name the line starts with.</param>
    internal static DiskParseResult RejectInvalidUtf8(ReadOnlySpan<byte> spec, int specIndex, int invalidAt, string source)
    {
        var errors = new DiskSpecErrors(source);
        errors.Add(new DiskSpecError(source, "not valid UTF-8", specIndex, Utf8Text.Show(spec), -1, 0, 0, 0, Utf8Text.ShowBrokenAt(spec, invalidAt)));
        return new DiskParseResult(new DiskDevice(), errors);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DiskParseResult Finish(DiskSpecScanner scanner, DiskDevice disk)
    {
        return new DiskParseResult(disk, scanner.HasError ? scanner.Errors : null);
    }
}
