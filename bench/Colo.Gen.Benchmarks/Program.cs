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
    /// <c>write-scan-input PATH</c> and <c>scan-time PATH ROUNDS</c>; <c>config-time ROUNDS FILE...</c>,
    /// which bench/compare-config.sh runs next to libxlutil; and <c>write-disk-corpus realistic|random PATH
    /// DISKS [SEED]</c>, the batch corpora of bench/compare-jsonl.sh and bench/compare-libxlutil.sh (<see cref="DiskLineCorpus"/>).
    /// </summary>
    private static void Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "config-time")
        {
            ConfigTime(int.Parse(args[1], CultureInfo.InvariantCulture), args[2..]);
            return;
        }

        if (args.Length is 4 or 5 && args[0] == "write-disk-corpus")
        {
            DiskLineCorpus.Write(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args.Length == 5 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 16);
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

            // Warm up for a second and a half: the JIT's tiers settle, and the direct-coded walk, which
            // a pool thread compiles once a quarter megabyte has been scanned, takes over (steady state,
            // as BenchmarkDotNet measures; the C scanners need no warm-up).
            int tokens = 0;
            long warm = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(warm).TotalSeconds < 1.5)
            {
                tokens = ScannerThroughputBenchmarks.ScanAll(scanner, input);
            }

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
