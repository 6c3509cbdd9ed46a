using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Conformance;

/// <summary>
/// Every case of Xen's tools/xl/check-xl-disk-parse: the same arguments, the same stdout
/// and exit status as <c>xl -N block-attach 0 ARGS</c> (stdout "disk: JSON\n" and 0, or
/// nothing and 1).
/// </summary>
public sealed class CheckXlDiskParseTests
{
    /// <summary>The cases of TestData/check-xl-disk-parse.jsonl.</summary>
    public static TheoryData<int, string[], int, string> Cases()
    {
        var data = new TheoryData<int, string[], int, string>();
        foreach (string line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "check-xl-disk-parse.jsonl")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            using JsonDocument doc = JsonDocument.Parse(line);
            var args = new List<string>();
            foreach (JsonElement arg in doc.RootElement.GetProperty("args").EnumerateArray())
            {
                args.Add(arg.GetString()!);
            }

            data.Add(data.Count + 1, args.ToArray(), doc.RootElement.GetProperty("exit").GetInt32(), doc.RootElement.GetProperty("stdout").GetString()!);
        }

        return data;
    }

    /// <summary>Xen's script (at the commit the data file names) calls its checker 28 times: a data file cut short would test less in silence.</summary>
    [Fact]
    public void TheCaseFile_HoldsEveryCaseOfXensScript_SomeAcceptedSomeRejected()
    {
        TheoryData<int, string[], int, string> cases = Cases();
        Assert.Equal(28, cases.Count);
        Assert.Contains(cases, row => row.Data.Item3 == 0);
        Assert.Contains(cases, row => row.Data.Item3 == 1);
    }

    /// <summary><paramref name="caseNumber"/> names the case in the test results (its line among the cases).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_OfACheckXlDiskParseCase_PrintsWhatXlPrintsAndExitsAsXlDoes(int caseNumber, string[] args, int exit, string stdout)
    {
        _ = caseNumber;
        DiskParseResult result = DiskSpecParser.Parse(args);

        string actualStdout = result.Succeeded ? "disk: " + result.Disk.ToJson() + "\n" : "";
        Assert.Equal(stdout, actualStdout);
        Assert.Equal(exit, result.Succeeded ? 0 : 1);
    }

    [Fact]
    public void Libxlutil417_AgreesWithCheckXlDiskParse_ExceptOnTrustedWhichItDoesNotKnow()
    {
        var disks = new List<string[]>();
        var expected = new List<(int Exit, string Stdout)>();
        foreach (TheoryDataRow<int, string[], int, string> row in Cases())
        {
            disks.Add(row.Data.Item2);
            expected.Add((row.Data.Item3, row.Data.Item4));
        }

        List<string> lines = XluOracle.Run(disks);

        for (int i = 0; i < disks.Count; i++)
        {
            bool newer = DiskSpecCorpus.MentionsNewerSyntax(disks[i]);
            string line = lines[i];
            if (newer)
            {
                // 4.17 takes "trusted" for the target, so target= is then respecified.
                Assert.StartsWith("{\"errors\": [", line);
                continue;
            }

            if (expected[i].Exit == 0)
            {
                var compact = new System.Text.StringBuilder("{\"disk\": ");
                JsonLine.AppendCompact(compact, expected[i].Stdout["disk: ".Length..]);
                compact.Append('}');
                Assert.Equal(compact.ToString(), line);
            }
            else
            {
                Assert.StartsWith("{\"errors\": [", line);
            }
        }
    }
}
