using System;
using System.Linq;
using Xunit;

namespace Colo.Gen.Generator.Tests.Projects;

/// <summary>
/// A grammar file with errors still gives the types it declares (a rule file its scanner class
/// without rules, with its start conditions and C# members; an .idl the types that could be
/// built), so the errors a user sees are the located CG ones, not a second error in their own
/// code ("the type or namespace name 'WordsScanner' could not be found").
/// </summary>
public class GrammarErrorsWithoutCascadeTests
{
    private const string Declarations = "%option class=\"WordsScanner\"\n%x QUOTE\n%{\n    public int Counter;\n%}\n";

    /// <summary>The user's half of the class and code calling the scanner: members generated, declared in the rule file, and a start condition.</summary>
    private const string UserCode = """
        namespace App
        {
            public partial class WordsScanner
            {
                public int Twice => 2 * Counter;
            }

            public static class Use
            {
                public static int Run()
                {
                    var scanner = new WordsScanner();
                    scanner.SetInput("abc");
                    scanner.Begin(WordsScanner.QUOTE);
                    int token = scanner.Lex();
                    return token + scanner.Length + scanner.Text.Length + scanner.Twice;
                }
            }
        }
        """;

    /// <summary>Each case: a rule file with an error, and the error's ID.</summary>
    public static TheoryData<string, string> BrokenRuleFiles => new()
    {
        { Declarations + "%%\na(b return 1;\n[a-z]+ return 2;\n", "CG2001" },
        { Declarations + "%%\n{NOPE}+ return 1;\n", "CG2002" },
        { Declarations + "%%\n<ERR>a return 1;\n", "CG2003" },
        { Declarations + "%%\na { if (x) { return 1; }\n", "CG2004" },
        { Declarations + "%%\na{1000}{1000} return 1;\n", "CG2007" },
        { Declarations + "[a-z]+ return 1;\n", "CG2009" },
        { Declarations.Replace("%x QUOTE", "%x QUOTE QUOTE") + "%%\na return 1;\n", "CG2010" },
        { Declarations + "%%\na |\n", "CG2011" },
        { Declarations.Replace("class=\"WordsScanner\"", "class=\"class\"") + "%%\na return 1;\n", "CG2015" },
    };

    [Theory]
    [MemberData(nameof(BrokenRuleFiles))]
    public void RuleFileWithAnError_StillGivesItsScannerClass_SoTheOnlyErrorIsItsOwn(string rules, string id)
    {
        ProjectBuild build = ProjectHarness.Build([("/p/words.l", rules)], [UserCode], rootNamespace: "App");

        Assert.Contains(build.Generator, d => d.Id == id);
        Assert.All(build.Errors, e => Assert.StartsWith("CG", e, StringComparison.Ordinal));
        string source = build.Source("words.l.");
        Assert.Contains("this scanner is generated without its rules", source, StringComparison.Ordinal);
        Assert.Contains("0 rules", source, StringComparison.Ordinal);
    }

    [Fact]
    public void UnterminatedCodeBlock_StillGivesTheClass_WithoutTheBrokenBlock()
    {
        const string rules = "%option class=\"WordsScanner\"\n%x QUOTE\n%{\n    public int Counter;\n%%\na return 1;\n";
        ProjectBuild build = ProjectHarness.Build([("/p/words.l", rules)], [UserCode.Replace("2 * Counter", "2")], rootNamespace: "App");

        Assert.Contains(build.Generator, d => d.Id == "CG2005");
        Assert.All(build.Errors, e => Assert.StartsWith("CG", e, StringComparison.Ordinal));
    }

    [Fact]
    public void RuleFileWithoutErrors_IsGeneratedWithItsRules()
    {
        ProjectBuild build = ProjectHarness.Build([("/p/words.l", Declarations + "%%\n[a-z]+ return 1;\n<QUOTE>.|\\n { }\n")], [UserCode], rootNamespace: "App");

        Assert.Empty(build.Errors);
        Assert.DoesNotContain("without its rules", build.Source("words.l."), StringComparison.Ordinal);
    }

    [Fact]
    public void IdlWithErrors_StillGivesTheTypesItCouldBuild()
    {
        const string idl = """
            namespace("libxl_")
            libxl_colour = Enumeration("colour", [(1, "RED"), (2, "GREEN")])
            libxl_point = Struct("point", [("x", integer), ("colour", libxl_colour)])
            libxl_broken = Struct("broken", [("y", libxl_nosuch)])
            libxl_bad = Struct("bad" [])
            """;
        const string user = """
            public static class Use
            {
                public static string Run() => new App.Point { X = 1, Colour = App.Colour.Green }.ToJson();
            }
            """;
        ProjectBuild build = ProjectHarness.Build([("/p/types.idl", idl)], [user], rootNamespace: "App");

        Assert.Equal(["CG1003", "CG1007"], build.Generator.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(build.Errors, e => Assert.StartsWith("CG", e, StringComparison.Ordinal));
    }
}
