using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>
/// The generated scanner for a small grammar, compared with the checked-in snapshot through
/// Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing. To accept a deliberate change, run
/// the tests with COLO_GEN_UPDATE_SNAPSHOTS=1 and review the diff of Snapshots/.
/// </summary>
public class ScannerSnapshotTests
{
    private const string GrammarPath = "/grammars/calc.l";

    [Fact]
    public async Task CalcGrammar_GeneratesTheSnapshot()
    {
        string grammar = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Grammars", "calc.l"));
        var (_, _, sources) = ScannerHarness.Generate(grammar, GrammarPath);
        string actual = Assert.Single(sources);
        string snapshot = Path.Combine(AppContext.BaseDirectory, "Snapshots", "calc.l.g.cs");
        if (Environment.GetEnvironmentVariable("COLO_GEN_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Snapshots", "calc.l.g.cs"), actual);
            snapshot = Path.Combine(SourceDirectory(), "Snapshots", "calc.l.g.cs");
        }

        var test = new CSharpSourceGeneratorTest<ScannerGenerator, DefaultVerifier>
        {
            // No reference package to download: the references come from Basic.Reference.Assemblies.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Net100.References.All);
        test.TestState.AdditionalFiles.Add((GrammarPath, grammar));
        string hint = HintNameOf(actual, grammar);
        test.TestState.GeneratedSources.Add((typeof(ScannerGenerator), hint, SourceText.From(File.ReadAllText(snapshot), Encoding.UTF8)));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static string HintNameOf(string source, string grammar)
    {
        GeneratorDriverHint driver = new(grammar);
        return driver.HintName;
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;

    /// <summary>Runs the generator once to learn the hint name it gives the file.</summary>
    private sealed class GeneratorDriverHint
    {
        public GeneratorDriverHint(string grammar)
        {
            var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new ScannerGenerator())
                .AddAdditionalTexts([new TestAdditionalText(GrammarPath, grammar)])
                .RunGenerators(Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("hint"));
            HintName = driver.GetRunResult().Results.Single().GeneratedSources.Single().HintName;
        }

        public string HintName { get; }
    }
}
