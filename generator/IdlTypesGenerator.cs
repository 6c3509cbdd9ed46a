using System;
using System.Collections.Generic;
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
/// diagnostics are a separate output. Each file depends on itself and the analyzer config
/// options only, never on the compilation. Nothing escapes as an exception: a failure of
/// the generator itself is the diagnostic CG0001.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class IdlTypesGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".idl", StringComparison.OrdinalIgnoreCase))
            .WithTrackingName(TrackingNames.IdlFiles);

        var inputs = files
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => ReadInput(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.IdlInput);

        var results = inputs
            .Select(static (input, ct) => BuildModel(input, ct))
            .WithTrackingName(TrackingNames.IdlModel);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.IdlDiagnostics);

        var sources = results
            .Select(static (result, ct) => EmitSource(result.Model, ct))
            .WithTrackingName(TrackingNames.IdlSource);

        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (DiagnosticInfo diagnostic in list)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(sources, static (spc, source) => AddSource(spc, source));
    }

    /// <summary>Parses one input into its model; a plain function tests call directly.</summary>
    internal static Result<IdlModel> BuildModel(IdlInput input, CancellationToken cancellationToken)
    {
        if (input.Text is null)
        {
            return Result<IdlModel>.From(null, new[] { DiagnosticInfo.Create(IdlDiagnostics.InternalError, LocationInfo.At(input.Path, 0, 0, 0), input.Path, "the file could not be read") });
        }

        var diagnostics = new List<DiagnosticInfo>();
        Dictionary<string, string> macros = IdlModelBuilder.ParseMacros(input.Macros, input.Path, diagnostics);
        Result<IdlModel> result = IdlModelBuilder.Build(input.Path, input.Text, input.Namespace, macros, cancellationToken);
        if (diagnostics.Count == 0)
        {
            return result;
        }

        diagnostics.AddRange(result.Diagnostics);
        return Result<IdlModel>.From(result.Model, diagnostics);
    }

    private static IdlInput ReadInput(AdditionalText file, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        try
        {
            return IdlInput.Read(file, options, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new IdlInput(file.Path, null, "Generated", "");
        }
    }

    private static GeneratedSource? EmitSource(IdlModel? model, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return null;
        }

        try
        {
            return new GeneratedSource(model.HintName, model.FilePath, TypesEmitter.Emit(model, cancellationToken), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new GeneratedSource(model.HintName, model.FilePath, null, e.GetType().Name + ": " + e.Message);
        }
    }

    private static void AddSource(SourceProductionContext context, GeneratedSource? source)
    {
        if (source is null)
        {
            return;
        }

        if (source.Text is null)
        {
            context.ReportDiagnostic(DiagnosticInfo.Create(IdlDiagnostics.InternalError, LocationInfo.At(source.FilePath, 0, 0, 0), source.FilePath, source.Error ?? "").ToDiagnostic());
            return;
        }

        var text = SourceText.From(source.Text, Encoding.UTF8);
        try
        {
            context.AddSource(source.HintName, text);
        }
        catch (ArgumentException)
        {
            // Two .idl files of the same name in different folders: the second gets its path's hash in its hint name.
            try
            {
                context.AddSource(source.HintName.Replace(".idl.g.cs", "." + StableHash(source.FilePath) + ".idl.g.cs"), text);
            }
            catch (ArgumentException e)
            {
                context.ReportDiagnostic(DiagnosticInfo.Create(IdlDiagnostics.InternalError, LocationInfo.At(source.FilePath, 0, 0, 0), source.FilePath, e.Message).ToDiagnostic());
            }
        }
    }

    private static string StableHash(string text)
    {
        unchecked
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The emit step's output: the source, or why there is none.</summary>
    private sealed record GeneratedSource(string HintName, string FilePath, string? Text, string? Error);
}
