using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Colo.Gen.Cli;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Readme;

/// <summary>
/// The README's COLO walk-through, taken from the README text: its <c>SPEC='...'</c>, and each block that
/// starts with a <c>$ colo-disk ...</c> command, which must print exactly the lines shown under it
/// (standard output, then standard error) and exit with status 0, or with the status of a last line
/// <c>(exit status N)</c>. Both hosts' commands are there, and a COLO disk refused option by option.
/// </summary>
public sealed class ColoWalkThroughTests
{
    private const string Heading = "COLO: a walk-through with two hosts";

    private static string Spec()
    {
        string line = ReadmeText.CodeBlocks(ReadmeText.Section(Heading)).Select(b => b.Text).Single(t => t.StartsWith("SPEC='", StringComparison.Ordinal));
        return line["SPEC='".Length..line.LastIndexOf('\'')];
    }

    public static TheoryData<string> Commands() =>
        new(ReadmeText.CodeBlocks(ReadmeText.Section(Heading)).Select(b => b.Text).Where(t => t.StartsWith("$ colo-disk ", StringComparison.Ordinal)));

    [Fact]
    public void TheWalkThrough_ShowsTheCommandsOfBothHosts()
    {
        List<string> commands = Commands().Select(row => row.Data.Split('\n')[0]).ToList();
        Assert.Contains("$ colo-disk qemu-args --colo-restore \"$SPEC\"", commands);
        Assert.Contains("$ colo-disk qemu-args \"$SPEC\"", commands);
        Assert.Contains("colo", Spec().Split(','));
        Assert.Contains(commands, c => c.Contains("colo-port=99999", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EachCommandOfTheWalkThrough_PrintsWhatTheReadmeShows(string block)
    {
        string[] lines = block.Split('\n', 2);
        string[] args = lines[0]["$ colo-disk ".Length..].Split(' ').Select(a => a == "\"$SPEC\"" ? Spec() : a).ToArray();
        string shown = lines[1];
        int expectedStatus = 0;
        Match exit = Regex.Match(shown, "\\(exit status ([0-9])\\)\n$");
        if (exit.Success)
        {
            expectedStatus = int.Parse(exit.Groups[1].Value, CultureInfo.InvariantCulture);
            shown = shown[..exit.Index];
        }

        (int status, string stdout, string stderr) = ColoDisk.Run(args);

        Assert.Equal(expectedStatus, status);
        Assert.Equal(shown, stdout + stderr);
        if (expectedStatus == 0)
        {
            Assert.Equal("", stderr.ToString());
        }
        else
        {
            Assert.Equal("", stdout.ToString());
        }
    }
}
