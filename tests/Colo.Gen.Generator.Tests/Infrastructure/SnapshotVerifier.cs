using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Colo.Gen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares what a generator emits for one grammar file with a checked-in snapshot under
/// Snapshots/, through Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing (references from
/// Basic.Reference.Assemblies, so nothing is downloaded). COLO_GEN_UPDATE_SNAPSHOTS=1 first
/// rewrites the snapshot in the source tree; review its diff before committing.
/// </summary>
public static class SnapshotVerifier
{
    /// <summary>Verifies the single source <typeparamref name="TGenerator"/> makes of the file against Snapshots/<paramref name="snapshotName"/>.</summary>
    public static async Task VerifyAsync<TGenerator>(string path, string text, string snapshotName, string rootNamespace = "Colo.Gen")
        where TGenerator : IIncrementalGenerator, new()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new TGenerator(), new[] { new InMemoryAdditionalText(path, text) }, rootNamespace: rootNamespace)
            .RunGenerators(GeneratorHarness.EmptyCompilation(), TestContext.Current.CancellationToken);
        GeneratedSourceResult generated = Assert.Single(driver.GetRunResult().Results.Single().GeneratedSources);

        string snapshotPath = GeneratorHarness.RepositoryFile("tests", "Colo.Gen.Generator.Tests", "Snapshots", snapshotName);
        if (Environment.GetEnvironmentVariable("COLO_GEN_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(snapshotPath, generated.SourceText.ToString());
        }

        var test = new CSharpSourceGeneratorTest<TGenerator, DefaultVerifier>
        {
            // No reference package to download: the references come from Basic.Reference.Assemblies.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.AdditionalFiles.Add((path, text));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = " + rootNamespace + "\n"));
        test.TestState.GeneratedSources.Add((typeof(TGenerator), generated.HintName, SourceText.From(File.ReadAllText(snapshotPath), Encoding.UTF8)));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }
}
