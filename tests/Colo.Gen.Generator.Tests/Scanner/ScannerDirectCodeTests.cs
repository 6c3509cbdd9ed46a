using System;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>
/// The direct-coded walk (the DFA's states as branches): which scanners get it, and how a process
/// switches to it. That it scans exactly as the table walk and flex do is held by the differential
/// tests, which run both walks.
/// </summary>
public class ScannerDirectCodeTests
{
    private const string Words = "%%\n[a-z]+ return 1;\n[0-9]+ return 2;\n.|\\n return 3;\n";

    [Fact]
    public void SmallDfa_GetsTheDirectCodedWalk_BesideTheTableWalk()
    {
        string source = ScannerHarness.Build(Words).Source;
        Assert.Contains("private int YyDirectLongestMatch(", source, StringComparison.Ordinal);
        Assert.Contains("private int YyLongestMatch(", source, StringComparison.Ordinal);
    }

    [Fact]
    public void NodirectCodeOption_LeavesOnlyTheTableWalk()
    {
        string source = ScannerHarness.Build(Words, walk: ScannerWalk.Tables).Source;
        Assert.DoesNotContain("YyDirectLongestMatch", source, StringComparison.Ordinal);
        Assert.Contains("private int YyLongestMatch(", source, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectScanner_KeepsTheTableWalk()
    {
        string source = ScannerHarness.Build("%%\nab { Reject(); }\n[a-z] return 1;\n").Source;
        Assert.DoesNotContain("YyDirectLongestMatch", source, StringComparison.Ordinal);
    }

    [Fact]
    public void DfaPastTheStateLimit_KeepsTheTableWalk()
    {
        // 60 keywords of 8 letters spell out about 420 states, past the 400 that are coded as branches.
        var random = new Random(16);
        var rules = new StringBuilder("%%\n");
        for (int i = 0; i < 60; i++)
        {
            rules.Append(new string(Enumerable.Range(0, 8).Select(_ => (char)('a' + random.Next(26))).ToArray())).Append(" return ").Append(i + 1).Append(";\n");
        }

        rules.Append(".|\\n return 100;\n");
        string source = ScannerHarness.Build(rules.ToString()).Source;
        Assert.Contains("DFA: 4", source, StringComparison.Ordinal);
        Assert.DoesNotContain("YyDirectLongestMatch", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Scanner_GivenAQuarterMegabyte_HasItsDirectCodeCompiled_AndScansTheSameOnIt()
    {
        ScannerHarness scanner = ScannerHarness.Build(Words, walk: ScannerWalk.AsGenerated);
        FieldInfo state = scanner.ScannerType.GetField("yyDirectCode", BindingFlags.NonPublic | BindingFlags.Static)!;
        string small = "abc 123 x\n";
        string onTables = scanner.Scan(small);
        Assert.Equal(0, (int)state.GetValue(null)!);

        // A quarter megabyte in one input asks a pool thread to compile the direct walk.
        scanner.Scan(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("word 42 ", 1 << 15))));
        Assert.NotEqual(0, (int)state.GetValue(null)!);

        // What the pool thread runs, run here: afterwards every scanner of the class walks the direct code.
        scanner.ScannerType.GetMethod("YyCompileDirectCode", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, null);
        Assert.Equal(2, (int)state.GetValue(null)!);
        Assert.Equal(onTables, scanner.Scan(small));
    }
}
