using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Colo.Gen.Config;

namespace Colo.Gen.Benchmarks;

/// <summary>
/// Reading xl domain configuration files: Xen's three example files and a COLO guest
/// (bench/configs), each read whole, reported per pass over the four. bench/compare-config.sh
/// reads the same files with libxlutil in the same run.
/// </summary>
[MemoryDiagnoser]
public class ConfigReadBenchmarks
{
    private byte[][] _files = [];

    [GlobalSetup]
    public void Setup() => _files = Files();

    [Benchmark(Description = "read 4 config files (one pass)")]
    public int Read() => ReadAll(_files);

    [Benchmark(Description = "read 4 config files and parse their disks (one pass)")]
    public int ReadWithDisks()
    {
        int disks = 0;
        foreach (byte[] file in _files)
        {
            disks += XlConfigDisks.Read(XlConfig.Parse(file, "bench.cfg")).Disks.Count;
        }

        return disks;
    }

    /// <summary>The benchmark's files: Xen's examples (as the tests keep them) and bench/configs.</summary>
    public static byte[][] Files()
    {
        string root = TestSupport.RepositoryRoot.Path;
        string[] paths =
        [
            .. Directory.GetFiles(Path.Combine(root, "tests", "Colo.Gen.Tests", "TestData", "xl-examples")).Order(),
            .. Directory.GetFiles(Path.Combine(root, "bench", "configs")).Order(),
        ];
        return System.Array.ConvertAll(paths, File.ReadAllBytes);
    }

    /// <summary>Reads every file once; returns how many read without error.</summary>
    public static int ReadAll(byte[][] files)
    {
        int read = 0;
        foreach (byte[] file in files)
        {
            if (XlConfig.Parse(file, "bench.cfg").Succeeded)
            {
                read++;
            }
        }

        return read;
    }
}
