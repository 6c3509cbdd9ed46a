using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Publishing;

/// <summary>
/// colo-disk published as Native AOT, as the README says to publish it (<c>dotnet publish cli -r linux-x64
/// -p:PublishAot=true</c>, in a copy of the repository): no trimming or AOT warning, a native program with
/// no .NET assembly beside it, and the same bytes and exit statuses as the framework-dependent tool.
/// One test, since the publish takes a minute or two.
/// </summary>
[Collection(nameof(SdkBuilds))]
public sealed class NativeAotPublishTests
{
    private const string Spec = "format=raw,vdev=hda,access=rw,target=/dev/vg/guest";

    private static (int Status, string Out, string Error) InProcess(string[] args, byte[]? stdin = null) => ColoDisk.Run(args, stdin ?? []);

    private static string ExitStatusSection()
    {
        string help = InProcess(["--help"]).Out;
        return help[help.IndexOf("Exit status:", StringComparison.Ordinal)..];
    }

    [Fact]
    public async Task ThePublishedNativeProgram_BehavesAsTheFrameworkDependentTool()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64, "the publish targets linux-x64");
        RequiredTool.NeedExecutable("clang", "clang");
        RequiredTool.NeedFile("/usr/include/zlib.h", "zlib1g-dev");
        using RepositoryCopy copy = RepositoryCopy.Create();
        string output = copy.PathOf("native");

        ProcessOutcome publish = await DotnetCli.RunAsync(
            copy.Root, TimeSpan.FromMinutes(9), "publish", "cli", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output, "-nologo");

        Assert.True(publish.ExitCode == 0, publish.Transcript);
        Assert.DoesNotContain("warning", publish.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(output, "colo-disk.dll")), "a Native AOT publish leaves no managed colo-disk.dll");
        string program = Path.Combine(output, "colo-disk");
        byte[] header = new byte[4];
        using (FileStream file = File.OpenRead(program))
        {
            file.ReadExactly(header);
        }

        Assert.Equal("\u007fELF", Encoding.ASCII.GetString(header));

        foreach ((string[] args, byte[]? stdin) in new (string[], byte[]?)[]
        {
            (["parse", Spec], null),
            (["parse", "target=/x"], null),
            (["parse", "--frob"], null),
            (["parse", "--jsonl"], Encoding.UTF8.GetBytes("vdev=hda,target=/a\nx=y\n")),
        })
        {
            ProcessOutcome native = await DotnetCli.RunProgramAsync(program, output, TimeSpan.FromMinutes(1), stdin, args);
            (int status, string stdout, string stderr) = InProcess(args, stdin);
            string what = string.Join(' ', args);
            Assert.True(status == native.ExitCode, $"{what}: exit {native.ExitCode}, in process {status}\n{native.Transcript}");
            Assert.Equal(stdout, native.StandardOutput);
            Assert.Equal(stderr, native.StandardError);
        }

        // Help names the program as it was started, so it is compared in its parts.
        ProcessOutcome help = await DotnetCli.RunProgramAsync(program, output, TimeSpan.FromMinutes(1), null, "qemu-args", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:\n  colo-disk qemu-args ", help.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith(ExitStatusSection(), help.StandardOutput, StringComparison.Ordinal);
    }
}
