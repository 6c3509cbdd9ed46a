using System;
using System.Collections.Generic;
using System.Text;
using Xunit;

namespace Colo.Gen.Tests.Conformance;

/// <summary>
/// Generated disks through Debian's libxlutil 4.17 and through DiskSpecParser: the JSON
/// and the error lines must be the same, line for line. Syntax 4.17 does not know
/// (trusted, untrusted, grant_usage, colo-params) stays out; it is tested on its own.
/// </summary>
public sealed class LibxlutilDifferentialTests
{
    // COLO_GEN_DIFF_DISKS raises the corpus size for a longer hunt; CI uses the default.
    private static readonly int DisksPerSeed =
        int.TryParse(Environment.GetEnvironmentVariable("COLO_GEN_DIFF_DISKS"), out int n) && n > 0 ? n : 3000;

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(4242)]
    [InlineData(20260101)]
    public void Parse_OfAGeneratedCorpus_GivesLibxlutilsJsonAndErrorsLineForLine(int seed)
    {
        List<string[]> disks = new DiskSpecCorpus(seed).Disks(DisksPerSeed);

        List<string> expected = XluOracle.Run(disks);

        var differences = new StringBuilder();
        int count = 0;
        for (int i = 0; i < disks.Count; i++)
        {
            string actual = DiskSpecParser.Parse(disks[i]).ToJsonLine();
            if (actual != expected[i])
            {
                if (++count <= 10)
                {
                    differences.Append("disk ").Append(i).Append(": ").Append(Show(disks[i])).Append('\n')
                        .Append("  libxlutil: ").Append(expected[i]).Append('\n')
                        .Append("  ours:      ").Append(actual).Append('\n');
                }
            }
        }

        Assert.True(count == 0, $"{count} of {disks.Count} disks differ (seed {seed}):\n{differences}");
    }

    [Fact]
    public void Corpus_ForOneSeed_IsTheSameEveryTime()
    {
        List<string[]> first = new DiskSpecCorpus(99).Disks(200);
        List<string[]> second = new DiskSpecCorpus(99).Disks(200);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Corpus_CoversEveryKindOfItemAndSeveralSpecsPerDisk()
    {
        List<string[]> disks = new DiskSpecCorpus(5).Disks(DisksPerSeed);
        List<string> lines = new();
        foreach (string[] disk in disks)
        {
            lines.Add(DiskSpecParser.Parse(disk).ToJsonLine());
        }

        string all = string.Join("\n", lines);
        int parsed = lines.FindAll(l => l.StartsWith("{\"disk\": ", StringComparison.Ordinal)).Count;
        Assert.InRange(parsed, disks.Count / 10, disks.Count * 9 / 10);
        Assert.Contains(disks, d => d.Length > 1);
        Assert.Contains("{\"disk\": ", all);
        foreach (string message in new[]
        {
            "unknown value for format", "unknown value for access", "unknown value for backendtype",
            "unknown value for specification", "unknown value for type", "unknown value for colo_port",
            "respecified", "unknown parameter", "unknown deprecated type", "unknown deprecated disk prefix",
            "too many positional parameters", "bad disk syntax", "no vdev specified",
            "no target specified (and device not removable)",
        })
        {
            Assert.Contains(message, all);
        }
    }

    private static string Show(string[] disk)
    {
        var text = new StringBuilder();
        foreach (string spec in disk)
        {
            text.Append('[');
            JsonLine.AppendString(text, spec);
            text.Append(']');
        }

        return text.ToString();
    }
}
