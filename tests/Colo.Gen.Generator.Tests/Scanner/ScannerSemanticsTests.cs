using System.Collections.Generic;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>flex's matching rules, each on a grammar built for it, scanned by the generated scanner.</summary>
public class ScannerSemanticsTests
{
    private static IReadOnlyList<(int, string)> Scan(string rules, string input) => ScannerHarness.Build(rules).Tokens(input);

    [Fact]
    public void LongestMatch_WinsOverEarlierRule()
    {
        const string rules = "%%\nab return 1;\n[a-z]+ return 2;\n. return 3;\n";
        Assert.Equal(new[] { (2, "abc") }, Scan(rules, "abc"));
    }

    [Fact]
    public void EqualLength_GoesToEarlierRule()
    {
        const string rules = "%%\nab return 1;\n[a-z]+ return 2;\n. return 3;\n";
        Assert.Equal(new[] { (1, "ab"), (3, " "), (2, "a") }, Scan(rules, "ab a"));
    }

    [Fact]
    public void RepeatCount_TakesAtMostItsUpperBound()
    {
        const string rules = "%%\na{2,3} return 1;\na return 2;\nb{2} return 3;\nb return 4;\n";
        Assert.Equal(new[] { (1, "aaa"), (1, "aaa"), (2, "a"), (3, "bb"), (4, "b") }, Scan(rules, "aaaaaaabbb"));
    }

    [Fact]
    public void NegatedClass_IncludesNewline_ButDotDoesNot()
    {
        const string rules = "%%\n[^a]+ return 1;\na.* return 2;\n";
        Assert.Equal(new[] { (1, "x\ny"), (2, "ab"), (1, "\n") }, Scan(rules, "x\nyab\n"));
    }

    [Fact]
    public void TrailingContext_VariableHeadAndOptionalTail_AsDiskWhitespaceRule()
    {
        const string rules = "%%\n[ \\t\\n]+/([^ \\t\\n].*)? return 1;\n[^ \\t\\n]+ return 2;\n";
        Assert.Equal(new[] { (1, "  "), (2, "x"), (1, " \t"), (2, "y"), (1, " ") }, Scan(rules, "  x \ty "));
    }

    [Fact]
    public void TrailingContext_DeprecatedPrefixShape_TokenIsTheHead()
    {
        const string rules = "%%\n(raw|qcow2?|vhd):/.* return 1;\n[a-z][a-z0-9]*:/([^a-z0-9].*)? return 2;\n[^:]+ return 3;\n: return 4;\n";
        // The context of rule 2 is optional, so "x:" before a letter is a prefix too.
        Assert.Equal(new[] { (1, "qcow2:"), (2, "x:"), (3, "y") }, Scan(rules, "qcow2:x:y"));
        Assert.Equal(new[] { (2, "x:"), (4, ":") }, Scan(rules, "x::"));
        Assert.Equal(new[] { (2, "foo:"), (3, "/x") }, Scan(rules, "foo:/x"));
    }

    [Fact]
    public void TrailingContext_AmbiguousSplit_TakesLongestHead()
    {
        // "abc" splits as a|bc and ab|c; POSIX (and re2c's tagged DFAs) give the longest head.
        const string rules = "%%\n(a|ab)/(bc|c) return 1;\n. return 2;\n";
        Assert.Equal(new[] { (1, "ab"), (2, "c") }, Scan(rules, "abc"));

        // x+/x+y on xxxy: heads x and xx both leave a matching context; xx wins.
        const string more = "%%\nx+/x+y return 1;\n. return 2;\n";
        Assert.Equal(new[] { (1, "xx"), (2, "x"), (2, "y") }, Scan(more, "xxxy"));
    }

    [Fact]
    public void TrailingContext_FixedLengthParts_SplitDirectly()
    {
        const string rules = "%%\n[a-z]+/[0-9] return 1;\nab/c* return 2;\n[a-z0-9] return 3;\n";
        Assert.Equal(new[] { (1, "abc"), (3, "1") }, Scan(rules, "abc1"));
        Assert.Equal(new[] { (2, "ab"), (3, "c"), (3, "c") }, Scan(rules, "abcc"));
    }

    [Fact]
    public void More_IntoExclusiveCondition_KeepsTheStrayCharacter_AsDiskLexerrRule()
    {
        const string rules = "%x ERR\n%%\n[a-z]+ return 1;\n. { Begin(ERR); More(); }\n<ERR>.* { Begin(INITIAL); return 9; }\n";
        Assert.Equal(new[] { (1, "ab"), (9, "=cd,e") }, Scan(rules, "ab=cd,e"));
    }

    [Fact]
    public void ExclusiveCondition_HidesUnprefixedRules_InclusiveDoesNot()
    {
        const string rules = "%x X\n%s S\n%%\na return 1;\nx { Begin(X); return 2; }\ns { Begin(S); return 3; }\n<X>a return 4;\n<X,S>b return 5;\n<*>q { Begin(INITIAL); return 6; }\n";
        Assert.Equal(new[] { (1, "a"), (2, "x"), (4, "a"), (5, "b"), (6, "q"), (3, "s"), (1, "a"), (5, "b") }, Scan(rules, "axabqsab"));
    }

    [Fact]
    public void NoDefault_ReportsTheJamPosition()
    {
        const string rules = "%option nodefault\n%%\na return 1;\n";
        Assert.Equal(new[] { (1, "a"), (-1, "@1") }, Scan(rules, "ab"));
    }

    [Fact]
    public void LineAnchors_MatchAtLineStartAndBeforeNewline()
    {
        const string rules = "%%\n^a return 1;\na return 2;\nb$ return 3;\nb return 4;\n\\n return 5;\n";
        Assert.Equal(new[] { (1, "a"), (2, "a"), (5, "\n"), (1, "a"), (3, "b"), (5, "\n"), (4, "b") }, Scan(rules, "aa\nab\nb"));
    }

    [Fact]
    public void LineStart_AfterLessGivesBackToALineStart_IsALineStart_WhereFlexIsStale()
    {
        // POSIX: '^' matches where the input is at the start of a line. flex 2.6.4 decides it from the
        // last byte the rule matched, before yyless (fixed upstream, flex PR #452): it gives 3 "b" for
        // the first input and lets ^\n match after "a" in the second.
        const string rules = "%%\n^b return 1;\na\\nb { Less(2); return 2; }\nb return 3;\n^\\n return 5;\na\\n { Less(1); return 6; }\n.|\\n return 4;\n";
        Assert.Equal(new[] { (2, "a\n"), (1, "b") }, Scan(rules, "a\nb"));
        Assert.Equal(new[] { (6, "a"), (4, "\n") }, Scan(rules, "a\n"));
    }

    [Fact]
    public void EndOfFileAction_RunsOncePerCondition()
    {
        const string rules = "%x DONE\n%%\na return 1;\n<<EOF>> { if (StartCondition == DONE) return 0; Begin(DONE); return 7; }\n";
        Assert.Equal(new[] { (1, "a"), (7, "") }, Scan(rules, "a"));
    }

    [Fact]
    public void Less_GivesTheRestBack()
    {
        const string rules = "%%\nabc { Less(1); return 1; }\nbc return 2;\n";
        Assert.Equal(new[] { (1, "a"), (2, "bc") }, Scan(rules, "abc"));
    }

    [Fact]
    public void Definitions_Caseless_QuotesAndEscapes()
    {
        const string rules = "%option caseless\nDIGIT [0-9]\n%%\n{DIGIT}+ return 1;\nabc return 2;\n\"a+b\" return 3;\n\\x41\\102 return 4;\n[[:space:]] return 5;\n";
        Assert.Equal(new[] { (1, "42"), (5, " "), (2, "AbC"), (3, "A+b"), (4, "ab") }, Scan(rules, "42 AbCA+bab"));
    }

    [Fact]
    public void BarAction_SharesTheNextRulesAction()
    {
        const string rules = "%%\na |\nb return 1;\nc return 2;\n";
        Assert.Equal(new[] { (1, "a"), (1, "b"), (2, "c") }, Scan(rules, "abc"));
    }

    [Fact]
    public void NonAsciiInput_ScansAsUtf8Bytes()
    {
        const string rules = "%%\n[a-z]+ return 1;\n. return 2;\n";
        Assert.Equal(new[] { (1, "a"), (2, "\uFFFD"), (2, "\uFFFD"), (1, "b") }, Scan(rules, "a\u00e9b"));
    }

    [Fact]
    public void LessAfterMore_KeepingOnlyTheKeptText_ScansOnFromThere()
    {
        // flex 2.6.4 on ~12: ~, then 1 and 2 (the first [0-9]+ gives back all it matched and rescans).
        const string rules = "%%\n\"~\" { More(); return 5; }\n[0-9]+ { Less(1); if (Text != \"~\") return 6; }\n";
        Assert.Equal(new[] { (5, "~"), (6, "1"), (6, "2") }, Scan(rules, "~12"));
    }

    [Fact]
    public void MoreWithLessZero_RepeatingItself_JamsInsteadOfLooping()
    {
        // The second round finds the scan exactly as the first left it: flex would loop for ever.
        const string rules = "%%\na { More(); Less(0); }\n";
        Assert.Equal(new[] { (-1, "@0") }, Scan(rules, "a"));
    }

    [Fact]
    public void LineNumber_IsTheLineEachTokenEndsOn()
    {
        const string rules = "%option yylineno\n%%\n[a-z]+ return LineNumber;\n\"/*\"[^*]*\"*/\" return 100 + LineNumber;\n[ \\n] { }\n";
        Assert.Equal(new[] { (1, "a"), (2, "b"), (104, "/*\n\n*/"), (4, "c"), (6, "d") }, Scan(rules, "a\nb /*\n\n*/ c\n\nd"));
    }

    [Fact]
    public void LineNumber_GoesBackWithTextGivenBackByLess_AndStartsAgainAtOneForNewInput()
    {
        const string rules = "%option yylineno\n%%\nx\\n+ { Less(1); return LineNumber; }\n\\n return 10 + LineNumber;\n";
        ScannerHarness scanner = ScannerHarness.Build(rules);
        Assert.Equal(new[] { (1, "x"), (12, "\n"), (13, "\n") }, scanner.Tokens("x\n\n"));
        Assert.Equal(new[] { (12, "\n") }, scanner.Tokens("\n"));
    }

    [Fact]
    public void LineNumber_CountsTheNewlineTheDefaultRuleEchoes_WhereFlexDoesNot()
    {
        // flex 2.6.4 never counts lines in its default rule, so its yylineno falls behind there.
        const string rules = "%option yylineno\n%%\na return LineNumber;\n";
        Assert.Equal(new[] { (1, "a"), (3, "a") }, Scan(rules, "a\n\na"));
    }

    [Fact]
    public void LineNumber_IsGeneratedOnlyForScannersThatAskForIt()
    {
        Assert.DoesNotContain("LineNumber", ScannerHarness.Build("%%\n\\n return 1;\n").Source, System.StringComparison.Ordinal);
        Assert.Contains("LineNumber", ScannerHarness.Build("%option yylineno\n%%\n\\n return 1;\n").Source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyHead_WithoutReturn_JamsInsteadOfLooping()
    {
        const string rules = "%%\na*/b { }\nb return 2;\n";
        Assert.Equal(new[] { (-1, "@0") }, Scan(rules, "b"));
    }
}
