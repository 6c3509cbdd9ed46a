using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Ci;

/// <summary>
/// .ci/run, run from a copy whose PATH has stand-ins for the programs it calls (dotnet, dpkg,
/// apt-get, sudo), each recording that it was called: what the script does, without a real
/// install or test run.
/// </summary>
public sealed class CiScriptTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("colo-gen-ci-");

    public CiScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, ".ci"));
        File.Copy(Path.Combine(RepositoryCopy.SourceRoot, ".ci", "run"), Path.Combine(_root.FullName, ".ci", "run"));
        string bin = Directory.CreateDirectory(Path.Combine(_root.FullName, "stand-ins")).FullName;
        foreach (string program in new[] { "dotnet", "dpkg", "apt-get", "sudo" })
        {
            string path = Path.Combine(bin, program);
            // dotnet's stand-in answers `dotnet format` with $FORMAT_STATUS (0 unless a test sets it),
            // and notes whether it ran as a CI build.
            string answer = program == "dotnet" ? "echo \"CI=$CI\" >> \"" + CallLog + "\"\n[ \"$1\" = format ] && exit ${FORMAT_STATUS:-0}\n" : "";
            File.WriteAllText(path, "#!/bin/sh\necho \"" + program + " $*\" >> \"" + CallLog + "\"\n" + answer + "exit 0\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    private string CallLog => Path.Combine(_root.FullName, "calls.log");

    private string Calls => File.Exists(CallLog) ? File.ReadAllText(CallLog) : "";

    public void Dispose() => _root.Delete(recursive: true);

    private async Task<ProcessOutcome> RunCi(string? updateSnapshots, string formatStatus = "0")
    {
        string bash = RequiredTool.NeedExecutable("bash", "bash");
        var start = new ProcessStartInfo(bash) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(_root.FullName, ".ci", "run"));
        start.Environment["PATH"] = Path.Combine(_root.FullName, "stand-ins") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment.Remove("COLO_GEN_UPDATE_SNAPSHOTS");
        start.Environment["FORMAT_STATUS"] = formatStatus;
        if (updateSnapshots is not null)
        {
            start.Environment["COLO_GEN_UPDATE_SNAPSHOTS"] = updateSnapshots;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new ProcessOutcome(process.ExitCode, await stdout, await stderr);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    public async Task WithTheSnapshotUpdateVariableSet_CiFailsBeforeRunningAnything(string value)
    {
        ProcessOutcome ci = await RunCi(value);

        Assert.NotEqual(0, ci.ExitCode);
        Assert.Contains("COLO_GEN_UPDATE_SNAPSHOTS", ci.StandardError, StringComparison.Ordinal);
        Assert.Equal("", Calls);
    }

    [Fact]
    public async Task WithoutIt_CiRunsTheTests()
    {
        ProcessOutcome ci = await RunCi(null);

        Assert.True(ci.ExitCode == 0, ci.Transcript);
        Assert.Contains("dotnet test Colo.Gen.sln", Calls, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ci_RunsTheReadmesTestCommand_AndChecksFormatting()
    {
        ProcessOutcome ci = await RunCi(null);

        Assert.True(ci.ExitCode == 0, ci.Transcript);
        Assert.Contains(ReadmeTestCommand() + " ", Calls, StringComparison.Ordinal);
        // Formatting is checked after a build: on a clean clone the generated types exist only then.
        int build = Calls.IndexOf("dotnet build Colo.Gen.sln", StringComparison.Ordinal);
        int format = Calls.IndexOf("dotnet format Colo.Gen.sln --verify-no-changes", StringComparison.Ordinal);
        Assert.True(build >= 0 && format > build, Calls);

        // Every build is a ContinuousIntegrationBuild (deterministic /_/ paths), whatever the host sets.
        Assert.DoesNotContain("CI=\n", Calls, StringComparison.Ordinal);
        Assert.Contains("CI=true\n", Calls, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormattingFinding_FailsCi_AfterTheTestsHaveRun()
    {
        ProcessOutcome ci = await RunCi(null, formatStatus: "2");

        Assert.NotEqual(0, ci.ExitCode);
        Assert.Contains("dotnet format", ci.StandardError, StringComparison.Ordinal);
        Assert.Contains("dotnet test Colo.Gen.sln", Calls, StringComparison.Ordinal);
    }

    /// <summary>The command in the README's "Test it" section, the one a newcomer types.</summary>
    private static string ReadmeTestCommand()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryCopy.SourceRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int section = readme.IndexOf("\n## Test it\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README has no '## Test it' section");
        int fence = readme.IndexOf("```\n", section, StringComparison.Ordinal) + 4;
        string command = readme[fence..readme.IndexOf('\n', fence)];
        Assert.StartsWith("dotnet test", command, StringComparison.Ordinal);
        return command;
    }
}
