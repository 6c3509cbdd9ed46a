using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>Malformed rule files give located diagnostics with IDs, never a crash.</summary>
public class RuleFileDiagnosticsTests
{
    /// <summary>Each case: rule file, expected ID, 1-based line and column.</summary>
    public static TheoryData<string, string, int, int> Cases => new()
    {
        { "%%\na(b return 1;\n", "CG2001", 2, 2 },
        { "%%\n[abc return 1;\n", "CG2001", 2, 1 },
        { "%%\nab\"c return 1;\n", "CG2001", 2, 3 },
        { "%%\na{3,1} return 1;\n", "CG2001", 2, 2 },
        { "%%\n*a return 1;\n", "CG2001", 2, 1 },
        { "%%\n[z-a] return 1;\n", "CG2001", 2, 2 },
        { "%%\nx  {NOPE}+ return 1;\n{NOPE} return 2;\n", "CG2002", 3, 1 },
        { "%x A\n%%\n<B>a return 1;\n", "CG2003", 3, 2 },
        { "%%\na { if (x) { return 1; }\nb return 2;\n", "CG2004", 2, 3 },
        { "%{\nint x;\n%%\na return 1;\n", "CG2005", 1, 1 },
        { "%%\n[a-z]+ return 1;\nabc return 2;\n", "CG2006", 3, 1 },
        { "%option frobnicate\n%%\na return 1;\n", "CG2008", 1, 9 },
        { "a b\nc d\n", "CG2009", 3, 1 },
        { "c\n%%\na return 1;\n", "CG2009", 1, 2 },
        { "%x A A\n%%\na return 1;\n", "CG2010", 1, 6 },
        { "%%\na |\n", "CG2011", 2, 1 },
        { "%option lex-compat\n%%\na return 1;\n", "CG2012", 1, 9 },
        { "%%\na return 1;\n  int stray = 1;\n", "CG2013", 3, 1 },
        { "%%\n", "CG2014", 1, 1 },
        { "%%\na{1000}{1000} return 1;\n", "CG2007", 2, 1 },
        { "%x Lex\n%%\na return 1;\n", "CG2015", 1, 4 },
        { "%s class\n%%\na return 1;\n", "CG2015", 1, 4 },
        { "%option class=\"yyScanner\"\n%%\na return 1;\n", "CG2015", 1, 9 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MalformedRuleFile_ReportsIdAtLineAndColumn(string rules, string id, int line, int column)
    {
        var (generator, _, _) = ScannerHarness.Generate(rules);
        Diagnostic diagnostic = Assert.Single(generator, d => d.Id == id);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(ScannerHarness.RulePath, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.DoesNotContain(generator, d => d.Id is "CG0001" or "CS8785" or "AD0001");
    }

    [Fact]
    public void CompileErrorInAction_IsReportedInTheRuleFile()
    {
        const string rules = "%%\na      return 1;\nb      { int y = \"text\"; return y; }\n";
        var (generator, compiler, _) = ScannerHarness.Generate(rules);
        Assert.Empty(generator);
        Diagnostic error = Assert.Single(compiler, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS0029", error.Id);
        FileLinePositionSpan mapped = error.Location.GetMappedLineSpan();
        Assert.Equal(ScannerHarness.RulePath, mapped.Path);
        Assert.Equal(3, mapped.StartLinePosition.Line + 1);
        Assert.Equal(17, mapped.StartLinePosition.Character);
    }

    /// <summary>Operands of flex's pattern language, the new constructs among them, for random patterns.</summary>
    private static readonly string[] Operands =
    {
        "a", "b", "[a-c]", "[^b]", ".", "\"ab\"", "\\n", "\\x41", "[a-z]{-}[b]", "[a]{+}[^c]", "[[:alpha:]]", "{D}", "{DD}",
    };

    /// <summary>What can go wrong in a pattern: dropped in now and then, so errors are exercised too.</summary>
    private static readonly string[] Junk = { "(", ")", "|", "*", "{0}", "$", "/", "^", "{-}", "(?q:", "[", "\"", "{ANCH}", "\\" };

    private static readonly string[] Actions =
    {
        "return 1;", "{ Reject(); }", "{ More(); }", "{ Less(0); }", "{ PushState(X); return 2; }", "{ PopState(); }",
        "{ Begin(X); }", "|", "{ return LineNumber; }", "",
    };

    private static string RandomPattern(Random random, int depth)
    {
        if (depth == 0 || random.Next(3) == 0)
        {
            return Operands[random.Next(Operands.Length)];
        }

        string inner = RandomPattern(random, depth - 1);
        return random.Next(10) switch
        {
            0 => inner + RandomPattern(random, depth - 1),
            1 => "(" + inner + "|" + RandomPattern(random, depth - 1) + ")",
            2 => "(" + inner + ")*",
            3 => "(" + inner + "){2,3}",
            4 => "(?i:" + inner + ")",
            5 => "(?s:" + inner + ")",
            6 => "(?x: " + inner + " /* c */ " + RandomPattern(random, depth - 1) + " )",
            7 => "(?-i:" + inner + ")+",
            8 => "(?#note)" + inner + "?",
            _ => inner + RandomPattern(random, depth - 1),
        };
    }

    [Fact]
    public void RandomRuleFiles_CompileOrFailInTheRuleFile()
    {
        // Whatever a rule file holds, the generator reports it (never CG0001), and every C# error in what
        // it emits maps into the rule file: the code the generator writes itself always compiles.
        var random = new Random(12);
        int scanners = 0;
        for (int file = 0; file < 200; file++)
        {
            var rules = new System.Text.StringBuilder();
            foreach (string option in new[] { "yylineno", "stack", "reject", "caseless", "nodefault" })
            {
                if (random.Next(3) == 0)
                {
                    rules.Append("%option ").Append(option).Append('\n');
                }
            }

            rules.Append("%x X\n").Append(random.Next(2) == 0 ? "%start S\n" : string.Empty)
                .Append("D ").Append(RandomPattern(random, 2)).Append("\nDD {D}{D}\nANCH ^").Append(RandomPattern(random, 1))
                .Append("\nTAIL ").Append(RandomPattern(random, 1)).Append("$\n%%\n");
            for (int r = random.Next(1, 7); r > 0; r--)
            {
                string pattern = (random.Next(5) == 0 ? "{ANCH}" : random.Next(6) == 0 ? "^" : string.Empty) + RandomPattern(random, 3)
                    + (random.Next(5) == 0 ? "{TAIL}" : random.Next(5) == 0 ? "/" + RandomPattern(random, 2) : random.Next(6) == 0 ? "$" : string.Empty);
                if (random.Next(8) == 0)
                {
                    pattern = pattern.Insert(random.Next(pattern.Length + 1), Junk[random.Next(Junk.Length)]);
                }

                rules.Append(random.Next(4) == 0 ? "<X>" : string.Empty).Append(pattern).Append(' ').Append(Actions[random.Next(Actions.Length)]).Append('\n');
            }

            rules.Append(". return 9;\n");
            var (generator, compiler, sources) = ScannerHarness.Generate(rules.ToString());
            Assert.DoesNotContain(generator, d => d.Id is "CG0001" or "CS8785" or "AD0001");
            scanners += sources.Length;
            foreach (Diagnostic error in compiler.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                Assert.True(error.Location.GetMappedLineSpan().Path == ScannerHarness.RulePath, $"{error} in generated code for:\n{rules}");
            }
        }

        Assert.True(scanners > 200 / 2, $"only {scanners} of the random rule files made a scanner to compile");
    }

    [Fact]
    public void RandomBytes_NeverCrashTheGenerator()
    {
        var random = new Random(7);
        const string alphabet = "%{}<>[]()\"\\/|*+?^$.,-=:;aAxX09 \t\n\r%%%%\u00e9\0";
        for (int i = 0; i < 300; i++)
        {
            var text = new char[random.Next(200)];
            for (int k = 0; k < text.Length; k++)
            {
                text[k] = alphabet[random.Next(alphabet.Length)];
            }

            string rules = (i % 2 == 0 ? "%%\n" : string.Empty) + new string(text);
            var (generator, _, _) = ScannerHarness.Generate(rules);
            Assert.DoesNotContain(generator, d => d.Id is "CG0001" or "CS8785" or "AD0001");
        }
    }
}
