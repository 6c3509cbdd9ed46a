using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Colo.Gen.Generator.Tests.Infrastructure;

/// <summary>A grammar file (.l or .idl) held in memory, as the compiler passes AdditionalFiles.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, System.Text.Encoding.UTF8);
}

/// <summary>Analyzer config options from plain dictionaries: global (build_property.*) and per file.</summary>
public sealed class DictionaryOptionsProvider(Dictionary<string, string> global, Dictionary<string, Dictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions => new DictionaryOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(new());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new DictionaryOptions(perFile.TryGetValue(textFile.Path, out var options) ? options : new());

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>Runs the generators through a real <see cref="CSharpGeneratorDriver"/>, offline: shared compilation, files and driver set-up.</summary>
public static class GeneratorHarness
{
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string RepositoryFile(params string[] parts) => Colo.Gen.TestSupport.RepositoryRoot.File(parts);

    /// <summary>A library compilation over .NET 10's reference assemblies, holding the given sources (an anchor class without any).</summary>
    public static CSharpCompilation EmptyCompilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        (sources.Length == 0 ? new[] { "namespace Consumer { internal static class Anchor { } }" } : sources)
            .Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
        Basic.Reference.Assemblies.Net100.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, Dictionary<string, Dictionary<string, string>>? perFile = null, string? rootNamespace = null) =>
        CreateDriver(new IdlTypesGenerator(), files, perFile, rootNamespace);

    /// <summary>A driver for one generator over the files, with step tracking and the given analyzer-config options.</summary>
    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, IEnumerable<AdditionalText> files, Dictionary<string, Dictionary<string, string>>? perFile = null, string? rootNamespace = null)
    {
        var global = new Dictionary<string, string>();
        if (rootNamespace is not null)
        {
            global["build_property.RootNamespace"] = rootNamespace;
        }

        return CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            files,
            new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose),
            new DictionaryOptionsProvider(global, perFile ?? new()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator over one file; returns the run result and the compilation with the output added.</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(string path, string text, string? ns = "Test.Types", string? macros = null)
    {
        var perFile = new Dictionary<string, Dictionary<string, string>> { [path] = new() };
        if (ns is not null)
        {
            perFile[path]["build_metadata.AdditionalFiles.ColoGenNamespace"] = ns;
        }

        if (macros is not null)
        {
            perFile[path]["build_metadata.AdditionalFiles.ColoGenIdlMacros"] = macros;
        }

        GeneratorDriver driver = CreateDriver(new[] { new InMemoryAdditionalText(path, text) }, perFile);
        driver = driver.RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }
}
