using System;
using System.Text;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Emit;
using Colo.Gen.Generator.Lex;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Colo.Gen.Generator;

/// <summary>
/// Turns each flex-style rule file (*.l, passed as AdditionalFiles) into a table-driven DFA scanner.
/// Each file's pipeline depends on that file (and its namespace option) alone: editing C#
/// or an .idl file re-runs none of its steps.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ScannerGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<RuleFileInput> inputs = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".l", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellation) =>
            {
                var options = pair.Right.GetOptions(pair.Left);
                string? ns = options.TryGetValue(GeneratorInfo.NamespaceMetadata, out string? fromItem) && fromItem.Trim().Length > 0
                    ? fromItem.Trim()
                    : pair.Right.GlobalOptions.TryGetValue(GeneratorInfo.RootNamespaceProperty, out string? root) && root.Trim().Length > 0 ? root.Trim() : "Generated";
                return new RuleFileInput(pair.Left.Path, pair.Left.GetText(cancellation)?.ToString(), ns);
            })
            .WithTrackingName(TrackingNames.LexInput);

        IncrementalValuesProvider<Result<RuleFile>> parsed = inputs
            .Select(static (input, cancellation) => Guard(input.Path, () => input.Text is null
                ? Result<RuleFile>.From(null, new[] { DiagnosticInfo.Create(CommonDiagnostics.UnreadableFile, null, input.Path) })
                : RuleFileParser.Parse(input.Path, input.Text, input.Namespace, cancellation)))
            .WithTrackingName(TrackingNames.LexParse);

        IncrementalValuesProvider<Result<ScannerModel>> built = parsed
            .Where(static result => result.Model is not null && !HasErrors(result))
            .Select(static (result, cancellation) => Guard(result.Model!.FilePath, () => AutomatonBuilder.Build(result.Model!, cancellation)))
            .WithTrackingName(TrackingNames.LexAutomaton);

        IncrementalValuesProvider<Result<GeneratedSource>> emitted = built
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => Guard(result.Model!.File.FilePath, () => Result<GeneratedSource>.From(
                new GeneratedSource(HintName(result.Model!.File.FilePath), ScannerEmitter.Emit(result.Model!)),
                System.Array.Empty<DiagnosticInfo>())))
            .WithTrackingName(TrackingNames.LexEmit);

        context.RegisterSourceOutput(parsed.SelectMany(static (r, _) => r.Diagnostics), static (spc, d) => spc.ReportDiagnostic(d.ToDiagnostic()));
        context.RegisterSourceOutput(built.SelectMany(static (r, _) => r.Diagnostics), static (spc, d) => spc.ReportDiagnostic(d.ToDiagnostic()));
        context.RegisterSourceOutput(emitted, static (spc, result) =>
        {
            foreach (DiagnosticInfo d in result.Diagnostics)
            {
                spc.ReportDiagnostic(d.ToDiagnostic());
            }

            if (result.Model is { } source)
            {
                spc.AddSource(source.HintName, SourceText.From(source.Source, Encoding.UTF8));
            }
        });
    }

    private static bool HasErrors<T>(Result<T> result)
        where T : class
    {
        foreach (DiagnosticInfo d in result.Diagnostics)
        {
            if (d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs a step; an exception it lets out becomes CG0001 instead of a generator crash.</summary>
    private static Result<T> Guard<T>(string path, Func<Result<T>> step)
        where T : class
    {
        try
        {
            return step();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            return Result<T>.From(null, new[] { DiagnosticInfo.Create(CommonDiagnostics.InternalError, null, path, e.GetType().Name + ": " + e.Message) });
        }
    }

    /// <summary>The hint name from the file name: <c>grammar/disk.l</c> → <c>disk.l.g.cs</c>; other characters become '_'.</summary>
    private static string HintName(string path)
    {
        string name = System.IO.Path.GetFileName(path);
        var sb = new StringBuilder();
        foreach (char c in name)
        {
            sb.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-' ? c : '_');
        }

        // Two rule files with one name in different folders get the folder's hash to stay unique.
        uint hash = 2166136261;
        foreach (char c in path.Replace('\\', '/'))
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return sb + "." + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
    }

    private sealed record RuleFileInput(string Path, string? Text, string Namespace);

    private sealed record GeneratedSource(string HintName, string Source);
}
