using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Colo.Gen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares what a generator emits for one grammar file with checked-in snapshots under
/// Snapshots/, then has Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing check the same
/// sources and that they compile (references from Basic.Reference.Assemblies, so nothing is
/// downloaded). A snapshot is named by its source's hint name without the path hash:
/// <c>calc.l.1b3c5d7f.g.cs</c> → <c>calc.l.g.cs</c>.
/// A snapshot is never rewritten by a test. With COLO_GEN_UPDATE_SNAPSHOTS=1, a source that
/// differs from its snapshot is written beside it as <c>NAME.received.cs</c> for review, and the
/// test still fails; accept it by moving the received file over the snapshot. CI refuses to run
/// with the variable set (.ci/run).
/// </summary>
public static partial class SnapshotVerifier
{
    /// <summary>The variable that makes a failing snapshot test write what it received.</summary>
    public const string UpdateVariable = "COLO_GEN_UPDATE_SNAPSHOTS";

    /// <summary>Whether failing snapshot tests write <c>.received.cs</c> files in this run.</summary>
    public static bool WritesReceived => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The checked-in snapshots.</summary>
    public static string SnapshotDirectory => GeneratorHarness.RepositoryFile("tests", "Colo.Gen.Generator.Tests", "Snapshots");

    /// <summary>
    /// Verifies every source <typeparamref name="TGenerator"/> makes of the file: their snapshot
    /// names must be <paramref name="snapshotNames"/>, and each must equal its snapshot.
    /// </summary>
    public static Task VerifyAsync<TGenerator>(string path, string text, string[] snapshotNames, string rootNamespace = "Colo.Gen")
        where TGenerator : IIncrementalGenerator, new() =>
        VerifyAsync<TGenerator>(path, text, snapshotNames, rootNamespace, SnapshotDirectory, WritesReceived);

    /// <summary>As <see cref="VerifyAsync{TGenerator}(string, string, string[], string)"/>, with the folder and the mode given (for the verifier's own tests).</summary>
    public static async Task VerifyAsync<TGenerator>(string path, string text, string[] snapshotNames, string rootNamespace, string snapshotDirectory, bool writeReceived)
        where TGenerator : IIncrementalGenerator, new()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new TGenerator(), new[] { new InMemoryAdditionalText(path, text) }, rootNamespace: rootNamespace)
            .RunGenerators(GeneratorHarness.EmptyCompilation(), TestContext.Current.CancellationToken);
        GeneratedSourceResult[] generated = driver.GetRunResult().Results.Single().GeneratedSources
            .OrderBy(s => s.HintName, StringComparer.Ordinal).ToArray();
        Assert.Equal(snapshotNames.Order(StringComparer.Ordinal), generated.Select(s => SnapshotName(s.HintName)));

        var differences = new List<string>();
        foreach (GeneratedSourceResult source in generated)
        {
            string snapshot = Path.Combine(snapshotDirectory, SnapshotName(source.HintName));
            string received = ReceivedPath(snapshot);
            string actual = source.SourceText.ToString();
            string? expected = File.Exists(snapshot) ? File.ReadAllText(snapshot) : null;
            if (expected == actual)
            {
                if (writeReceived && File.Exists(received))
                {
                    File.Delete(received);
                }

                continue;
            }

            differences.Add(Path.GetFileName(snapshot) + ": " + (expected is null ? "no snapshot" : FirstDifference(expected, actual)));
            if (writeReceived)
            {
                File.WriteAllText(received, actual);
            }
        }

        if (differences.Count > 0)
        {
            Assert.Fail("The generated sources differ from their snapshots in " + snapshotDirectory + ":\n  " + string.Join("\n  ", differences) + "\n"
                + (writeReceived
                    ? "Each was written as NAME.received.cs beside its snapshot: review it, and move it over the snapshot to accept it."
                    : "Run with " + UpdateVariable + "=1 to have them written as NAME.received.cs for review."));
        }

        var test = new CSharpSourceGeneratorTest<TGenerator, DefaultVerifier>
        {
            // No reference package to download: the references come from Basic.Reference.Assemblies.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.AdditionalFiles.Add((path, text));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RootNamespace = " + rootNamespace + "\n"));
        foreach (GeneratedSourceResult source in generated)
        {
            string snapshot = Path.Combine(snapshotDirectory, SnapshotName(source.HintName));
            test.TestState.GeneratedSources.Add((typeof(TGenerator), source.HintName, SourceText.From(File.ReadAllText(snapshot), Encoding.UTF8)));
        }

        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The snapshot file of a hint name: the path hash that keeps same-named files apart is dropped.</summary>
    public static string SnapshotName(string hintName) => PathHash().Replace(hintName, ".g.cs");

    /// <summary>Where a differing source is written for review: <c>calc.l.g.cs</c> → <c>calc.l.g.received.cs</c>.</summary>
    public static string ReceivedPath(string snapshotPath) => Path.ChangeExtension(snapshotPath, null) + ".received.cs";

    private static string FirstDifference(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        int line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }

        string Shown(string[] lines) => line < lines.Length ? "'" + lines[line].Trim() + "'" : "(end of file)";
        return "line " + (line + 1) + ": snapshot " + Shown(a) + ", generated " + Shown(b);
    }

    [GeneratedRegex(@"\.[0-9a-f]{8}\.g\.cs$")]
    private static partial Regex PathHash();
}
