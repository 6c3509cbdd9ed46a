using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Colo.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>
/// Runs <see cref="ScannerGenerator"/> over a rule file through a real CSharpGeneratorDriver,
/// compiles what it emits, and loads it, so tests scan with the scanner a user would get.
/// </summary>
internal sealed class ScannerHarness
{
    public const string RulePath = "/grammars/test.l";

    private readonly Func<byte[], string> _scan;

    private ScannerHarness(Func<byte[], string> scan, string source, Type scannerType)
    {
        _scan = scan;
        Source = source;
        ScannerType = scannerType;
    }

    /// <summary>The generated scanner class.</summary>
    public Type ScannerType { get; }

    /// <summary>The generated C#.</summary>
    public string Source { get; }

    /// <summary>Generator diagnostics and compiler diagnostics of the generated code.</summary>
    public static (ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Compiler, string[] Sources) Generate(string rules, string path = RulePath)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new ScannerGenerator())
            .AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(path, rules)));
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.EmptyCompilation(), out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        string[] sources = driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToArray();
        return (generatorDiagnostics, output.GetDiagnostics(), sources);
    }

    /// <summary>
    /// Builds a scanner from rules whose actions <c>return</c> a token number. Scanning returns
    /// one line a token, "NUMBER HEXTEXT", and "JAM POSITION" if the scanner jams. With
    /// <paramref name="trace"/>, each token line goes on with the token's length, the start
    /// condition and the line number (0 without %option yylineno): the format the flex-built C
    /// twin prints.
    /// </summary>
    /// <remarks>
    /// <paramref name="walk"/> picks the longest-match walk the scanner uses from its first token: the
    /// direct-coded one (which a real process switches to only after a quarter megabyte of input, once a pool
    /// thread has compiled it) or the table walk (<c>%option nodirect-code</c>). Scanners whose DFA is too big for
    /// direct code, and REJECT scanners, have only the table walk either way.
    /// </remarks>
    public static ScannerHarness Build(string rules, bool trace = false, ScannerWalk walk = ScannerWalk.Direct)
    {
        string details = !trace ? string.Empty
            : ".Append(' ').Append(scanner.Length).Append(' ').Append(scanner.StartCondition).Append(' ').Append("
                + (FlexTwin.UsesOption(rules, "yylineno") ? "scanner.LineNumber" : "0") + ")";
        string driverSource = """
            public static class Harness
            {
                public static string Run(byte[] input)
                {
                    var scanner = new Grammars.T();
                    scanner.SetInput(input);
                    var sb = new System.Text.StringBuilder();
                    for (int n = 0; n < 100000; n++)
                    {
                        int token = scanner.Lex();
                        if (token == 0) break;
                        if (token == Grammars.T.ScannerJammed)
                        {
                            sb.Append("JAM ").Append(scanner.JamPosition).Append('\n');
                            break;
                        }

                        sb.Append(token).Append(' ').Append(System.Convert.ToHexString(scanner.TextSpan))DETAILS.Append('\n');
                    }

                    return sb.ToString();
                }
            }
            """.Replace("DETAILS", details);
        string withClass = "%option class=\"T\" namespace=\"Grammars\"\n" + (walk == ScannerWalk.Tables ? "%option nodirect-code\n" : string.Empty) + rules;
        Assembly assembly = CompileAndLoad(withClass, driverSource, OptimizationLevel.Release, out string source);
        MethodInfo run = assembly.GetType("Harness")!.GetMethod("Run")!;
        Type scannerType = assembly.GetType("Grammars.T")!;
        if (walk == ScannerWalk.Direct)
        {
            UseDirectCode(scannerType);
        }

        return new ScannerHarness(run.CreateDelegate<Func<byte[], string>>(), source, scannerType);
    }

    /// <summary>
    /// Runs the generator over <paramref name="ruleFile"/> (a whole rule file, its class and namespace
    /// included) beside <paramref name="driverSource"/>, compiles both at <paramref name="optimization"/>
    /// and loads the assembly into a collectible context. <paramref name="source"/> is the generated C#.
    /// </summary>
    public static Assembly CompileAndLoad(string ruleFile, string driverSource, OptimizationLevel optimization, out string source)
    {
        CSharpCompilation compilation = GeneratorHarness.EmptyCompilation(driverSource)
            .WithAssemblyName("ScannerUnderTest" + Guid.NewGuid().ToString("N"));
        compilation = compilation.WithOptions(compilation.Options.WithOptimizationLevel(optimization));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new ScannerGenerator())
            .AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(RulePath, ruleFile)));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Assert.Empty(generatorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        source = string.Join("\n", driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()));
        using var image = new MemoryStream();
        var emit = output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + source);
        image.Position = 0;
        return new AssemblyLoadContext("scanner", isCollectible: true).LoadFromStream(image);
    }

    /// <summary>Makes scanners of <paramref name="scanner"/> use their direct-coded walk from now on, if they have one.</summary>
    public static bool UseDirectCode(Type scanner)
    {
        FieldInfo? state = scanner.GetField("yyDirectCode", BindingFlags.NonPublic | BindingFlags.Static);
        state?.SetValue(null, 2);
        return state is not null;
    }

    public string Scan(byte[] input) => _scan(input);

    public string Scan(string input) => _scan(System.Text.Encoding.UTF8.GetBytes(input));

    /// <summary>The tokens as (number, text) pairs, for readable assertions.</summary>
    public IReadOnlyList<(int Rule, string Text)> Tokens(string input)
    {
        var tokens = new List<(int, string)>();
        foreach (string line in Scan(input).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(' ');
            tokens.Add(parts[0] == "JAM"
                ? (-1, "@" + parts[1])
                : (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), System.Text.Encoding.UTF8.GetString(Convert.FromHexString(parts.Length > 1 ? parts[1] : ""))));
        }

        return tokens;
    }
}

/// <summary>Which longest-match walk a scanner under test uses.</summary>
internal enum ScannerWalk
{
    /// <summary>The DFA coded as branches (the default for DFAs that fit).</summary>
    Direct,

    /// <summary>The table walk (<c>%option nodirect-code</c>).</summary>
    Tables,

    /// <summary>As generated: the table walk until the process has scanned enough for the direct code to be compiled.</summary>
    AsGenerated,
}
