using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Xunit;

namespace Colo.Gen.Tests.Parsing;

/// <summary>
/// The parser's fast paths give the same disk as the general ones: every way of passing the
/// specs, ASCII and non-ASCII input, short values and values too long for the stack buffer.
/// </summary>
public sealed class DiskSpecParserInputTests
{
    private static readonly string[] Specs = ["format=qcow2", "vdev=xvda,access=ro", "target=/dev/vg/guest"];

    [Fact]
    public void EveryCollectionShape_GivesTheSameDisk()
    {
        DiskParseResult fromArray = DiskSpecParser.Parse(Specs);
        DiskParseResult[] others =
        [
            DiskSpecParser.Parse(new List<string>(Specs)),
            DiskSpecParser.Parse(new ReadOnlyCollection<string>(Specs)),
            DiskSpecParser.Parse(new ReadOnlySpan<string>(Specs)),
            DiskSpecParser.Parse((IReadOnlyList<string>)Specs),
        ];

        Assert.True(fromArray.Succeeded);
        Assert.Equal("/dev/vg/guest", fromArray.Disk.PdevPath);
        Assert.Equal(DiskFormat.Qcow2, fromArray.Disk.Format);
        Assert.False(fromArray.Disk.Readwrite);
        foreach (DiskParseResult other in others)
        {
            Assert.True(other.Succeeded);
            Assert.Equal(fromArray.Disk, other.Disk);
        }
    }

    [Fact]
    public void AnErrorInAnyShape_IsTheSameLine()
    {
        string[] specs = ["vdev=hda", "format=nope", "target=/x"];
        string expected = "command line: config parsing error in disk specification: unknown value for format: near `nope' in `format=nope'";

        Assert.Equal([expected], DiskSpecParser.Parse(specs).Errors);
        Assert.Equal([expected], DiskSpecParser.Parse(new ReadOnlyCollection<string>(specs)).Errors);
        Assert.False(DiskSpecParser.Parse(new List<string>(specs)).Succeeded);
    }

    [Theory]
    [InlineData("/srv/é/ü日本.img")] // UTF-8 through the scanner and back
    [InlineData("/srv/😀.img")] // a surrogate pair
    [InlineData("/srv/\u007f\u0001.img")] // ASCII control bytes
    public void NonAsciiTargets_RoundTrip(string target)
    {
        DiskParseResult result = DiskSpecParser.Parse($"vdev=xvda,target={target}");

        Assert.True(result.Succeeded);
        Assert.Equal(target, result.Disk.PdevPath);
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(100_000)]
    public void LongValues_AreKeptWhole(int length)
    {
        string target = "/" + new string('a', length - 1);
        string vdev = "xvd" + new string('b', length);

        DiskParseResult result = DiskSpecParser.Parse($"vdev={vdev},target={target}");

        Assert.True(result.Succeeded);
        Assert.Equal(target, result.Disk.PdevPath);
        Assert.Equal(vdev, result.Disk.Vdev);
    }

    // Attribute strings are stored as UTF-8, which has no lone surrogate: the specs are built here.
    [Theory]
    [InlineData("vdev=xvda,target=/a", 0xD800, "b")] // a high surrogate with no low one after it
    [InlineData("vdev=xvda,target=/a", 0xDC00, "")] // a low surrogate with no high one before it
    [InlineData("vdev=xvda,target=/😀", 0xD83D, "")] // a whole pair, then half of one
    public void ALoneSurrogate_IsAnErrorAtItsPlace_NotAReplacementCharacter(string before, int surrogate, string after)
    {
        string spec = before + (char)surrogate + after;
        int at = before.Length;

        DiskParseResult result = DiskSpecParser.Parse(spec);

        Assert.False(result.Succeeded);
        Assert.Null(result.Disk!.PdevPath);
        DiskSpecError error = Assert.Single(result.ErrorDetails);
        Assert.Equal("not valid Unicode (an unpaired UTF-16 surrogate)", error.Message);
        Assert.Equal(at, error.Offset);
        Assert.Equal(1, error.Length);
        Assert.DoesNotContain('\ufffd', error.ToString());
    }

    [Fact]
    public void ASuccessfulParse_HasNoErrorLines()
    {
        DiskParseResult result = DiskSpecParser.Parse("vdev=xvda,target=/x");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
    }
}
