using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Colo.Gen.Tests.Infrastructure;

namespace Colo.Gen.Tests.Conformance;

/// <summary>
/// Runs Debian's libxlutil 4.17 through tests/native/xlu-oracle over many disks at once and
/// returns its lines (the contract is documented at the top of xlu-oracle.c).
/// </summary>
public static class XluOracle
{
    /// <summary>The separator between the specs of one disk on an input line.</summary>
    public const char SpecSeparator = '\u001f';

    /// <summary>One input line: the disk's specs joined by U+001F.</summary>
    public static string InputLine(IReadOnlyList<string> specs) => string.Join(SpecSeparator, specs);

    /// <summary>
    /// The oracle's output line for each disk, in order. libxlutil prints its bytes as they are,
    /// half a UTF-8 character included where its "unknown parameter" rule takes one byte after '=';
    /// Colo.Gen deliberately shows each such byte as the escape <c>\xNN</c> instead (DiskSpecError),
    /// so the oracle's bytes are read the same way: valid UTF-8 as text, every other byte as the
    /// JSON text of that escape. Any other difference still shows.
    /// </summary>
    public static List<string> Run(IReadOnlyList<string[]> disks)
    {
        byte[] output = NativeOracle.Run(NativeBuild.XluOracle(), disks.Select(InputLine));
        var lines = new List<string>(ShowBrokenBytes(output).Split('\n'));
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count != disks.Count)
        {
            throw new InvalidOperationException($"xlu-oracle printed {lines.Count} lines for {disks.Count} disks");
        }

        return lines;
    }

    /// <summary>UTF-8 decoded, with each byte outside a valid character written as the JSON text <c>\\xNN</c>.</summary>
    public static string ShowBrokenBytes(ReadOnlySpan<byte> utf8)
    {
        var text = new StringBuilder(utf8.Length);
        while (!utf8.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(utf8, out Rune rune, out int consumed) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                foreach (byte b in utf8[..consumed])
                {
                    text.Append("\\\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            utf8 = utf8[consumed..];
        }

        return text.ToString();
    }
}
