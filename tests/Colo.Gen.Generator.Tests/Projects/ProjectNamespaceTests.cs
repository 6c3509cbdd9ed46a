using Xunit;

namespace Colo.Gen.Generator.Tests.Projects;

/// <summary>
/// The namespace of generated code when the project's RootNamespace is not a C# namespace, as
/// MSBuild makes it from a project named <c>my-app</c> or <c>1st.app</c>: both generators make it
/// the same valid namespace, and the user's code finds the types there.
/// </summary>
public class ProjectNamespaceTests
{
    private const string Rules = "%%\n[a-z]+ return 1;\n.|\\n { }\n";

    private const string Types = "namespace(\"libxl_\")\nlibxl_point = Struct(\"point\", [(\"x\", integer)])\n";

    [Theory]
    [InlineData("my-app", "my_app")]
    [InlineData("1st.app", "_1st.app")]
    [InlineData("My App.v2", "My_App.v2")]
    [InlineData("class.Data", "@class.Data")]
    [InlineData("a..b.", "a.b")]
    [InlineData("global.var.record", "global.var.record")]
    [InlineData("@class.__arglist", "@class.@__arglist")]
    [InlineData(" ", "Generated")]
    public void OddRootNamespace_BothGeneratorsUseTheSameValidNamespace(string rootNamespace, string expected)
    {
        string user = "public static class Use { public static int Run() { var s = new global::" + expected + ".WordsScanner(); s.SetInput(\"ab\"); return s.Lex() + new global::" + expected + ".Point { X = 1 }.X; } }";
        ProjectBuild build = ProjectHarness.Build([("/p/words.l", Rules), ("/p/types.idl", Types)], [user], rootNamespace: rootNamespace);

        Assert.Empty(build.Errors);
        Assert.Contains("namespace " + expected + "\n", build.Source("words.l."), System.StringComparison.Ordinal);
        Assert.Contains("namespace " + expected + ";", build.Source("types.idl."), System.StringComparison.Ordinal);
    }

    [Fact]
    public void ItemNamespace_IsCleanedTheSameWay()
    {
        var perFile = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.Dictionary<string, string>>
        {
            ["/p/words.l"] = new() { ["build_metadata.AdditionalFiles.ColoGenNamespace"] = "my-lexer" },
            ["/p/types.idl"] = new() { ["build_metadata.AdditionalFiles.ColoGenNamespace"] = "my-lexer" },
        };
        const string user = "public static class Use { public static object[] Run() => [new my_lexer.WordsScanner(), new my_lexer.Point()]; }";
        ProjectBuild build = ProjectHarness.Build([("/p/words.l", Rules), ("/p/types.idl", Types)], [user], rootNamespace: "App", perFile: perFile);

        Assert.Empty(build.Errors);
    }
}
