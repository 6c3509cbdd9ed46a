using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Running;

namespace Colo.Gen.Benchmarks;

internal static class Program
{
    /// <summary>
    /// BenchmarkDotNet's switcher, plus two plain modes bench/compare-flex.sh uses to time this
    /// scanner next to the flex-built one on the same file:
    /// <c>write-scan-input PATH</c> and <c>scan-time PATH ROUNDS</c>; and <c>config-time ROUNDS FILE...</c>,
    /// which bench/compare-config.sh runs next to libxlutil.
    /// </summary>
    private static void Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "config-time")
        {
            ConfigTime(int.Parse(args[1], CultureInfo.InvariantCulture), args[2..]);
            return;
        }

        if (args.Length == 2 && args[0] == "write-scan-input")
        {
            File.WriteAllBytes(args[1], BenchmarkCorpus.OneMegabyteOfSpecs());
            return;
        }

        if (args.Length == 3 && args[0] == "scan-time")
        {
            byte[] input = File.ReadAllBytes(args[1]);
            int rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
            var scanner = new DiskTokenScanner();
            int tokens = ScannerThroughputBenchmarks.ScanAll(scanner, input);
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < rounds; i++)
            {
                tokens = ScannerThroughputBenchmarks.ScanAll(scanner, input);
            }

            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tokens} tokens a pass, {seconds:F6} s, {input.Length * (double)rounds / seconds / 1e6:F1} MB/s"));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary>
    /// Reads the files into memory, reads each as a config <paramref name="rounds"/>/10 times (at least
    /// once) untimed, so the JIT has compiled the reader, then <paramref name="rounds"/> times, and
    /// prints "N read, M rejected, T s" for one round (T: the timed rounds), as
    /// tests/native/xlcfg-oracle's --time does for libxlutil.
    /// </summary>
    private static void ConfigTime(int rounds, string[] paths)
    {
        byte[][] files = Array.ConvertAll(paths, File.ReadAllBytes);
        int read = 0;
        for (int round = 0; round < Math.Max(1, rounds / 10); round++)
        {
            read = ConfigReadBenchmarks.ReadAll(files);
        }

        long start = Stopwatch.GetTimestamp();
        for (int round = 0; round < rounds; round++)
        {
            read = ConfigReadBenchmarks.ReadAll(files);
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{read} read, {files.Length - read} rejected, {seconds:F6} s"));
    }
}
