using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>
/// A scanner compiled without optimization (a user's Debug build) allocates nothing as it scans, as
/// in Release: a scanner whose table entries (row offsets, accept words) pass 255 has ushort
/// tables, which as array literals behind a span property an unoptimized build would allocate on
/// every read.
/// </summary>
public sealed class DebugBuildAllocationTests
{
    private const string Probe = """
        public static class Probe
        {
            public static long[] Scan(byte[] input, int rounds)
            {
                var scanner = new Grammars.T();
                scanner.SetInput(input);
                while (scanner.Lex() != 0) { }
                long tokens = 0;
                long before = System.GC.GetAllocatedBytesForCurrentThread();
                for (int r = 0; r < rounds; r++)
                {
                    scanner.SetInput(input);
                    while (scanner.Lex() != 0) { tokens++; }
                }

                long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;
                return new[] { allocated, tokens };
            }
        }
        """;

    [Theory]
    [InlineData(OptimizationLevel.Debug, "%option nodirect-code\n")]
    [InlineData(OptimizationLevel.Debug, "")]
    [InlineData(OptimizationLevel.Release, "%option nodirect-code\n")]
    public void A_scanner_with_wide_tables_allocates_nothing_a_token(OptimizationLevel optimization, string options)
    {
        // a{300} alone takes 300 states: the tables need ushort entries.
        string rules = "%option class=\"T\" namespace=\"Grammars\"\n" + options + "%%\na{300} { return 1; }\n[a-z]+ { return 2; }\n.|\\n { return 3; }\n";
        Assembly assembly = ScannerHarness.CompileAndLoad(rules, Probe, optimization, out string source);
        Assert.Contains("ReadOnlySpan<ushort> YyTransitions", source, StringComparison.Ordinal);
        MethodInfo scan = assembly.GetType("Probe")!.GetMethod("Scan")!;
        byte[] input = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(new string('a', 300) + " word x\n", 20)));

        long[] result = (long[])scan.Invoke(null, [input, 20])!;

        Assert.Equal(20 * 6 * 20, result[1]);
        Assert.Equal(0, result[0]);
    }
}
