using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Colo.Gen.Cli;

/// <summary>
/// The line format of <c>--jsonl</c> and <c>--count</c> input: one disk a line, the spec
/// strings of one disk separated by U+001F (the ASCII unit separator).
/// </summary>
internal static class DiskLines
{
    /// <summary>The separator between the specs of one disk.</summary>
    public const byte SpecSeparator = 0x1F;

    /// <summary>Reads every disk line from <paramref name="input"/>; a final line without '\n' counts.</summary>
    public static List<string[]> ReadAll(Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        ReadOnlySpan<byte> all = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        var disks = new List<string[]>();
        while (!all.IsEmpty)
        {
            int end = all.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? all : all[..end];
            all = end < 0 ? default : all[(end + 1)..];
            disks.Add(SplitSpecs(line));
        }

        return disks;
    }

    private static string[] SplitSpecs(ReadOnlySpan<byte> line)
    {
        int count = line.Count(SpecSeparator) + 1;
        var specs = new string[count];
        for (int i = 0; i < count; i++)
        {
            int end = line.IndexOf(SpecSeparator);
            ReadOnlySpan<byte> spec = end < 0 ? line : line[..end];
            specs[i] = Encoding.UTF8.GetString(spec);
            line = end < 0 ? default : line[(end + 1)..];
        }

        return specs;
    }
}
