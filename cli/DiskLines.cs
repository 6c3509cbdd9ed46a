using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Colo.Gen.Cli;

/// <summary>
/// The line format of <c>--jsonl</c> and <c>--count</c> input: one disk a line, the spec
/// strings of one disk separated by U+001F (the ASCII unit separator). The input is read as
/// bytes: a line that is valid UTF-8 becomes its specs exactly (decoding and re-encoding gives
/// the same bytes back), and a line that is not is reported as such, never parsed with U+FFFD
/// standing in for the bytes the user wrote.
/// </summary>
internal static class DiskLines
{
    /// <summary>The separator between the specs of one disk.</summary>
    public const byte SpecSeparator = 0x1F;

    /// <summary>Reads every disk line from <paramref name="input"/>; a final line without '\n' counts.</summary>
    public static List<DiskLine> ReadAll(Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        ReadOnlySpan<byte> all = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        var disks = new List<DiskLine>();
        while (!all.IsEmpty)
        {
            int end = all.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? all : all[..end];
            all = end < 0 ? default : all[(end + 1)..];
            disks.Add(Read(line));
        }

        return disks;
    }

    private static DiskLine Read(ReadOnlySpan<byte> line)
    {
        int count = line.Count(SpecSeparator) + 1;
        var specs = new string[count];
        for (int i = 0; i < count; i++)
        {
            int end = line.IndexOf(SpecSeparator);
            ReadOnlySpan<byte> spec = end < 0 ? line : line[..end];
            int invalid = Utf8Text.InvalidUtf8Index(spec);
            if (invalid >= 0)
            {
                return new DiskLine(null, InvalidUtf8Error(spec, invalid));
            }

            specs[i] = Encoding.UTF8.GetString(spec);
            line = end < 0 ? default : line[(end + 1)..];
        }

        return new DiskLine(specs, null);
    }

    /// <summary>The error line for a spec that is not valid UTF-8 (the library's, as a config file's disk item gets it).</summary>
    private static string InvalidUtf8Error(ReadOnlySpan<byte> spec, int at) =>
        DiskSpecParser.RejectInvalidUtf8(spec, at, ParseCommand.Source).Errors[0];
}

/// <summary>One input line: the disk's specs, or (when the line is not valid UTF-8) the error line that reports it.</summary>
/// <param name="Specs">The spec strings, exactly as the bytes spell them; null when the line is invalid.</param>
/// <param name="InvalidUtf8">The error line for an invalid line; null otherwise.</param>
internal readonly record struct DiskLine(string[]? Specs, string? InvalidUtf8);
