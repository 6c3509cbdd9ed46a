using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Idl;
using Colo.Gen.Generator.Tests.Infrastructure;
using Colo.Gen.TestSupport;
using CsCheck;
using Xunit;
using CsGen = CsCheck.Gen;

namespace Colo.Gen.Generator.Tests.Idl;

/// <summary>
/// The .idl input path under hostile text: any text, and IDL-shaped text made of its own tokens,
/// reaches a model or located diagnostics without an internal failure (CG0001) or an exception,
/// within a bounded allocation per input character; and the cost of pathological shapes (long
/// strings, many fields or values, long comments, wide lists) grows with their length, not faster.
/// </summary>
public class HostileIdlTests
{
    private const string Header = "namespace(\"libxl_\")\n";

    private static readonly string[] Fragments =
    [
        "Struct(", "Enumeration(", "KeyedUnion(", "Union(", "Array(", "Builtin(", "Number(", "UInt(", "namespace(", "hidden(",
        "\"", "'", "\"\"\"", "(", ")", "[", "]", "{", "}", ",", ":", "=", "-", "0x", "0o7", "1e9", "99999999999999999999",
        "None", "True", "False", "\n", "\r\n", "\t", "#", "\\", "integer", "string", "libxl_defbool", "x", " ",
        "init_val=", "csharp_name=", "doc=", "'doc'", "csharp_type=", "\"bool\"", "\u00e9", "\U0001F600", "\0",
    ];

    /// <summary>Text of IDL tokens in any order, sometimes with arbitrary characters between them.</summary>
    private static readonly Gen<string> IdlShaped =
        CsGen.OneOf(
            CsGen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]),
            CsGen.Char.Select(c => c.ToString()))
        .Array[0, 120]
        .Select(parts => Header + string.Concat(parts));

    [Fact]
    public void Any_text_reaches_a_model_or_located_diagnostics_within_bounded_allocation()
    {
        CsGen.OneOf(IdlShaped, CsGen.String[0, 400]).Sample(text =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Result<IdlModel> result = IdlModelBuilder.Build("fuzz.idl", text, "N", new Dictionary<string, string>(), TestContext.Current.CancellationToken);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor.Id == "CG0001");
            Assert.All(result.Diagnostics, d => Assert.NotNull(d.Location));
            Assert.True(allocated < (256 << 10) + 4096L * text.Length, $"{allocated} bytes allocated for {text.Length} characters");
        }, iter: 3000, threads: 1);
    }

    [Fact]
    public void Idl_shaped_text_through_the_whole_generator_never_fails_inside_it()
    {
        IdlShaped.Sample(text =>
        {
            var (_, _, diagnostics) = GeneratorHarness.Run("/fuzz/f.idl", text);
            Assert.DoesNotContain(diagnostics, d => d.Id == "CG0001");
        }, iter: 150, threads: 1);
    }

    public static TheoryData<string, string, string, string> Shapes => new()
    {
        { "a long string", Header + "x = \"", "ab\\\"c ", "\"\n" },
        { "a long comment line", Header + "#", " comment", "\n" },
        { "many comment lines", Header, "# a comment\n", "" },
        { "many fields", Header + "s = Struct(\"s\", [\n", "    (\"f\", integer),\n", "])\n" },
        { "many enumeration values", Header + "e = Enumeration(\"e\", [\n", "    (1, \"A\"),\n", "])\n" },
        { "a wide list of numbers", Header + "x = [", "1, ", "]\n" },
        { "many assignments", Header, "x = (1, 'a', None)\n", "" },
        { "an unterminated string", Header + "x = \"", "abc ", "" },
        { "errors on every line", Header, "s = Struct(\"s\" [\n", "" },
        { "long names", Header + "s = Struct(\"", "abcdefgh", "\", [(\"a\", integer)])\n" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Pathological_shapes_cost_time_and_memory_in_proportion_to_their_length(string name, string prefix, string unit, string suffix)
    {
        // Eight times the input may cost about eight times as much; a cost growing with the square
        // of the length costs 64 times as much. The thread's CPU time (best of three, so that load
        // on a shared machine does not count) must stay well below that; allocation is exact and
        // has an absolute bound per character.
        const int Small = 32 << 10, Large = 256 << 10;
        (TimeSpan small, _) = Measure(prefix, unit, suffix, Small);
        (TimeSpan large, long allocated) = Measure(prefix, unit, suffix, Large);

        double ratio = large.TotalSeconds / Math.Max(small.TotalSeconds, 1e-4);
        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {small.TotalMilliseconds:F1} ms, {large.TotalMilliseconds:F1} ms, ratio {ratio:F1}, {allocated / (double)Large:F0} B a character");
        Assert.True(ratio < 32, $"{name}: 8 times the input took {ratio:F1} times as long ({small.TotalMilliseconds:F1} ms, {large.TotalMilliseconds:F1} ms)");
        Assert.True(allocated < (1L << 20) + 2048L * Large, $"{name}: {allocated} bytes allocated for {Large} characters");
    }

    private static (TimeSpan Elapsed, long Allocated) Measure(string prefix, string unit, string suffix, int length)
    {
        string text = prefix + string.Concat(Enumerable.Repeat(unit, Math.Max(1, length / unit.Length))) + suffix;
        IdlModelBuilder.Build("warm.idl", text, "N", new Dictionary<string, string>()); // every path compiled before timing

        return ThreadClock.BestOfThree(() =>
        {
            Result<IdlModel> result = IdlModelBuilder.Build("big.idl", text, "N", new Dictionary<string, string>());
            Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor.Id == "CG0001");
        });
    }
}
