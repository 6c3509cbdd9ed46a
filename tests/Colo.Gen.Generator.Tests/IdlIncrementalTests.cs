using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Colo.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Colo.Gen.Generator.Tests;

/// <summary>The IDL pipeline caches: a second run, or an edit of C# code, re-runs no parse and no emit.</summary>
public class IdlIncrementalTests
{
    private static readonly string[] Steps = { TrackingNames.PathMap, TrackingNames.IdlInput, TrackingNames.IdlModel, TrackingNames.IdlDiagnostics, TrackingNames.IdlSource, TrackingNames.IdlSupport };

    [Fact]
    public void SecondRun_AndACSharpEdit_LeaveEveryStepCachedOrUnchanged()
    {
        string idl = File.ReadAllText(GeneratorHarness.RepositoryFile("grammar", "libxl_types.idl"));
        var file = new InMemoryAdditionalText("/p/libxl_types.idl", idl);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { file }, rootNamespace: "P");
        CSharpCompilation compilation = GeneratorHarness.EmptyCompilation();

        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        Assert.Equal(2, first.GeneratedSources.Length);
        PipelineOutputs.AssertHoldNoCompilerObjects(first, Steps);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Edited { }", cancellationToken: TestContext.Current.CancellationToken));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        foreach (string step in Steps)
        {
            Assert.True(second.TrackedSteps.ContainsKey(step), step + " is not tracked");
            Assert.All(second.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + o.Reason));
        }
    }

    [Fact]
    public void EditingTheIdl_RerunsItsParse()
    {
        var original = new InMemoryAdditionalText("/p/a.idl", "e = Enumeration(\"e\", [(0, \"A\")])\n");
        var driver = GeneratorHarness.CreateDriver(new[] { original });
        driver = driver.RunGenerators(GeneratorHarness.EmptyCompilation(), TestContext.Current.CancellationToken);
        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText("/p/a.idl", "e = Enumeration(\"e\", [(0, \"B\")])\n"));
        driver = driver.RunGenerators(GeneratorHarness.EmptyCompilation(), TestContext.Current.CancellationToken);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.IdlSource].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("B = 0", result.GeneratedSources.Single(s => s.HintName.StartsWith("a.idl.", StringComparison.Ordinal)).SourceText.ToString());
    }
}
