using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Colo.Gen.Cli;
using Xunit;

namespace Colo.Gen.Tests.Readme;

/// <summary>
/// The README's COLO walk-through, taken from the README text: its <c>SPEC='...'</c>, and each block that
/// starts with a <c>$ colo-disk ...</c> command, which must print exactly the lines shown under it, with
/// status 0 and nothing on standard error. Both hosts' commands are there: the secondary's and the primary's.
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
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EachCommandOfTheWalkThrough_PrintsWhatTheReadmeShows(string block)
    {
        string[] lines = block.Split('\n', 2);
        string[] args = lines[0]["$ colo-disk ".Length..].Split(' ').Select(a => a == "\"$SPEC\"" ? Spec() : a).ToArray();
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };

        int status = Program.Run(args, new MemoryStream(), stdout, stderr);

        Assert.Equal(0, status);
        Assert.Equal("", stderr.ToString());
        Assert.Equal(lines[1], stdout.ToString());
    }
}
