using System.Collections.Immutable;
using System.Linq;
using Colo.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Colo.Gen.Generator.Tests.Scanner;

/// <summary>
/// The scanner pipeline caches per step: GeneratorDriver step tracking shows which steps
/// re-ran after an edit, and that no step's output holds a compiler object.
/// </summary>
public class ScannerIncrementalityTests
{
    private const string Rules = "%%\n[a-z]+ return 1;\n[0-9]+/x return 2;\n. return 3;\n";

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params AdditionalText[] files)
    {
        CSharpCompilation compilation = GeneratorHarness.EmptyCompilation("class User { }");
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ScannerGenerator().AsSourceGenerator() },
            files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return (driver.RunGenerators(compilation, TestContext.Current.CancellationToken), compilation);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step]
            .SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void EditingUnrelatedCSharp_RerunsNoStep()
    {
        var (driver, compilation) = FirstRun(new InMemoryAdditionalText("/g/a.l", Rules));
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Other { }", cancellationToken: TestContext.Current.CancellationToken)), TestContext.Current.CancellationToken);
        foreach (string step in new[] { TrackingNames.LexParse, TrackingNames.LexAutomaton, TrackingNames.LexEmit })
        {
            Assert.All(Reasons(driver, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }
    }

    [Fact]
    public void AddingAnIdlFile_DoesNotRebuildTheAutomaton()
    {
        var (driver, compilation) = FirstRun(new InMemoryAdditionalText("/g/a.l", Rules));
        driver = driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/g/types.idl", "namespace(\"libxl_\")\n")));
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        Assert.All(Reasons(driver, TrackingNames.LexAutomaton), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(driver, TrackingNames.LexEmit), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void EditingOneRuleFile_LeavesTheOtherCached()
    {
        var first = new InMemoryAdditionalText("/g/a.l", Rules);
        var second = new InMemoryAdditionalText("/g/b.l", Rules.Replace("return 3", "return 4"));
        var (driver, compilation) = FirstRun(first, second);
        driver = driver.ReplaceAdditionalText(second, new InMemoryAdditionalText("/g/b.l", Rules.Replace("return 3", "return 5")));
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        IncrementalStepRunReason[] automaton = Reasons(driver, TrackingNames.LexAutomaton);
        Assert.Contains(IncrementalStepRunReason.Cached, automaton);
        Assert.Contains(IncrementalStepRunReason.Modified, automaton);
    }

    [Fact]
    public void StepOutputs_HoldNoCompilerObjects()
    {
        var (driver, _) = FirstRun(new InMemoryAdditionalText("/g/a.l", Rules), new InMemoryAdditionalText("/g/bad.l", "%%\na(b return 1;\n"));
        PipelineOutputs.AssertHoldNoCompilerObjects(
            driver.GetRunResult().Results.Single(),
            TrackingNames.PathMap, TrackingNames.LexInput, TrackingNames.LexParse, TrackingNames.LexAutomaton, TrackingNames.LexEmit);
    }
}
