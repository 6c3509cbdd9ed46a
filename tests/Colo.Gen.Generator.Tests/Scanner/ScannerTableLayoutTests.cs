using Colo.Gen.Generator.Emit;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>
/// The table layout's numbers (row header, run kinds, accept-word bits, loop entries) are stated
/// once, in <see cref="ScannerTableLayout"/>; the emitted scanner declares them from there and its
/// walks use them by name, so the layout and the code reading it cannot drift apart.
/// </summary>
public class ScannerTableLayoutTests
{
    /// <summary>Rules that make the emitter write every walk: loops, runs and both kinds of trailing context.</summary>
    private const string EveryWalk = "%%\n[a-z]+/[0-9]+x return 1;\n[a-z]*b/(c|cd)*e return 2;\nt=.* return 3;\n[^,]+ return 4;\n, return 5;\n";

    [Theory]
    [InlineData("YyLoopEntry", ScannerTableLayout.LoopEntry)]
    [InlineData("YyRowHeader", ScannerTableLayout.Header)]
    [InlineData("YyRunBits", ScannerTableLayout.RunBits)]
    [InlineData("YyRunMask", ScannerTableLayout.RunMask)]
    [InlineData("YyAccepting", ScannerTableLayout.Accepting)]
    [InlineData("YyRunToLineEnd", ScannerTableLayout.RunToLineEnd)]
    [InlineData("YyRunToEndWithoutNewline", ScannerTableLayout.RunToEndWithoutNewline)]
    [InlineData("YyRunToInputEnd", ScannerTableLayout.RunToInputEnd)]
    [InlineData("YyLoopEntrySize", ScannerTableLayout.LoopEntrySize)]
    public void EmittedScanner_DeclaresEachLayoutNumberFromTheLayout(string name, int value)
    {
        string source = ScannerHarness.Build(EveryWalk).Source;
        Assert.Contains("private const int " + name + " = " + value + ";", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void EmittedWalks_UseNoBareLayoutNumber()
    {
        string source = ScannerHarness.Build(EveryWalk).Source;
        Assert.Contains("YyFindHead", source, System.StringComparison.Ordinal);
        Assert.DoesNotMatch(@"& 3\b|>> 2\b|>= 4\b|row \+ [12]\b|r \+ 1\b|run == [0-9]|\(ref rows, 2\)|\b4 \* \(", source);
    }

    [Fact]
    public void AcceptWord_KeepsTheRuleAboveTheRunBits()
    {
        int word = ScannerTableLayout.AcceptWord(7 + 1, ScannerTableLayout.RunToInputEnd);
        Assert.Equal(7, ScannerTableLayout.RuleOf(word));
        Assert.Equal(ScannerTableLayout.RunToInputEnd, word & ScannerTableLayout.RunMask);
        Assert.True(word >= ScannerTableLayout.Accepting);
        Assert.True(ScannerTableLayout.AcceptWord(0, ScannerTableLayout.RunToInputEnd) < ScannerTableLayout.Accepting);
    }
}
