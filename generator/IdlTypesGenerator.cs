using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Emit;
using Colo.Gen.Generator.Idl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Colo.Gen.Generator;

/// <summary>
/// Turns each libxl IDL file (*.idl, passed as AdditionalFiles) into C# types.
/// Pipeline: the .idl files, each with its options → type model and diagnostics → source;
/// diagnostics are a separate output. Each file depends on itself, the analyzer config options
/// and the compiler's path map only, never on the C# of the compilation. What the files of one
/// namespace share (<c>Defbool</c>, the JSON support class) is one more source per namespace,
/// made from the set of namespaces alone. A file with errors still gives the types it could
/// build. Nothing escapes as an exception: a failure of the generator itself is CG0001.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class IdlTypesGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<EquatableArray<PathMapEntry>> pathMap = context.CompilationProvider
            .Select(static (compilation, _) => SourcePaths.PathMapOf(compilation))
            .WithTrackingName(TrackingNames.PathMap);

        var files = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".idl", StringComparison.OrdinalIgnoreCase))
            .WithTrackingName(TrackingNames.IdlFiles);

        var inputs = files
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(pathMap)
            .Select(static (pair, ct) => GeneratorGuard.Run(pair.Left.Left.Path, () => Result<IdlInput>.From(
                IdlInput.Read(pair.Left.Left, pair.Left.Right, pair.Right, ct), Array.Empty<DiagnosticInfo>())))
            .WithTrackingName(TrackingNames.IdlInput);

        var results = inputs
            .Select(static (input, ct) => BuildModel(input, ct))
            .WithTrackingName(TrackingNames.IdlModel);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.IdlDiagnostics);

        var sources = results
            .Where(static result => result.Model is not null)
            .Select(static (result, ct) => GeneratorGuard.Run(result.Model!.Types.FilePath, () => Result<GeneratedSource>.From(
                new GeneratedSource(result.Model!.HintName, TypesEmitter.Emit(result.Model!.Types, ct)), Array.Empty<DiagnosticInfo>())))
            .WithTrackingName(TrackingNames.IdlSource);

        var shared = results
            .Select(static (result, _) => result.Model is { } built ? new NamespaceUse(built.Types.Namespace, built.Types.UsesDefbool) : null)
            .Where(static use => use is not null)
            .Select(static (use, _) => use!)
            .Collect()
            .Select(static (uses, _) => Merge(uses))
            .WithTrackingName(TrackingNames.IdlSupport);

        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (DiagnosticInfo diagnostic in list)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(sources, static (spc, result) => AddSource(spc, result));
        context.RegisterSourceOutput(shared.SelectMany(static (uses, _) => uses), static (spc, use) => AddSource(spc, GeneratorGuard.RunFor("namespace " + use.Namespace, () =>
            Result<GeneratedSource>.From(
                new GeneratedSource(HintNames.ForNamespace(use.Namespace, TypesSupportEmitter.HintSuffix), TypesSupportEmitter.Emit(use.Namespace, use.UsesDefbool)),
                Array.Empty<DiagnosticInfo>()))));
    }

    /// <summary>Parses one input into its model; a plain function tests call directly.</summary>
    internal static Result<IdlBuild> BuildModel(Result<IdlInput> input, CancellationToken cancellationToken)
    {
        if (input.Model is not { } idl)
        {
            return Result<IdlBuild>.From(null, input.Diagnostics);
        }

        if (idl.File.Text is not { } text)
        {
            return Result<IdlBuild>.From(null, new[] { idl.File.Unreadable() });
        }

        return GeneratorGuard.Run(idl.File.Path, () =>
        {
            var diagnostics = new List<DiagnosticInfo>();
            Dictionary<string, string> macros = IdlModelBuilder.ParseMacros(idl.Macros, idl.File.Path, diagnostics);
            Result<IdlModel> result = IdlModelBuilder.Build(idl.File.Path, text, idl.File.Namespace, macros, cancellationToken);
            diagnostics.AddRange(result.Diagnostics);
            return Result<IdlBuild>.From(result.Model is null ? null : new IdlBuild(result.Model, idl.File.HintName), diagnostics);
        });
    }

    /// <summary>One entry per namespace, ordinal order, needing Defbool when any of its files does.</summary>
    private static EquatableArray<NamespaceUse> Merge(ImmutableArray<NamespaceUse> uses)
    {
        var byNamespace = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (NamespaceUse use in uses)
        {
            byNamespace[use.Namespace] = (byNamespace.TryGetValue(use.Namespace, out bool before) && before) || use.UsesDefbool;
        }

        var merged = new List<NamespaceUse>(byNamespace.Count);
        foreach (KeyValuePair<string, bool> entry in byNamespace)
        {
            merged.Add(new NamespaceUse(entry.Key, entry.Value));
        }

        return merged.ToEquatableArray();
    }

    private static void AddSource(SourceProductionContext context, Result<GeneratedSource> result)
    {
        foreach (DiagnosticInfo diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (result.Model is { } source)
        {
            context.AddSource(source.HintName, SourceText.From(source.Text, Encoding.UTF8));
        }
    }

    /// <summary>A file's type model and the hint name of its source.</summary>
    internal sealed record IdlBuild(IdlModel Types, string HintName);

    /// <summary>A namespace that generated types go in, and whether any of them uses <c>Defbool</c>.</summary>
    private sealed record NamespaceUse(string Namespace, bool UsesDefbool);

    private sealed record GeneratedSource(string HintName, string Text);
}
