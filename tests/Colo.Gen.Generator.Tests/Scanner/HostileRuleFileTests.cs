using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Colo.Gen.Generator.Common;
using Colo.Gen.Generator.Emit;
using Colo.Gen.Generator.Lex;
using Colo.Gen.TestSupport;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>
/// Rule files built to make a lexer generator slow or hungry: definitions that double at each
/// level, nested counted repeats, huge classes under repeats, automata that grow exponentially,
/// many rules, many start conditions, deep nesting, long lines. Each must end, within about a
/// second, in a located diagnostic or a scanner. The bounds asserted are generous (several
/// times what this machine needs, for a shared and noisy CI machine) but meaningful: before the
/// generator bounded its stages, the doubling definitions took over 10 s and 700 MB at 24 levels
/// and never finished at 40.
/// </summary>
public class HostileRuleFileTests
{
    /// <summary>
    /// Time one rule file may take through parse, automaton and emit: the thread's processor time
    /// (so machine load does not count; wall time where the system cannot tell a thread's time).
    /// </summary>
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(3);

    /// <summary>Bytes one rule file may allocate through parse, automaton and emit.</summary>
    private const long AllocationBound = 400L << 20;

    public static TheoryData<string, string, string?> Shapes => new()
    {
        { "definitions doubling 24 levels", Doubling(24), "CG2007" },
        { "definitions doubling 40 levels", Doubling(40), "CG2007" },
        { "doubling alternations 40 levels", DoublingAlternation(40), "CG2007" },
        { "nested counted repeats", "%%\n((((a{10}){10}){10}){10}){10} return 1;\n", "CG2007" },
        { "counted repeat of a counted repeat", "%%\n(a{1000}){1000} return 1;\n", "CG2007" },
        { "huge count", "%%\na{2147483647} return 1;\n", "CG2007" },
        { "any byte repeated 50000 times", "%%\n(.|\\n){50000} return 1;\n", "CG2007" },
        { "any byte up to 1500 times over 256 classes", AllBytes() + "(.|\\n){1,1500} return 300;\n", null },
        { "any byte up to 3000 times over 256 classes", AllBytes() + "(.|\\n){1,3000} return 300;\n", "CG2007" },
        { "exponential DFA", "%%\n(a|b)*a(a|b){24} return 1;\n", "CG2007" },
        { "exponential DFA, largest accepted", "%%\n(a|b)*a(a|b){12} return 1;\n", null },
        { "exponential trailing context", "%%\n(a|b)*a/(a|b)*b(a|b){24}c return 1;\n", "CG2007" },
        { "many keywords", Keywords(5_000), null },
        { "more rules than NFA states allow", Keywords(60_000), "CG2007" },
        { "many start conditions", Conditions(20_000), null },
        { "start conditions times rules", ConditionsTimesRules(3_000, 3_000), "CG2007" },
        { "inclusive conditions times unprefixed rules", InclusiveTimesUnprefixed(5_000, 5_000), "CG2007" },
        { "many conditions, a rule in each", RuleInEachCondition(8_000), null },
        { "more conditions with a rule each than DFA states allow", RuleInEachCondition(30_000), "CG2007" },
        { "deeply nested groups", "%%\n" + new string('(', 20_000) + "a" + new string(')', 20_000) + " return 1;\n", "CG2007" },
        { "long chain of repeats", "%%\na" + string.Concat(Enumerable.Repeat("{1}", 20_000)) + " return 1;\n", "CG2007" },
        { "long chain of definitions", Chain(5_000), "CG2007" },
        { "pasted definitions doubling", PastedDoubling(30), "CG2007" },
        { "long line of class names", "%%\n[" + string.Concat(Enumerable.Repeat("[:", 300_000)) + " return 1;\n", "CG2001" },
        { "unclosed comment over many lines", "%%\n  /*\n" + string.Concat(Enumerable.Repeat("a b c\n", 100_000)), "CG2005" },
        { "many nested scopes", Scopes(10_000), null },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void HostileRuleFile_EndsInADiagnosticOrAScanner_QuicklyAndWithinMemory(string name, string rules, string? expectedId)
    {
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = ThreadClock.Start();
        (IReadOnlyList<DiagnosticInfo> diagnostics, string? source) = Generate(rules);
        TimeSpan elapsed = clock.Elapsed;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {elapsed.TotalMilliseconds:F0} ms, {allocated >> 20} MB, {rules.Length} chars");
        Assert.True(elapsed < TimeBound, $"{name}: {elapsed.TotalSeconds:F2} s");
        Assert.True(allocated < AllocationBound, $"{name}: {allocated >> 20} MB allocated");
        if (expectedId is null)
        {
            string errors = string.Join("; ", diagnostics.Where(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                .Select(d => d.Descriptor.Id + " " + string.Join(" | ", d.MessageArgs)));
            Assert.True(errors.Length == 0, $"{name}: {errors}");
            Assert.NotNull(source);
        }
        else
        {
            DiagnosticInfo error = Assert.Single(diagnostics, d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            Assert.True(expectedId == error.Descriptor.Id, $"{name}: {error.Descriptor.Id} {string.Join(" | ", error.MessageArgs)}");
            Assert.NotNull(error.Location);
        }
    }

    /// <summary>The generator's three stages, as its pipeline runs them, on this thread.</summary>
    private static (IReadOnlyList<DiagnosticInfo> Diagnostics, string? Source) Generate(string rules)
    {
        CancellationToken cancellation = TestContext.Current.CancellationToken;
        Result<RuleFile> parsed = RuleFileParser.Parse("/grammars/hostile.l", rules, "Hostile", cancellation);
        var diagnostics = parsed.Diagnostics.ToList();
        if (parsed.Model is null || diagnostics.Any(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
        {
            return (diagnostics, null);
        }

        Result<ScannerModel> built = AutomatonBuilder.Build(parsed.Model, cancellation);
        diagnostics.AddRange(built.Diagnostics);
        return (diagnostics, built.Model is null ? null : ScannerEmitter.Emit(built.Model));
    }

    /// <summary>D1 a|b, D2 {D1}{D1}, ... : each level doubles the expanded pattern.</summary>
    private static string Doubling(int levels)
    {
        var sb = new StringBuilder("D1 a|b\n");
        for (int i = 2; i <= levels; i++)
        {
            sb.Append('D').Append(i).Append(" {D").Append(i - 1).Append("}{D").Append(i - 1).Append("}\n");
        }

        return sb.Append("%%\n{D").Append(levels).Append("} return 1;\n").ToString();
    }

    private static string DoublingAlternation(int levels)
    {
        var sb = new StringBuilder("D1 ab\n");
        for (int i = 2; i <= levels; i++)
        {
            sb.Append('D').Append(i).Append(" {D").Append(i - 1).Append("}x|y{D").Append(i - 1).Append("}\n");
        }

        return sb.Append("%%\n{D").Append(levels).Append("} return 1;\n").ToString();
    }

    /// <summary>Definitions ending in '$' are pasted as text, not shared: the text doubles instead.</summary>
    private static string PastedDoubling(int levels)
    {
        var sb = new StringBuilder("D1 a$\n");
        for (int i = 2; i <= levels; i++)
        {
            sb.Append('D').Append(i).Append(" {D").Append(i - 1).Append("}{D").Append(i - 1).Append("}$\n");
        }

        return sb.Append("%%\n{D").Append(levels).Append("} return 1;\n").ToString();
    }

    /// <summary>One rule per byte value: 256 input classes.</summary>
    private static string AllBytes()
    {
        var sb = new StringBuilder("%%\n");
        for (int b = 0; b < 256; b++)
        {
            sb.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)).Append(" return ").Append(b + 1).Append(";\n");
        }

        return sb.ToString();
    }

    private static string Keywords(int count)
    {
        var sb = new StringBuilder("%%\n");
        for (int i = 0; i < count; i++)
        {
            sb.Append("kw").Append(i).Append(" return 1;\n");
        }

        return sb.Append("[a-z0-9]+ return 2;\n").ToString();
    }

    private static string Conditions(int count)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            sb.Append("%x C").Append(i).Append('\n');
        }

        return sb.Append("%%\n<*>[a-z]+ return 1;\n").ToString();
    }

    private static string ConditionsTimesRules(int conditions, int rules)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < conditions; i++)
        {
            sb.Append("%s C").Append(i).Append('\n');
        }

        sb.Append("%%\n");
        for (int i = 0; i < rules; i++)
        {
            sb.Append("<*>w").Append(i).Append(" return 1;\n");
        }

        return sb.ToString();
    }

    private static string InclusiveTimesUnprefixed(int conditions, int rules)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < conditions; i++)
        {
            sb.Append("%s C").Append(i).Append('\n');
        }

        sb.Append("%%\n");
        for (int i = 0; i < rules; i++)
        {
            sb.Append('w').Append(i).Append(" return 1;\n");
        }

        return sb.ToString();
    }

    private static string RuleInEachCondition(int conditions)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < conditions; i++)
        {
            sb.Append("%x C").Append(i).Append('\n');
        }

        sb.Append("%%\n");
        for (int i = 0; i < conditions; i++)
        {
            sb.Append("<C").Append(i).Append(">w return ").Append(i).Append(";\n");
        }

        return sb.ToString();
    }

    private static string Chain(int length)
    {
        var sb = new StringBuilder("D0 a\n");
        for (int i = 1; i < length; i++)
        {
            sb.Append('D').Append(i).Append(" {D").Append(i - 1).Append("}\n");
        }

        return sb.Append("%%\n{D").Append(length - 1).Append("} return 1;\n").ToString();
    }

    private static string Scopes(int depth)
    {
        var sb = new StringBuilder("%s A B\n%%\n");
        for (int i = 0; i < depth; i++)
        {
            sb.Append(i % 2 == 0 ? "<A>{\n" : "<B>{\n");
        }

        for (int i = 0; i < depth; i++)
        {
            sb.Append('w').Append(i).Append(" return 1;\n}\n");
        }

        return sb.ToString();
    }
}
