using System;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Colo.Gen.Tests.Conformance;

/// <summary>
/// Input libxlutil never sees through xl (NUL, invalid UTF-16, newlines, megabytes) still
/// gives a result with errors or a disk, never an exception; a failed parse is never
/// reported as a success.
/// </summary>
public sealed class BadInputTests
{
    private const string Prefix = "command line: config parsing error in disk specification: ";

    [Fact]
    public void Parse_OfRandomText_NeverThrowsAndFailsOnlyWithErrors()
    {
        var random = new Random(7);
        for (int i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            int length = random.Next(60);
            for (int j = 0; j < length; j++)
            {
                // Any UTF-16 code unit, lone surrogates, NUL and newlines included, biased to ASCII.
                text.Append(random.Next(4) == 0 ? (char)random.Next(0x10000) : (char)random.Next(0x80));
            }

            DiskParseResult result = DiskSpecParser.Parse([text.ToString(), "vdev=hda"]);

            Assert.Equal(result.Succeeded, result.Errors.Count == 0);
            Assert.All(result.Errors, e => Assert.StartsWith(Prefix, e));
            Assert.NotNull(result.ToJsonLine());
        }
    }

    [Fact]
    public void Parse_OfANul_KeepsItInTheValue()
    {
        DiskParseResult result = DiskSpecParser.Parse("vdev=hda\0b,target=/x");

        Assert.True(result.Succeeded);
        Assert.Equal("hda\0b", result.Disk.Vdev);
        Assert.Contains("hda\\u0000b", result.ToJsonLine());
    }

    [Fact]
    public void Parse_OfALoneSurrogate_IsAnErrorThatShowsItAndNeverStoresAReplacementCharacter()
    {
        DiskParseResult result = DiskSpecParser.Parse("vdev=hda,target=/a" + (char)0xD800 + "b");

        Assert.False(result.Succeeded);
        Assert.Null(result.Disk!.PdevPath);
        Assert.Equal([Prefix + "not valid Unicode (an unpaired UTF-16 surrogate): near `\\uD800' in `vdev=hda,target=/a\\uD800b'"], result.Errors);
    }

    [Fact]
    public void Parse_OfANewlineAfterAStrayEquals_ReportsBadSyntaxWhereFlexWouldJam()
    {
        // libxlutil's flex scanner has no rule for '\n' in its LEXERR condition: xl prints
        // "flex scanner jammed" and exits with status 2. This parser reports an error instead.
        DiskParseResult result = DiskSpecParser.Parse("vdev=hda,=\nx");

        Assert.Equal([Prefix + "bad disk syntax: near `=\nx' in `vdev=hda,=\nx'"], result.Errors);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Parse_OfAStrayEqualsAtTheEnd_ReportsNothingForItAsFlexDropsPendingText()
    {
        DiskParseResult result = DiskSpecParser.Parse("/x,,hda,=");

        Assert.True(result.Succeeded);
        Assert.Equal("hda", result.Disk.Vdev);
    }

    [Fact]
    public void Parse_OfAOneMegabyteTarget_TakesItWhole()
    {
        string path = "/" + new string('x', 1 << 20);

        DiskParseResult result = DiskSpecParser.Parse("vdev=hda,target=" + path);

        Assert.True(result.Succeeded);
        Assert.Equal(path, result.Disk.PdevPath);
    }

    [Fact]
    public void Parse_OfAOneMegabyteSpecOfFlags_SetsThemAll()
    {
        var spec = new StringBuilder("vdev=hda,target=/x".Length + (1 << 20));
        while (spec.Length < 1 << 20)
        {
            spec.Append("discard,no-discard,");
        }

        DiskParseResult result = DiskSpecParser.Parse([spec.ToString(), "vdev=hda,target=/x"]);

        Assert.True(result.Succeeded);
        Assert.Equal(Defbool.False, result.Disk.DiscardEnable);
    }

    [Fact]
    public void Parse_OfAOneMegabyteRunOfSpaces_IgnoresIt()
    {
        DiskParseResult result = DiskSpecParser.Parse(new string(' ', 1 << 20) + "vdev=hda, target=/x");

        Assert.True(result.Succeeded);
        Assert.Equal("/x", result.Disk.PdevPath);
    }

    // flex rescans the rest of the spec for every token a trailing context like "/.*" ends, which
    // is quadratic on these; the generated scanner jumps over such runs. The timeout only turns
    // a regression into a failure instead of a hung run: a linear parse takes milliseconds.
    [Fact(Timeout = 60_000)]
    public async Task Parse_OfAOneMegabyteSpecOfSpacedPositionals_IsLinear()
    {
        var spec = new StringBuilder(1 << 20);
        while (spec.Length < 1 << 20)
        {
            spec.Append("a, ");
        }

        DiskParseResult result = await Task.Run(() => DiskSpecParser.Parse(spec.ToString()), TestContext.Current.CancellationToken);

        string error = Assert.Single(result.Errors);
        Assert.StartsWith(Prefix + "unknown value for format: near `a' in `a, a, ", error);
    }

    [Fact(Timeout = 60_000)]
    public async Task Parse_OfAOneMegabyteSpecOfDeprecatedPrefixes_IsLinear()
    {
        var spec = new StringBuilder(1 << 20);
        while (spec.Length < 1 << 20)
        {
            spec.Append("raw:");
        }

        DiskParseResult result = await Task.Run(() => DiskSpecParser.Parse(spec.ToString() + "/x,hda"), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(DiskFormat.Raw, result.Disk.Format);
        Assert.Equal("/x", result.Disk.PdevPath);
        Assert.Equal("hda", result.Disk.Vdev);
    }

    [Fact]
    public void Parse_OfAOneMegabyteSpecOfPositionals_StopsAtTheFirstOneTooMany()
    {
        var spec = new StringBuilder("/x,raw,hda,rw,");
        while (spec.Length < 1 << 20)
        {
            spec.Append("e,f,");
        }

        DiskParseResult result = DiskSpecParser.Parse(spec.ToString());

        string error = Assert.Single(result.Errors);
        Assert.StartsWith(Prefix + "too many positional parameters: near `e' in `/x,raw,hda,rw,e,f,", error);
    }

    [Fact]
    public void Parse_OfNoSpecs_ReportsNoVdevAgainstANullSpecAsGlibcPrintsIt()
    {
        DiskParseResult result = DiskSpecParser.Parse(Array.Empty<string>());

        Assert.Equal([Prefix + "no vdev specified in `(null)'"], result.Errors);
    }

    [Fact]
    public void Parse_WithAnotherSourceName_StartsItsErrorsWithIt()
    {
        DiskParseResult result = DiskSpecParser.Parse(["foo"], "/etc/xen/guest.cfg");

        Assert.Equal(["/etc/xen/guest.cfg: config parsing error in disk specification: no vdev specified in `foo'"], result.Errors);
    }

    [Fact]
    public void Parse_AfterAnError_KeepsWhatWasParsedButIsNotASuccess()
    {
        DiskParseResult result = DiskSpecParser.Parse(["vdev=hda,format=vmdk,target=/x", "access=ro"]);

        Assert.False(result.Succeeded);
        Assert.Equal("hda", result.Disk!.Vdev);
        Assert.True(result.Disk!.Readwrite);
        Assert.Equal([Prefix + "unknown value for format: near `vmdk' in `vdev=hda,format=vmdk,target=/x'"], result.Errors);
    }
}
