using System.Collections.Immutable;
using System.Linq;
using Colo.Gen.Generator.Tests.Infrastructure;
using Colo.Gen.Generator.Tests.Scanner;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Colo.Gen.Generator.Tests;

/// <summary>
/// Both generators in one driver, as in a build of grammar/: an .idl edit does not rebuild the
/// DFA, and a .l edit does not re-emit the types.
/// </summary>
public class CrossGeneratorIncrementalityTests
{
    private const string Rules = "%%\n[a-z]+/\":\" return 1;\n. return 2;\n";
    private const string Types = "namespace(\"t_\")\nt_e = Enumeration(\"e\", [(0, \"A\")])\n";

    private static GeneratorDriver Run(GeneratorDriver driver) =>
        driver.RunGenerators(GeneratorHarness.EmptyCompilation(), TestContext.Current.CancellationToken);

    private static GeneratorDriver FirstRun(AdditionalText rules, AdditionalText types) =>
        Run(CSharpGeneratorDriver.Create(
            new[] { new ScannerGenerator().AsSourceGenerator(), new IdlTypesGenerator().AsSourceGenerator() },
            new[] { rules, types },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true)));

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.SelectMany(r => r.TrackedSteps.TryGetValue(step, out var steps) ? steps : ImmutableArray<IncrementalGeneratorRunStep>.Empty)
            .SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void EditingTheIdl_DoesNotRebuildTheDfa()
    {
        var rules = new InMemoryAdditionalText("/g/disk.l", Rules);
        var types = new InMemoryAdditionalText("/g/types.idl", Types);
        GeneratorDriver driver = FirstRun(rules, types);
        driver = Run(driver.ReplaceAdditionalText(types, new InMemoryAdditionalText("/g/types.idl", Types.Replace("\"A\")", "\"A\"), (1, \"B\")"))));

        Assert.NotEmpty(Reasons(driver, TrackingNames.LexAutomaton));
        Assert.All(Reasons(driver, TrackingNames.LexAutomaton), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.IdlSource));
    }

    [Fact]
    public void EditingTheRuleFile_DoesNotReemitTheTypes()
    {
        var rules = new InMemoryAdditionalText("/g/disk.l", Rules);
        var types = new InMemoryAdditionalText("/g/types.idl", Types);
        GeneratorDriver driver = FirstRun(rules, types);
        driver = Run(driver.ReplaceAdditionalText(rules, new InMemoryAdditionalText("/g/disk.l", Rules.Replace("return 2", "return 3"))));

        Assert.NotEmpty(Reasons(driver, TrackingNames.IdlSource));
        Assert.All(Reasons(driver, TrackingNames.IdlModel), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(driver, TrackingNames.IdlSource), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.LexParse));
    }
}
