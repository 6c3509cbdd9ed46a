using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Colo.Gen.Generator.Tests.Projects;

/// <summary>
/// Generated sources do not depend on where the checkout sits once the compiler has a path map
/// (CI builds: DeterministicSourcePaths maps the repository root to /_/): #line directives name
/// the path mapped the way the compiler maps it, and hint names come from the path relative to
/// the project. Without a map, #line names the normalized full path, which a user can open.
/// </summary>
public class DeterministicPathsTests
{
    private const string Rules = "%option class=\"WordsScanner\"\n%%\n[a-z]+    { return Length; }\n";

    private static (string Path, string Text)[] Grammar(string root) =>
    [
        (root + "runtime/../grammar/disk.l", File.ReadAllText(GeneratorHarness.RepositoryFile("grammar", "disk.l"))),
        (root + "runtime/../grammar/libxl_types.idl", File.ReadAllText(GeneratorHarness.RepositoryFile("grammar", "libxl_types.idl"))),
    ];

    private static ProjectBuild BuildRuntimeAt(string root) =>
        ProjectHarness.Build(
            Grammar(root),
            rootNamespace: "Colo.Gen",
            projectDirectory: root + "runtime/",
            pathMap: [new(root, "/_/")]);

    [Fact]
    public void TheSameProject_InTwoFolders_WithItsPathMap_GeneratesTheSameSources()
    {
        ProjectBuild here = BuildRuntimeAt("/home/alice/src/colo-gen/");
        ProjectBuild there = BuildRuntimeAt("/var/lib/ci/builds/7/x/");

        Assert.Equal(here.Sources.Keys.Order(System.StringComparer.Ordinal), there.Sources.Keys.Order(System.StringComparer.Ordinal));
        foreach (KeyValuePair<string, string> source in here.Sources)
        {
            Assert.True(source.Value == there.Sources[source.Key], source.Key + " differs between the two folders");
        }

        Assert.Contains("#line 25 \"/_/grammar/disk.l\"", here.Source("disk.l."), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/home/u/repo/runtime/../grammar/words.l")]
    [InlineData("/home/u/repo/grammar/./words.l")]
    [InlineData("/home/u/repo/a/b/../../grammar/words.l")]
    [InlineData("/elsewhere/words.l")]
    public void LineDirective_NamesThePathAsTheCompilerMapsIt(string path)
    {
        var map = ImmutableArray.Create(new KeyValuePair<string, string>("/home/u/repo/", "/_/"));
        string? compilers = new SourceFileResolver(ImmutableArray<string>.Empty, null, map).NormalizePath(path, null);

        ProjectBuild build = ProjectHarness.Build([(path, Rules)], pathMap: map);

        Assert.NotNull(compilers);
        Assert.Contains("#line 3 \"" + compilers + "\"\n", build.Source("words.l."), System.StringComparison.Ordinal);
        Assert.Equal(compilers, SourcePaths.ForLineDirective(path, new[] { new PathMapEntry("/home/u/repo/", "/_/") }.ToEquatableArray()));
    }

    [Fact]
    public void WithoutAPathMap_TheLineDirectiveNamesTheNormalizedFullPath()
    {
        ProjectBuild build = ProjectHarness.Build([("/p/runtime/../grammar/words.l", Rules)]);

        Assert.Contains("#line 3 \"/p/grammar/words.l\"\n", build.Source("words.l."), System.StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorInAnAction_UnderAPathMap_IsReportedAtTheMappedPath()
    {
        ProjectBuild build = ProjectHarness.Build(
            [("/home/u/repo/grammar/words.l", Rules.Replace("return Length;", "return \"text\";"))],
            pathMap: [new("/home/u/repo/", "/_/")]);

        Assert.Equal(["CS0029 /_/grammar/words.l(3)"], build.Errors);
    }

    [Theory]
    [InlineData("/p/a\"b/words.l", "/p/a_b/words.l")]
    [InlineData("/p/a\nb/words.l", "/p/a_b/words.l")]
    [InlineData("/p/a\\b/words.l", "/p/a\\b/words.l")]
    public void APathCSharpCannotQuote_StillGivesAValidLineDirective(string path, string written)
    {
        ProjectBuild build = ProjectHarness.Build([(path, Rules)]);

        Assert.Empty(build.Errors);
        Assert.Contains("#line 3 \"" + written + "\"\n", build.Source("words.l."), System.StringComparison.Ordinal);
    }
}
