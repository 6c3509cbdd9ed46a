using System.Collections.Immutable;
using System.IO;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Colo.Gen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Colo.Gen.Benchmarks;

/// <summary>
/// The generator's cold run: a fresh driver each time, so no stage is cached. Measures the
/// whole pipeline (rule file to minimal DFA to C#; IDL to types) as a build would run it.
/// </summary>
[MemoryDiagnoser]
public class GeneratorColdRunBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<AdditionalText> _grammar;
    private ImmutableArray<AdditionalText> _grammarAndXenIdl;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CSharpCompilation.Create("bench", [CSharpSyntaxTree.ParseText("class C {}")]);
        string root = Colo.Gen.TestSupport.RepositoryRoot.Path;
        var disk = new InMemoryText(Path.Combine(root, "grammar", "disk.l"));
        var types = new InMemoryText(Path.Combine(root, "grammar", "libxl_types.idl"));
        _grammar = [disk, types];
        var xen = new InMemoryText(Path.Combine(root, "tests", "Colo.Gen.Generator.Tests", "TestData", "xen-libxl_types-master.idl"));
        _grammarAndXenIdl = [disk, types, xen];
    }

    [Benchmark(Description = "grammar/ (disk.l + libxl_types.idl)")]
    public int Grammar() => Run(_grammar);

    [Benchmark(Description = "grammar/ + Xen's full libxl_types.idl")]
    public int GrammarAndXenIdl() => Run(_grammarAndXenIdl);

    private int Run(ImmutableArray<AdditionalText> texts)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ScannerGenerator().AsSourceGenerator(), new IdlTypesGenerator().AsSourceGenerator()],
            additionalTexts: texts);
        driver = driver.RunGenerators(_compilation, CancellationToken.None);
        return driver.GetRunResult().GeneratedTrees.Length;
    }

    private sealed class InMemoryText(string path) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(File.ReadAllText(path), System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
