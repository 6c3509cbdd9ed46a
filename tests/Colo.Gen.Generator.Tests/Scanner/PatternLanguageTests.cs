using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>
/// flex 2.6.4's pattern language beyond what disk.l uses, each construct on a grammar of its own
/// (FlexDifferentialTests holds the same constructs against flex itself on random inputs).
/// </summary>
public class PatternLanguageTests
{
    private static IReadOnlyList<(int, string)> Scan(string rules, string input) => ScannerHarness.Build(rules).Tokens(input);

    private static (string Id, int Line, int Column) SingleError(string rules)
    {
        var (generator, _, _) = ScannerHarness.Generate(rules);
        Assert.DoesNotContain(generator, d => d.Id is "CG0001" or "CS8785" or "AD0001");
        Diagnostic error = Assert.Single(generator, d => d.Severity == DiagnosticSeverity.Error);
        FileLinePositionSpan span = error.Location.GetLineSpan();
        return (error.Id, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    [Fact]
    public void DefinitionBeginningWithCaret_AnchorsTheRuleItBegins()
    {
        const string rules = "ANCH ^\"%\"\n%x S\n%%\n{ANCH}[a-z]+ return 1;\n<S>{ANCH}x return 2;\n<S>.|\\n return 8;\n! { Begin(S); return 3; }\n.|\\n return 9;\n";
        Assert.Equal(new[] { (1, "%ab"), (9, " "), (9, "%"), (9, "a"), (9, "\n"), (1, "%c") }, Scan(rules, "%ab %a\n%c"));
        Assert.Equal(new[] { (3, "!"), (8, "\n"), (2, "%x"), (8, "%"), (8, "x") }, Scan(rules, "!\n%x%x"));
    }

    [Fact]
    public void DefinitionBeginningWithCaret_AnchorsTheWholeRule_ItsAlternativesJoiningTheRules()
    {
        // flex pastes "^a|b" without parentheses: {D}c is ^(a|bc), not ^(a|b)c.
        const string rules = "D ^a|b\n%%\n{D}c return 1;\n.|\\n return 9;\n";
        Assert.Equal(new[] { (1, "a"), (9, "c") }, Scan(rules, "ac"));
        Assert.Equal(new[] { (1, "bc") }, Scan(rules, "bc"));
        Assert.Equal(new[] { (9, "x"), (9, "b"), (9, "c") }, Scan(rules, "xbc"));
    }

    [Theory]
    [InlineData("ANCH ^a\n%%\nx{ANCH} return 1;\n", 3, 2)]
    [InlineData("ANCH ^a\n%%\n({ANCH}) return 1;\n", 3, 2)]
    [InlineData("ANCH ^a\n%%\n^{ANCH} return 1;\n", 3, 2)]
    [InlineData("ANCH ^a\nUSE {ANCH}b\n%%\n{USE} return 1;\n", 4, 1)]
    public void DefinitionBeginningWithCaret_AnywhereButTheRuleStart_IsAnError(string rules, int line, int column) =>
        Assert.Equal(("CG2001", line, column), SingleError(rules));

    [Fact]
    public void DefinitionEndingWithDollar_EndingTheRule_MatchesOnlyBeforeANewline()
    {
        const string rules = "TAIL \"~\"$\n%%\n{TAIL} return 1;\na{TAIL} return 2;\n.|\\n return 9;\n";
        Assert.Equal(new[] { (1, "~"), (9, "\n"), (2, "a~"), (9, "\n"), (9, "~") }, Scan(rules, "~\na~\n~"));
    }

    [Fact]
    public void DefinitionEndingWithDollar_NotEndingTheRule_HoldsALiteralDollar()
    {
        // As in flex: '$' is the anchor only at the end of a rule; inside, it is a character,
        // and a definition that only refers to such a definition is parenthesized again.
        const string rules = "TAIL \"~\"$\nAGAIN {TAIL}\n%%\n{TAIL}x return 1;\n{TAIL}|b return 2;\n{AGAIN}y return 3;\n.|\\n return 9;\n";
        Assert.Equal(new[] { (1, "~$x"), (2, "~$"), (2, "b"), (3, "~$y"), (9, "~"), (9, "\n") }, Scan(rules, "~$x~$b~$y~\n"));
    }

    [Fact]
    public void DefinitionEndingWithDollar_AfterATrailingContext_IsAnError() =>
        Assert.Equal(("CG2001", 3, 3), SingleError("TAIL \"~\"$\n%%\na/{TAIL} return 1;\n"));

    [Fact]
    public void DefinitionEndingATrailingContext_KeepsItsParentheses_WhereFlexDropsThem()
    {
        // flex 2.6.4 reads x/a{D} as x/(ab|c) and gives 1 "x" on "xc"; the definition is a group.
        const string rules = "D b|c\n%%\nx/a{D} return 1;\n. return 9;\n";
        Assert.Equal(new[] { (9, "x"), (9, "c") }, Scan(rules, "xc"));
        Assert.Equal(new[] { (1, "x"), (9, "a"), (9, "c") }, Scan(rules, "xac"));
    }

    [Fact]
    public void DefinitionsThatPasteThemselves_AreAnError_NotALoop()
    {
        Assert.Equal("CG2001", SingleError("D {D}$\n%%\n{D} return 1;\n").Id);
        Assert.Equal("CG2001", SingleError("D ^{E}\nE {D}x\n%%\n{D} return 1;\n").Id);
    }

    [Fact]
    public void ClassDifference_AndUnion_CombineLeftToRight()
    {
        const string rules = "%%\n[a-z]{-}[aeiou]+ return 1;\n[a-c]{-}[b]{+}[0-1] return 2;\n.|\\n return 9;\n";
        Assert.Equal(new[] { (1, "xyz"), (9, "e"), (2, "a"), (1, "bc"), (2, "0"), (9, "2") }, Scan(rules, "xyzeabc02"));
        Assert.Equal(new[] { (2, "a"), (9, "b"), (2, "c"), (2, "0"), (2, "1"), (9, "2") }, Scan("%%\n[a-c]{-}[b]{+}[0-1] return 2;\n. return 9;\n", "abc012"));
    }

    [Fact]
    public void ClassUnion_WithANegatedClass_IsTheTrueUnion_WhereFlexIgnoresTheNegation()
    {
        // flex 2.6.4 unions the characters the two classes list ({a, b}); the union of "not a" and
        // "b" is everything but 'a'.
        const string rules = "%%\n[^a]{+}[b] return 1;\n. return 9;\n";
        Assert.Equal(new[] { (1, "c"), (9, "a"), (1, "b") }, Scan(rules, "cab"));
    }

    [Theory]
    [InlineData("%%\n[a]{-}b return 1;\n")]
    [InlineData("%%\na{-}[b] return 1;\n")]
    [InlineData("%%\n(?q:a) return 1;\n")]
    [InlineData("%%\na(?#no end return 1;\n")]
    [InlineData("%%\na{0} return 1;\n")]
    [InlineData("%%\na{0,} return 1;\n")]
    [InlineData("%%\n(a/b) return 1;\n")]
    public void MalformedConstruct_IsABadPattern(string rules) => Assert.Equal("CG2001", SingleError(rules).Id);

    [Fact]
    public void PatternOptions_ApplyInsideTheirGroupOnly()
    {
        const string rules = "%%\n(?i:ab)c return 1;\n(?s:x.) return 2;\n(?x: d e /* comment */ )(?#another)f return 3;\n.|\\n return 9;\n";
        Assert.Equal(new[] { (1, "aBc"), (9, "A"), (9, "B"), (9, "C") }, Scan(rules, "aBcABC"));
        Assert.Equal(new[] { (2, "x\n"), (3, "def") }, Scan(rules, "x\ndef"));
    }

    [Fact]
    public void CaseSensitiveGroup_InACaselessScanner_MatchesOnlyTheCaseWritten()
    {
        const string rules = "%option caseless\n%%\n(?-i:ab) return 1;\nab return 2;\n";
        Assert.Equal(new[] { (1, "ab"), (2, "AB"), (2, "aB") }, Scan(rules, "abABaB"));
    }

    [Fact]
    public void SkipWhitespaceGroup_MayGoOnOverLines_AndTheActionFollowsIt()
    {
        const string rules = "%%\n(?x: a\n     b   /* the second letter */\n     c ) return 1;\n.|\\n return 9;\n";
        Assert.Equal(new[] { (1, "abc"), (9, "a") }, Scan(rules, "abca"));
    }

    [Fact]
    public void ErrorInAPatternOverLines_IsReportedOnItsLine() =>
        Assert.Equal(("CG2001", 3, 6), SingleError("%%\n(?x: a\n     [b ) return 1;\n"));

    [Fact]
    public void StartDirective_IsTheOldSpellingOfAnInclusiveCondition()
    {
        const string rules = "%start WORDS\n%Start NUMBERS\n%%\n<WORDS>[a-z]+ return 1;\n<NUMBERS>[0-9]+ return 2;\n! { Begin(WORDS); return 3; }\n# { Begin(NUMBERS); return 4; }\n. return 9;\n";
        Assert.Equal(new[] { (3, "!"), (1, "ab"), (9, "1"), (4, "#"), (2, "12"), (9, "a") }, Scan(rules, "!ab1#12a"));
    }

    [Fact]
    public void LexTableSizeLines_AreAcceptedAndIgnored() =>
        Assert.Equal(new[] { (1, "a") }, Scan("%e 2000\n%p 5000\n%n 500\n%%\na return 1;\n", "a"));

    [Fact]
    public void RepeatCount_AboveAThousand_IsBuilt()
    {
        const string rules = "%%\na{1200} return 1;\na return 2;\n";
        Assert.Equal(new[] { (1, new string('a', 1200)), (2, "a") }, Scan(rules, new string('a', 1201)));
    }

    [Fact]
    public void RepeatCount_TooLargeToBuild_IsCG2007AtTheRule()
    {
        Assert.Equal(("CG2007", 3, 1), SingleError("%%\nb return 2;\na{2000000} return 1;\n"));
        Assert.Equal(("CG2007", 2, 1), SingleError("%%\na{99999999999999999999} return 1;\n"));
    }

    [Fact]
    public void StartConditionNamedAsTheClass_IsCG2015() =>
        Assert.Equal(("CG2015", 1, 4), SingleError("%x Words\n%option class=\"Words\"\n%%\na return 1;\n"));
}
