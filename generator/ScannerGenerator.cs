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
/// Each file's pipeline depends on that file, its options and the compiler's path map alone:
/// editing C# or an .idl file re-runs none of its steps. A rule file with errors still gives its
/// scanner class, without rules (see <see cref="WithoutRules"/>), so the errors a user sees are
/// the rule file's own.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ScannerGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<EquatableArray<PathMapEntry>> pathMap = context.CompilationProvider
            .Select(static (compilation, _) => SourcePaths.PathMapOf(compilation))
            .WithTrackingName(TrackingNames.PathMap);

        IncrementalValuesProvider<Result<GrammarFile>> inputs = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".l", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(pathMap)
            .Select(static (pair, cancellation) => GeneratorGuard.Run(pair.Left.Left.Path, () => Result<GrammarFile>.From(
                GrammarFile.Read(pair.Left.Left, pair.Left.Right, pair.Right, cancellation), Array.Empty<DiagnosticInfo>())))
            .WithTrackingName(TrackingNames.LexInput);

        IncrementalValuesProvider<Result<ParsedRuleFile>> parsed = inputs
            .Select(static (input, cancellation) => Parse(input, cancellation))
            .WithTrackingName(TrackingNames.LexParse);

        IncrementalValuesProvider<Result<BuiltScanner>> built = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, cancellation) => GeneratorGuard.Run(result.Model!.Rules.FilePath, () => Build(result.Model!, cancellation)))
            .WithTrackingName(TrackingNames.LexAutomaton);

        IncrementalValuesProvider<Result<GeneratedSource>> emitted = built
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => GeneratorGuard.Run(result.Model!.Scanner.File.FilePath, () => Emit(result.Model!)))
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
                spc.AddSource(source.HintName, SourceText.From(source.Text, Encoding.UTF8));
            }
        });
    }

    private static Result<ParsedRuleFile> Parse(Result<GrammarFile> input, System.Threading.CancellationToken cancellation)
    {
        if (input.Model is not { } file)
        {
            return Result<ParsedRuleFile>.From(null, input.Diagnostics);
        }

        if (file.Text is null)
        {
            return Result<ParsedRuleFile>.From(null, new[] { file.Unreadable() });
        }

        return GeneratorGuard.Run(file.Path, () =>
        {
            Result<RuleFile> rules = RuleFileParser.Parse(file.Path, file.Text, file.Namespace, cancellation);
            RuleFile? model = rules.Model ?? RuleFileParser.DeclarationsBeforeFirstError(file.Path, file.Text, file.Namespace, rules.Diagnostics, cancellation);

            ParsedRuleFile? parsed = model is null ? null : new ParsedRuleFile(model, HasErrors(rules.Diagnostics) || rules.Model is null, file.LinePath, file.HintName);
            return Result<ParsedRuleFile>.From(parsed, rules.Diagnostics);
        });
    }

    /// <summary>
    /// The automaton of a rule file. When the file has errors, or its automaton cannot be built
    /// (CG2007), the scanner is built <see cref="WithoutRules"/> and only the real diagnostics are kept.
    /// </summary>
    private static Result<BuiltScanner> Build(ParsedRuleFile parsed, System.Threading.CancellationToken cancellation)
    {
        Result<ScannerModel>? normal = parsed.HasErrors ? null : AutomatonBuilder.Build(parsed.Rules, cancellation);
        if (normal is { Model: { } model } && !HasErrors(normal.Diagnostics))
        {
            return Result<BuiltScanner>.From(new BuiltScanner(model, parsed.LinePath, parsed.HintName, IsStub: false), normal.Diagnostics);
        }

        ScannerModel? stub = AutomatonBuilder.Build(WithoutRules(parsed.Rules), cancellation).Model;
        return Result<BuiltScanner>.From(
            stub is null ? null : new BuiltScanner(stub, parsed.LinePath, parsed.HintName, IsStub: true),
            normal?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// A rule file with errors, reduced to what still compiles without them: its class, namespace,
    /// start conditions and C# blocks, and no rules. The scanner emitted from it has every member
    /// a scanner has, so the user's half of the class and the code calling it compile, and no
    /// second error ("the type WordsScanner could not be found") hides the first.
    /// The parser already leaves out whatever was wrong (a bad class name keeps the default one).
    /// </summary>
    internal static RuleFile WithoutRules(RuleFile file) => file with { Rules = EquatableArray<Rule>.Empty };

    private static Result<GeneratedSource> Emit(BuiltScanner built)
    {
        // The emitter writes the file's path into #line directives: give it the path that does
        // not depend on where the checkout sits (SourcePaths). Diagnostics keep the real path.
        ScannerModel named = built.Scanner with { File = built.Scanner.File with { FilePath = built.LinePath } };
        string text = ScannerEmitter.Emit(named, built.IsStub);
        return Result<GeneratedSource>.From(new GeneratedSource(built.HintName, text), Array.Empty<DiagnosticInfo>());
    }

    private static bool HasErrors(EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo d in diagnostics)
        {
            if (d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A parsed rule file, whether it has errors, and the names its generated source uses.</summary>
    private sealed record ParsedRuleFile(RuleFile Rules, bool HasErrors, string LinePath, string HintName);

    /// <summary>The automaton to emit; <see cref="IsStub"/> when it was built <see cref="WithoutRules"/>.</summary>
    private sealed record BuiltScanner(ScannerModel Scanner, string LinePath, string HintName, bool IsStub);

    private sealed record GeneratedSource(string HintName, string Text);
}
