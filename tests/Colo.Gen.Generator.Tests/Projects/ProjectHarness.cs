using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Colo.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Colo.Gen.Generator.Tests.Projects;

/// <summary>What a build of a project with grammar files gives: the generators' diagnostics, the compiler's, and the generated sources by hint name.</summary>
internal sealed record ProjectBuild(ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Compiler, IReadOnlyDictionary<string, string> Sources)
{
    /// <summary>Every error, generator's and compiler's, as "ID path(line,col)": what a user would read.</summary>
    public string[] Errors => Generator.Concat(Compiler)
        .Where(d => d.Severity == DiagnosticSeverity.Error)
        .Select(d => d.Id + " " + d.Location.GetMappedLineSpan().Path + "(" + (d.Location.GetMappedLineSpan().StartLinePosition.Line + 1) + ")")
        .ToArray();

    /// <summary>The one source whose hint name starts with <paramref name="prefix"/>.</summary>
    public string Source(string prefix) => Assert.Single(Sources, s => s.Key.StartsWith(prefix, System.StringComparison.Ordinal)).Value;
}

/// <summary>
/// Both generators in one driver, as a project's build runs them: several grammar files, the
/// project's options (RootNamespace, ProjectDir), an optional compiler path map, and the user's
/// own C# compiled with what they generate.
/// </summary>
internal static class ProjectHarness
{
    public static ProjectBuild Build(
        IEnumerable<(string Path, string Text)> files,
        string[]? userSources = null,
        string? rootNamespace = null,
        string? projectDirectory = null,
        IEnumerable<KeyValuePair<string, string>>? pathMap = null,
        Dictionary<string, Dictionary<string, string>>? perFile = null) =>
        Build(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), userSources, rootNamespace, projectDirectory, pathMap, perFile);

    public static ProjectBuild Build(
        IEnumerable<AdditionalText> files,
        string[]? userSources = null,
        string? rootNamespace = null,
        string? projectDirectory = null,
        IEnumerable<KeyValuePair<string, string>>? pathMap = null,
        Dictionary<string, Dictionary<string, string>>? perFile = null)
    {
        var global = new Dictionary<string, string>();
        if (rootNamespace is not null)
        {
            global["build_property.RootNamespace"] = rootNamespace;
        }

        if (projectDirectory is not null)
        {
            global["build_property.ProjectDir"] = projectDirectory;
        }

        CSharpCompilation compilation = GeneratorHarness.EmptyCompilation(userSources ?? []);
        if (pathMap is not null)
        {
            compilation = compilation.WithOptions(compilation.Options.WithSourceReferenceResolver(
                new SourceFileResolver(ImmutableArray<string>.Empty, null, pathMap.ToImmutableArray())));
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ScannerGenerator().AsSourceGenerator(), new IdlTypesGenerator().AsSourceGenerator() },
            files,
            new CSharpParseOptions(LanguageVersion.Latest),
            new DictionaryOptionsProvider(global, perFile ?? new()));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics, TestContext.Current.CancellationToken);
        var sources = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new ProjectBuild(generatorDiagnostics, output.GetDiagnostics(TestContext.Current.CancellationToken), sources);
    }
}
