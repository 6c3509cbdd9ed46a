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
