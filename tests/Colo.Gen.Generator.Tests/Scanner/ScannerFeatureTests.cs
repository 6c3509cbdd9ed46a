using System;
using System.Collections.Generic;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>flex's optional scanner features: the start-condition stack and REJECT, each generated only when asked for.</summary>
public class ScannerFeatureTests
{
    private static IReadOnlyList<(int, string)> Scan(string rules, string input) => ScannerHarness.Build(rules).Tokens(input);

    private const string Brackets = "%option stack\n%x PAREN\n%%\n<INITIAL,PAREN>\"(\" { PushState(PAREN); return 1; }\n<PAREN>\")\" { PopState(); return 2; }\n<PAREN>\"?\" { return 10 + TopState(); }\n<PAREN>[a-z]+ return 3;\n<*>.|\\n return 9;\n";

    [Fact]
    public void PushState_AndPopState_NestStartConditions()
    {
        Assert.Equal(new[] { (9, "a"), (1, "("), (3, "b"), (1, "("), (11, "?"), (2, ")"), (10, "?"), (2, ")"), (9, "c") }, Scan(Brackets, "a(b(?)?)c"));
    }

    [Fact]
    public void SetInput_EmptiesTheStartConditionStack()
    {
        ScannerHarness scanner = ScannerHarness.Build(Brackets);
        Assert.Equal(new[] { (1, "("), (1, "(") }, scanner.Tokens("(("));
        Assert.Equal(new[] { (9, ")") }, scanner.Tokens(")"));
    }

    [Fact]
    public void PopState_OnAnEmptyStack_Throws()
    {
        ScannerHarness scanner = ScannerHarness.Build("%option stack\n%%\nx { PopState(); return 1; }\n");
        Assert.Throws<InvalidOperationException>(() => scanner.Tokens("x"));
    }

    [Fact]
    public void StackMembers_AreGeneratedOnlyForScannersThatAskForThem()
    {
        Assert.DoesNotContain("PushState", ScannerHarness.Build("%%\na return 1;\n").Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Reject_TriesTheNextRuleAtTheSameLength_ThenShorterMatches()
    {
        // Each action appends its rule's digit; the last one returns the digits. On "abc": abc and
        // [a-z]+ at 3 bytes, [a-z]+ and ab at 2, [a-z]+ and [a-z] at 1.
        const string rules = "%%\nabc { Trace = Trace * 10 + 1; Reject(); }\n[a-z]+ { Trace = Trace * 10 + 2; Reject(); }\nab { Trace = Trace * 10 + 3; Reject(); }\n[a-z] { int t = Trace * 10 + 4; Trace = 0; return t; }\n%%\nprivate int Trace;\n";
        Assert.Equal(new[] { (122324, "a"), (224, "b"), (24, "c") }, Scan(rules, "abc"));
    }

    [Fact]
    public void Reject_LeavesTheNextMatchItsOwnTextAndPosition_UndoingLess()
    {
        const string rules = "%%\nabc { Less(1); Reject(); }\nab return 2;\n. return 3;\n";
        Assert.Equal(new[] { (2, "ab"), (3, "c") }, Scan(rules, "abc"));
    }

    [Fact]
    public void Reject_DoesNotCountTheLinesOfTheRejectedMatch_WhereFlexCountsThemTwice()
    {
        // flex 2.6.4 counts a\nb's newline, then a\n's again: it reports line 3 for the second token.
        const string rules = "%option yylineno\n%%\na\\nb { Reject(); }\na\\n return LineNumber;\n.|\\n return 10 + LineNumber;\n";
        Assert.Equal(new[] { (2, "a\n"), (12, "b"), (13, "\n") }, Scan(rules, "a\nb\n"));
    }

    [Fact]
    public void RuleHiddenByAnEarlierOne_IsNotWarnedAbout_WhenRejectCanReachIt()
    {
        var (hidden, _, _) = ScannerHarness.Generate("%%\n[a-z]+ return 1;\nabc return 2;\n");
        Assert.Contains(hidden, d => d.Id == "CG2006");
        var (reachable, _, _) = ScannerHarness.Generate("%%\n[a-z]+ { Reject(); }\nabc return 2;\n");
        Assert.DoesNotContain(reachable, d => d.Id == "CG2006");
    }

    [Fact]
    public void RejectOption_WithoutAnyReject_Compiles()
    {
        Assert.Equal(new[] { (1, "ab") }, Scan("%option reject\n%%\n[a-z]+ return 1;\n", "ab"));
    }

    [Fact]
    public void RejectMachinery_IsGeneratedOnlyForScannersThatUseIt()
    {
        string plain = ScannerHarness.Build("%%\n[a-z]+ return 1;\n").Source;
        Assert.DoesNotContain("YyFirstCandidate", plain, StringComparison.Ordinal);
        Assert.Contains("YyLongestMatch", plain, StringComparison.Ordinal);
        string rejecting = ScannerHarness.Build("%%\n[a-z]+ { Reject(); }\n. return 1;\n").Source;
        Assert.Contains("YyFirstCandidate", rejecting, StringComparison.Ordinal);
        Assert.Contains("{ goto yyR; }", rejecting, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectInAnAction_KeepsTheColumnsOfWhatFollowsForCompilerErrors()
    {
        const string rules = "%%\na { Reject(); int y = \"text\"; }\n. return 1;\n";
        var (generator, compiler, _) = ScannerHarness.Generate(rules);
        Assert.Empty(generator);
        Microsoft.CodeAnalysis.Diagnostic error = Assert.Single(compiler, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Equal("CS0029", error.Id);
        var mapped = error.Location.GetMappedLineSpan();
        Assert.Equal((2, 23), (mapped.StartLinePosition.Line + 1, mapped.StartLinePosition.Character + 1));
    }
}
