using BenchmarkDotNet.Attributes;

namespace Colo.Gen.Benchmarks;

/// <summary>
/// Raw scanning: the rules of grammar/disk.l (actions that only return the rule number)
/// over 1 MB of disk specs. Reported per 1 MB pass; MB/s is 1 / mean. The same rules built by
/// flex run in bench/compare-flex.sh. Allocation per pass must be 0 bytes.
/// </summary>
[MemoryDiagnoser]
public class ScannerThroughputBenchmarks
{
    private readonly DiskTokenScanner _scanner = new();
    private byte[] _input = [];

    [GlobalSetup]
    public void Setup()
    {
        _input = BenchmarkCorpus.OneMegabyteOfSpecs();
        _scanner.SetInput(_input);
    }

    [Benchmark(Description = "scan 1 MB of disk specs (tokens)")]
    public int ScanOneMegabyte() => ScanAll(_scanner, _input);

    /// <summary>Counts the tokens of one pass over the input.</summary>
    public static int ScanAll(DiskTokenScanner scanner, byte[] input)
    {
        scanner.SetInput(input);
        int tokens = 0;
        while (scanner.Lex() > 0)
        {
            tokens++;
        }

        return tokens;
    }
}
