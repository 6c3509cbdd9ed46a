using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Building;

/// <summary>
/// The same commit, checked out in two folders and built as CI builds it (a git checkout,
/// <c>ContinuousIntegrationBuild=true</c>, so the SDK maps the repository root to <c>/_/</c>),
/// generates the same files, byte for byte and under the same names, and the same assembly and
/// PDB: nothing the generators write depends on where the checkout sits.
/// </summary>
[Collection(nameof(SdkBuilds))]
public sealed class DeterministicBuildTests
{
    private static readonly Dictionary<string, string> SameCommitEverywhere = new()
    {
        ["GIT_AUTHOR_NAME"] = "colo-gen test",
        ["GIT_AUTHOR_EMAIL"] = "test@example.invalid",
        ["GIT_COMMITTER_NAME"] = "colo-gen test",
        ["GIT_COMMITTER_EMAIL"] = "test@example.invalid",
        ["GIT_AUTHOR_DATE"] = "2026-01-01T00:00:00Z",
        ["GIT_COMMITTER_DATE"] = "2026-01-01T00:00:00Z",
    };

    [Fact]
    public async Task TheSameCommit_BuiltInTwoFolders_GeneratesTheSameFiles_AndTheSameAssembly()
    {
        string git = RequiredTool.NeedExecutable("git", "git");
        using RepositoryCopy here = RepositoryCopy.Create();
        using RepositoryCopy there = RepositoryCopy.Create(Path.Combine("a checkout", "that sits deeper"));
        foreach (RepositoryCopy copy in new[] { here, there })
        {
            foreach (string[] command in new[] { new[] { "init", "-q" }, ["add", "-A"], ["commit", "-q", "-m", "the commit"] })
            {
                ProcessOutcome step = await DotnetCli.RunProgramAsync(git, copy.Root, TimeSpan.FromMinutes(1), null, SameCommitEverywhere, command);
                Assert.True(step.ExitCode == 0, step.Transcript);
            }

            ProcessOutcome build = await DotnetCli.RunAsync(copy.Root, TimeSpan.FromMinutes(8), "build", "runtime", "-c", "Release", "-nologo", "-p:ContinuousIntegrationBuild=true");
            Assert.True(build.ExitCode == 0, build.Transcript);
        }

        string generated = Path.Combine("runtime", "obj", "Release", "net10.0", "generated", "Colo.Gen.Generator");
        Dictionary<string, byte[]> ours = Files(here.PathOf(generated));
        Dictionary<string, byte[]> theirs = Files(there.PathOf(generated));
        Assert.Equal(ours.Keys.Order(StringComparer.Ordinal), theirs.Keys.Order(StringComparer.Ordinal));
        Assert.All(ours, file => Assert.True(file.Value.AsSpan().SequenceEqual(theirs[file.Key]), file.Key + " differs"));
        string scanner = System.Text.Encoding.UTF8.GetString(Assert.Single(ours, f => Path.GetFileName(f.Key).StartsWith("disk.l.", StringComparison.Ordinal)).Value);
        Assert.Contains("#line 25 \"/_/grammar/disk.l\"", scanner, StringComparison.Ordinal);

        foreach (string output in new[] { "Colo.Gen.dll", "Colo.Gen.pdb" })
        {
            string path = Path.Combine("runtime", "bin", "Release", "net10.0", output);
            Assert.True(File.ReadAllBytes(here.PathOf(path)).AsSpan().SequenceEqual(File.ReadAllBytes(there.PathOf(path))), output + " differs");
        }
    }

    private static Dictionary<string, byte[]> Files(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllBytes);
}
