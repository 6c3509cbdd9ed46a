using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Colo.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Colo.Gen.Generator.Tests;

/// <summary>
/// The generated source of grammar/libxl_types.idl, compared with Snapshots/ through
/// Microsoft.CodeAnalysis.Testing. References come from Basic.Reference.Assemblies, so
/// nothing is downloaded. Set COLO_GEN_UPDATE_SNAPSHOTS=1 to rewrite the snapshot files.
/// </summary>
public class GeneratorSnapshotTests
{
    [Fact]
    public async Task ProjectIdl_GeneratesTheSnapshot()
    {
        string idlPath = IdlGeneratorHarness.RepositoryFile("grammar", "libxl_types.idl");
        await VerifyAsync(idlPath, "libxl_types.idl.g.cs", "libxl_types.idl.g.cs");
    }

    [Fact]
    public async Task SmallIdl_WithKeyedUnionAndArray_GeneratesTheSnapshot()
    {
        string idlPath = Path.Combine(AppContext.BaseDirectory, "TestData", "small.idl");
        await VerifyAsync(idlPath, "small.idl.g.cs", "small.idl.g.cs");
    }

    private static async Task VerifyAsync(string idlPath, string hintName, string snapshotName)
    {
        string idl = File.ReadAllText(idlPath);
        string snapshotPath = IdlGeneratorHarness.RepositoryFile("tests", "Colo.Gen.Generator.Tests", "Snapshots", snapshotName);
        string actual = Generate(idl, Path.GetFileName(idlPath));
        if (Environment.GetEnvironmentVariable("COLO_GEN_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(snapshotPath, actual);
        }

        var test = new CSharpSourceGeneratorTest<IdlTypesGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.AdditionalFiles.Add(("/project/" + Path.GetFileName(idlPath), idl));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = Colo.Gen\n"));
        test.TestState.GeneratedSources.Add((typeof(IdlTypesGenerator), hintName, SourceText.From(File.ReadAllText(snapshotPath), Encoding.UTF8)));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static string Generate(string idl, string fileName)
    {
        var (run, _, _) = IdlGeneratorHarness.Run("/project/" + fileName, idl, ns: "Colo.Gen");
        return run.GeneratedTrees.Length == 0 ? "" : run.GeneratedTrees[0].GetText(CancellationToken.None).ToString();
    }
}
