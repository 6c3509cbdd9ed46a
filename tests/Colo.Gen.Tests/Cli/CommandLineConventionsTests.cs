using System;
using System.IO;
using Colo.Gen.Cli;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Cli;

/// <summary>
/// The conventions every command follows (README "Exit status"): unknown options are errors, <c>--</c>
/// ends the options, a word is never read as a response file, usage errors exit 2 and rejected disks
/// exit 1, errors go to standard error and data to standard output, and <c>--help</c> lists the statuses.
/// </summary>
public sealed class CommandLineConventionsTests
{
    private const string Prefix = "command line: config parsing error in disk specification: ";

    private static (int Status, string Out, string Error) Run(params string[] args) => ColoDisk.Run(args);

    [Theory]
    [InlineData("parse", "--frob")]
    [InlineData("parse", "--frob", "vdev=hda,target=/x")]
    [InlineData("parse", "vdev=hda,target=/x", "-x")]
    [InlineData("qemu-args", "--frob", "vdev=hda,target=/x")]
    [InlineData("qemu-args", "vdev=hda,target=/x", "--no-such-option")]
    public void AnUnknownOption_IsAUsageErrorNamingIt_NotADiskSpec(params string[] args)
    {
        string unknown = Array.Find(args, a => a.StartsWith('-'))!;

        (int status, string output, string error) = Run(args);

        Assert.Equal(2, status);
        Assert.Equal("", output);
        Assert.Contains($"Unknown option '{unknown}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("config parsing error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DoubleDash_EndsTheOptions_SoASpecBeginningWithADashIsParsed()
    {
        (int status, string output, string error) = Run("parse", "--", "-weird.img,raw,xvda,rw");

        Assert.Equal(0, status);
        Assert.Equal("", error);
        Assert.Contains("\"pdev_path\": \"-weird.img\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterDoubleDash_AWordThatLooksLikeAnOption_IsASpecForLibxlutilToJudge()
    {
        (int status, string output, string error) = Run("parse", "--", "--frob");

        Assert.Equal(1, status);
        Assert.Equal("", output);
        Assert.Equal(Prefix + "no vdev specified in `--frob'\n", error);
    }

    [Fact]
    public void ALoneDash_IsASpec_NotAnOption()
    {
        (int status, _, string error) = Run("parse", "-");

        Assert.Equal(1, status);
        Assert.Equal(Prefix + "no vdev specified in `-'\n", error);
    }

    [Fact]
    public void ANegativeOptionValue_BelongsToItsOption()
    {
        (int status, string output, string error) = Run("parse", "--count", "--rounds", "-1");

        Assert.Equal(2, status);
        Assert.Equal("", output);
        Assert.Equal("colo-disk parse: --rounds must be at least 1\n", error);
    }

    [Fact]
    public void AWordBeginningWithAt_IsASpec_NeverAResponseFileReadInItsPlace()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "vdev=hda,target=/from-the-file");

            (int status, string output, string error) = Run("parse", "@" + file);

            Assert.Equal(1, status);
            Assert.Equal("", output);
            Assert.Equal(Prefix + $"no vdev specified in `@{file}'\n", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("frob")]
    [InlineData("parse")]
    [InlineData("parse", "--rounds")]
    [InlineData("parse", "--count", "--rounds", "many")]
    [InlineData("parse", "--count", "--rounds", "0")]
    [InlineData("parse", "--jsonl", "--count")]
    [InlineData("parse", "--jsonl", "vdev=hda,target=/x")]
    [InlineData("qemu-args")]
    [InlineData("qemu-args", "--dialect", "xen", "vdev=hda,target=/x")]
    [InlineData("qemu-args", "--dialect")]
    public void EveryUsageError_ExitsWith2_AndSaysWhyOnStandardError(params string[] args)
    {
        (int status, string output, string error) = Run(args);

        Assert.Equal(2, status);
        Assert.Equal("", output);
        Assert.StartsWith("colo-disk", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parse", "vdev=hda,format=nope,target=/x")]
    [InlineData("parse", "target=/x")]
    [InlineData("qemu-args", "vdev=hda,format=nope,target=/x")]
    public void ARejectedDisk_ExitsWith1_WithLibxlutilsLineOnStandardErrorAndNothingOnStandardOutput(params string[] args)
    {
        (int status, string output, string error) = Run(args);

        Assert.Equal(1, status);
        Assert.Equal("", output);
        Assert.StartsWith(Prefix, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADiskThatParses_ExitsWith0_WithTheDataOnStandardOutputAndNothingOnStandardError()
    {
        (int status, string output, string error) = Run("parse", "vdev=hda,target=/x");

        Assert.Equal(0, status);
        Assert.Equal("", error);
        Assert.StartsWith("disk: {", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("parse", "--help")]
    [InlineData("qemu-args", "-h")]
    [InlineData("parse", "--frob", "--help")]
    public void Help_ListsTheExitStatuses_OnStandardOutput_AndExitsWith0(params string[] args)
    {
        (int status, string output, string error) = Run(args);

        Assert.Equal(0, status);
        Assert.Equal("", error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.EndsWith(
            "Exit status:\n"
            + "  0  success: the data is on standard output\n"
            + "  1  a disk or configuration was rejected: libxlutil's or libxl's messages are on standard error\n"
            + "  2  usage error: an unknown option or command, a missing or bad value\n",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TheHelpOfACommandWithSpecs_SaysThatDoubleDashEndsTheOptions()
    {
        Assert.Contains("'--'", Run("parse", "--help").Out, StringComparison.Ordinal);
        Assert.Contains("'--'", Run("qemu-args", "--help").Out, StringComparison.Ordinal);
    }
}
