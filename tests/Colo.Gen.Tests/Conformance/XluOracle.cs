using System;
using System.Collections.Generic;
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

    /// <summary>The oracle's output line for each disk, in order.</summary>
    public static List<string> Run(IReadOnlyList<string[]> disks)
    {
        byte[] output = NativeOracle.Run(NativeBuild.XluOracle(), disks.Select(InputLine));
        var lines = new List<string>(new UTF8Encoding(false).GetString(output).Split('\n'));
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
}
