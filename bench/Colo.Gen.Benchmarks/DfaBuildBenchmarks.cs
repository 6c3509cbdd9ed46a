using System.IO;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Colo.Gen.Generator.Lex;

namespace Colo.Gen.Benchmarks;

/// <summary>
/// The scanner generator's own stages on grammar/disk.l, without Roslyn around them: reading the
/// rule file, and building its minimal DFA and tables (Thompson NFA, subset construction over
/// input classes, Hopcroft, trailing-context splitters).
/// </summary>
[MemoryDiagnoser]
public class DfaBuildBenchmarks
{
    private string _text = string.Empty;
    private RuleFile _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(Path.Combine(Colo.Gen.TestSupport.RepositoryRoot.Path, "grammar", "disk.l"));
        _file = RuleFileParser.Parse("disk.l", _text, "Colo.Gen").Model!;
    }

    [Benchmark(Description = "read disk.l")]
    public int ReadRuleFile() => RuleFileParser.Parse("disk.l", _text, "Colo.Gen").Model!.Rules.Count;

    [Benchmark(Description = "build disk.l's DFA")]
    public int BuildDfa() => AutomatonBuilder.Build(_file, CancellationToken.None).Model!.Automaton.StateCount;
}
