using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Colo.Gen.Generator.Tests.Projects;

/// <summary>
/// Projects with several grammar files: what the .idl files of a namespace share (Defbool, the
/// JSON support class) is generated once for the namespace, never once per file, and files of
/// one name, or classes of one name, in different places stay apart.
/// </summary>
public class SeveralGrammarFilesTests
{
    private static string DefboolIdl(string type) => $$"""
        namespace("libxl_")
        libxl_defbool = Builtin("defbool", check_default_fn="libxl__defbool_is_default")
        libxl_{{type}} = Struct("{{type}}", [
            ("on", libxl_defbool),
            ("name", string),
            ("sizes", Array(uint32, "num_sizes")),
            ])
        """;

    private static Dictionary<string, Dictionary<string, string>> Namespaces(params (string Path, string Namespace)[] files) =>
        files.ToDictionary(f => f.Path, f => new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ColoGenNamespace"] = f.Namespace });

    [Fact]
    public void TwoIdlFiles_BothUsingDefbool_InOneNamespace_CompileWithOneDefbool()
    {
        const string user = """
            namespace App;
            public static class Use
            {
                public static string Run()
                {
                    var a = new A { On = Defbool.True, Name = "a" };
                    var b = new B { On = Defbool.False };
                    return A.FromJson(a.ToJson()).ToJson() + B.FromJson(b.ToJson()).ToJson();
                }
            }
            """;
        ProjectBuild build = ProjectHarness.Build([("/p/a.idl", DefboolIdl("a")), ("/p/more/b.idl", DefboolIdl("b"))], [user], rootNamespace: "App");

        Assert.Empty(build.Errors);
        string support = build.Source("App.ColoGenSupport.");
        Assert.Single(build.Sources.Values, s => s.Contains("struct Defbool", System.StringComparison.Ordinal));
        Assert.Contains("public readonly struct Defbool", support, System.StringComparison.Ordinal);
        Assert.Single(build.Sources.Values, s => s.Contains("class ColoGenJson", System.StringComparison.Ordinal));
    }

    [Fact]
    public void TwoIdlFiles_UsingDefbool_InTwoNamespaces_EachNamespaceGetsItsOwn()
    {
        const string user = """
            public static class Use
            {
                public static bool Run() => new One.A { On = One.Defbool.True }.On.Value && !new Two.B { On = Two.Defbool.False }.On.Value;
            }
            """;
        ProjectBuild build = ProjectHarness.Build(
            [("/p/a.idl", DefboolIdl("a")), ("/p/b.idl", DefboolIdl("b"))],
            [user],
            perFile: Namespaces(("/p/a.idl", "One"), ("/p/b.idl", "Two")));

        Assert.Empty(build.Errors);
        Assert.Contains("namespace One;", build.Source("One.ColoGenSupport."), System.StringComparison.Ordinal);
        Assert.Contains("namespace Two;", build.Source("Two.ColoGenSupport."), System.StringComparison.Ordinal);
    }

    [Fact]
    public void TwoIdlFiles_InNamespacesThatDifferOnlyInNonAsciiLetters_EachGetsItsOwnSupport()
    {
        const string user = """
            public static class Use
            {
                public static bool Run() => new Café.A { On = Café.Defbool.True }.On.Value && !new Cafè.B { On = Cafè.Defbool.False }.On.Value;
            }
            """;
        ProjectBuild build = ProjectHarness.Build(
            [("/p/a.idl", DefboolIdl("a")), ("/p/b.idl", DefboolIdl("b"))],
            [user],
            perFile: Namespaces(("/p/a.idl", "Café"), ("/p/b.idl", "Cafè")));

        Assert.Empty(build.Errors);
        Assert.Equal(2, build.Sources.Keys.Count(k => k.EndsWith(".ColoGenSupport.g.cs", System.StringComparison.Ordinal)));
        Assert.Single(build.Sources.Values, s => s.Contains("namespace Café;", System.StringComparison.Ordinal) && s.Contains("struct Defbool", System.StringComparison.Ordinal));
        Assert.Single(build.Sources.Values, s => s.Contains("namespace Cafè;", System.StringComparison.Ordinal) && s.Contains("struct Defbool", System.StringComparison.Ordinal));
    }

    [Fact]
    public void AnIdlAndARuleFile_WithTheSameClassNames_InDifferentNamespaces_Compile()
    {
        const string rules = """
            %%
            [a-z]+    return 1;
            .|\n      { }
            """;
        const string user = """
            public static class Use
            {
                public static int Run()
                {
                    var scanner = new Lexing.WordsScanner();
                    scanner.SetInput("abc");
                    var record = new Types.WordsScanner { On = Types.Defbool.True, Name = scanner.Lex().ToString() };
                    return record.ToJson().Length;
                }
            }
            """;
        ProjectBuild build = ProjectHarness.Build(
            [("/p/words.l", rules), ("/p/words.idl", DefboolIdl("words_scanner"))],
            [user],
            perFile: Namespaces(("/p/words.l", "Lexing"), ("/p/words.idl", "Types")));

        Assert.Empty(build.Errors);
        Assert.Equal(3, build.Sources.Count);
    }

    [Fact]
    public void FilesOfOneName_InDifferentFolders_GetSourcesOfTheirOwn()
    {
        static string Rules(string scanner) => "%option class=\"" + scanner + "\"\n%%\n[a-z]+ return 1;\n";
        const string user = "public static class Use { public static object[] Run() => [new App.First(), new App.Second(), new App.A(), new App.B()]; }";
        ProjectBuild build = ProjectHarness.Build(
            [("/p/one/words.l", Rules("First")), ("/p/two/words.l", Rules("Second")), ("/p/one/types.idl", DefboolIdl("a")), ("/p/two/types.idl", DefboolIdl("b"))],
            [user],
            rootNamespace: "App");

        Assert.Empty(build.Errors);
        Assert.Equal(2, build.Sources.Keys.Count(k => k.StartsWith("words.l.", System.StringComparison.Ordinal)));
        Assert.Equal(2, build.Sources.Keys.Count(k => k.StartsWith("types.idl.", System.StringComparison.Ordinal)));
    }
}
