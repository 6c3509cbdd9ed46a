using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Colo.Gen.Generator.Tests.Infrastructure;

/// <summary>
/// Checks what incremental pipeline steps output: a step holding a compiler object (a
/// Compilation, a symbol, a syntax node or tree, an AdditionalText, a SourceText, a Diagnostic)
/// keeps it alive and defeats Roslyn's cache, which compares outputs by value.
/// </summary>
public static class PipelineOutputs
{
    /// <summary>Each named step ran, and none of its outputs holds a compiler object, however deep.</summary>
    public static void AssertHoldNoCompilerObjects(GeneratorRunResult result, params string[] steps)
    {
        foreach (string step in steps)
        {
            Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), step + " is not tracked");
            var outputs = runs.SelectMany(run => run.Outputs).ToArray();
            Assert.NotEmpty(outputs);
            foreach (var output in outputs)
            {
                AssertHoldsNoCompilerObject(output.Value, step, 0);
            }
        }
    }

    /// <summary>
    /// Walks <paramref name="value"/>: collections, tuples, and the public properties of this
    /// project's own types; fails at the first compiler object.
    /// </summary>
    public static void AssertHoldsNoCompilerObject(object? value, string where, int depth = 0)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value is Enum)
        {
            return;
        }

        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SyntaxTree or AdditionalText or SourceText or Diagnostic,
            where + " holds a " + value.GetType().Name);
        if (value is IEnumerable items)
        {
            foreach (object? item in items)
            {
                AssertHoldsNoCompilerObject(item, where, depth + 1);
            }

            return;
        }

        if (value is ITuple tuple)
        {
            for (int i = 0; i < tuple.Length; i++)
            {
                AssertHoldsNoCompilerObject(tuple[i], where, depth + 1);
            }

            return;
        }

        if (value.GetType().Namespace?.StartsWith("Colo.Gen", StringComparison.Ordinal) == true)
        {
            foreach (PropertyInfo p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            {
                if (p.GetIndexParameters().Length == 0)
                {
                    AssertHoldsNoCompilerObject(p.GetValue(value), where + "." + p.Name, depth + 1);
                }
            }
        }
    }
}
