using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Colo.Gen.Generator.Tests.Infrastructure;

/// <summary>
/// The snapshot check itself: a stale snapshot fails the test in either mode; the update mode
/// writes what was generated beside it for review and never touches the snapshot.
/// </summary>
public sealed class SnapshotVerifierTests : IDisposable
{
    private const string RulePath = "/grammars/calc.l";

    private readonly DirectoryInfo _snapshots = Directory.CreateTempSubdirectory("colo-gen-snapshots-");

    private static string Rules => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Grammars", "calc.l"));

    private static string CheckedIn => File.ReadAllText(Path.Combine(SnapshotVerifier.SnapshotDirectory, "calc.l.g.cs"));

    private string Snapshot => Path.Combine(_snapshots.FullName, "calc.l.g.cs");

    private string Received => Path.Combine(_snapshots.FullName, "calc.l.g.received.cs");

    public void Dispose() => _snapshots.Delete(recursive: true);

    private Task Verify(bool writeReceived) =>
        SnapshotVerifier.VerifyAsync<ScannerGenerator>(RulePath, Rules, ["calc.l.g.cs"], "Colo.Gen", _snapshots.FullName, writeReceived);

    [Fact]
    public async Task UpdateMode_WithAStaleSnapshot_WritesTheReceivedSourceAndStillFails()
    {
        File.WriteAllText(Snapshot, "// stale\n");

        Exception failure = await Assert.ThrowsAnyAsync<Exception>(() => Verify(writeReceived: true));

        Assert.Contains("calc.l.g.cs: line 1", failure.Message, StringComparison.Ordinal);
        Assert.Equal("// stale\n", File.ReadAllText(Snapshot));
        Assert.Equal(CheckedIn, File.ReadAllText(Received));
    }

    [Fact]
    public async Task NormalMode_WithAStaleSnapshot_FailsAndWritesNothing()
    {
        File.WriteAllText(Snapshot, "// stale\n");

        Exception failure = await Assert.ThrowsAnyAsync<Exception>(() => Verify(writeReceived: false));

        Assert.Contains(SnapshotVerifier.UpdateVariable, failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Received));
        Assert.Equal("// stale\n", File.ReadAllText(Snapshot));
    }

    [Fact]
    public async Task UpdateMode_WithAMatchingSnapshot_PassesAndRemovesAnOldReceivedFile()
    {
        File.WriteAllText(Snapshot, CheckedIn);
        File.WriteAllText(Received, "// left from an earlier run\n");

        await Verify(writeReceived: true);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public async Task AMissingSnapshot_Fails()
    {
        Exception failure = await Assert.ThrowsAnyAsync<Exception>(() => Verify(writeReceived: false));

        Assert.Contains("calc.l.g.cs: no snapshot", failure.Message, StringComparison.Ordinal);
    }
}
