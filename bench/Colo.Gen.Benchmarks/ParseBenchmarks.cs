using BenchmarkDotNet.Attributes;

namespace Colo.Gen.Benchmarks;

/// <summary>
/// The product's main job: DiskSpecParser over a fixed corpus of mixed disks (keyword,
/// positional, prefixed, COLO, erroneous). Reported per pass over the corpus; specs/s is
/// the disk count divided by the mean. bench/compare-libxlutil.sh measures libxlutil on the
/// same disks in the same run.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string[][] _disks = [];

    /// <summary>How many disks one pass parses.</summary>
    public int DiskCount => _disks.Length;

    [GlobalSetup]
    public void Setup() => _disks = BenchmarkCorpus.Disks();

    [Benchmark(Description = "parse the mixed corpus (one pass)")]
    public int ParseCorpus() => ParseAll(_disks);

    /// <summary>Parses every disk once; returns how many parsed without error.</summary>
    public static int ParseAll(string[][] disks)
    {
        int parsed = 0;
        foreach (string[] disk in disks)
        {
            if (DiskSpecParser.Parse(disk).Succeeded)
            {
                parsed++;
            }
        }

        return parsed;
    }
}
