using System;
using System.IO;
using System.Text;
using Xunit;

namespace Colo.Gen.Tests.Parsing;

/// <summary>
/// An error is a value: which spec, where in it, what libxlutil says; its line is made on demand
/// from the caller's own spec string, and it never prints half a UTF-8 character.
/// </summary>
public sealed class DiskSpecErrorTests
{
    private const string Prefix = "command line: config parsing error in disk specification: ";

    [Fact]
    public void AnError_KnowsItsSpecAndPlace_AndHoldsTheCallersOwnSpecString()
    {
        string first = "vdev=hda";
        string second = "format=vmdk,target=/x";
        string third = "access=ro";

        DiskParseResult result = DiskSpecParser.Parse([first, second, third]);

        DiskSpecError error = Assert.Single(result.ErrorDetails);
        Assert.Equal(1, error.SpecIndex);
        Assert.Same(second, error.Spec);
        Assert.Equal("unknown value for format", error.Message);
        Assert.Equal("command line", error.Source);
        Assert.Equal(second.IndexOf("vmdk", StringComparison.Ordinal), error.Offset);
        Assert.Equal(4, error.Length);
        Assert.Equal("vmdk", error.Near);
    }

    [Fact]
    public void ABatchLine_WhoseSecondSpecIsNotUtf8_NamesTheSecondSpec()
    {
        byte[] line = [.. "vdev=hda\u00e9"u8, DiskSpecParser.SpecSeparator, .. "target=/a"u8, 0xFF, .. "b"u8];

        DiskParseResult result = DiskSpecParser.ParseUtf8Line(line, "command line");

        DiskSpecError error = Assert.Single(result.ErrorDetails);
        Assert.Equal(1, error.SpecIndex);
        Assert.Equal("target=/a\\xFFb", error.Spec);
        Assert.Equal("\\xFF", error.Near);
        Assert.Equal(Prefix + "not valid UTF-8: near `\\xFF' in `target=/a\\xFFb'", error.ToString());
    }

    [Fact]
    public void ToString_IsLibxlutilsLine_AndIsWhatErrorsAndWriteToGive()
    {
        DiskParseResult result = DiskSpecParser.Parse("vdev=hda,access=x,target=/y");
        DiskSpecError error = Assert.Single(result.ErrorDetails);
        var written = new StringWriter();
        error.WriteTo(written);

        string line = Prefix + "unknown value for access: near `x' in `vdev=hda,access=x,target=/y'";
        Assert.Equal(line, error.ToString());
        Assert.Equal(line, written.ToString());
        Assert.Equal([line], result.Errors);
    }

    [Fact]
    public void AnErrorAboutTheWholeDisk_HasNoPlaceAndNoNearText()
    {
        DiskParseResult result = DiskSpecParser.Parse("target=/x");

        DiskSpecError error = Assert.Single(result.ErrorDetails);
        Assert.Equal(-1, error.Offset);
        Assert.Null(error.Near);
        Assert.Equal(Prefix + "no vdev specified in `target=/x'", error.ToString());
    }

    [Fact]
    public void ADiskWithNoSpec_QuotesNullAsGlibcDoes_AndHasNoSpecIndex()
    {
        DiskSpecError error = Assert.Single(DiskSpecParser.Parse(Array.Empty<string>()).ErrorDetails);

        Assert.Equal(-1, error.SpecIndex);
        Assert.Null(error.Spec);
        Assert.Equal(Prefix + "no vdev specified in `(null)'", error.ToString());
    }

    [Fact]
    public void AScriptPrefixRespecified_IsNearTheScriptNameLibxlutilMadeOfIt()
    {
        DiskParseResult result = DiskSpecParser.Parse("script=x,nbd:/dev/y,hda");

        DiskSpecError error = Assert.Single(result.ErrorDetails);
        Assert.Equal("block-nbd", error.Near);
        Assert.Equal(Prefix + "script respecified: near `block-nbd' in `script=x,nbd:/dev/y,hda'", error.ToString());
    }

    [Theory]
    [InlineData("x=é,vdev=hda,target=/t", "x=\\xC3")] // 2-byte character cut after its first byte
    [InlineData("x=日,vdev=hda,target=/t", "x=\\xE6")] // 3-byte character
    [InlineData("o9=😀:", "o9=\\xF0")] // 4-byte character (a surrogate pair in UTF-16)
    public void ACharacterTheScannerCutsInTwo_IsShownAsEscapes_NeverHalfACharacter(string spec, string near)
    {
        DiskParseResult result = DiskSpecParser.Parse(spec);

        DiskSpecError error = result.ErrorDetails[0];
        Assert.Equal("unknown parameter", error.Message);
        Assert.Equal(near, error.Near);
        Assert.Equal(0, error.Offset);
        Assert.Equal(spec.IndexOf('=', StringComparison.Ordinal) + 1 + char.ConvertFromUtf32(char.ConvertToUtf32(spec, 2 + spec.IndexOf('=', StringComparison.Ordinal) - 1)).Length, error.Length);
        string line = result.Errors[0];
        Assert.Equal(Prefix + "unknown parameter: near `" + near + "' in `" + spec + "'", line);

        // Encoded as UTF-8 and decoded strictly, the line is the same text: nothing was cut.
        byte[] bytes = Encoding.UTF8.GetBytes(line);
        Assert.Equal(line, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
    }

    [Fact]
    public void NonAsciiBeforeAnError_IsCountedInCharactersForItsPlace()
    {
        string spec = "vdev=hda,script=/é/😀,format=bad,target=/t";

        DiskSpecError error = Assert.Single(DiskSpecParser.Parse(spec).ErrorDetails);

        Assert.Equal(spec.IndexOf("bad", StringComparison.Ordinal), error.Offset);
        Assert.Equal("bad", error.Near);
    }

    [Fact]
    public void TheJsonLine_WrittenOrReturned_IsTheSame()
    {
        DiskParseResult result = DiskSpecParser.Parse("x=é,y=\"\\\t");
        var written = new StringWriter();

        result.WriteJsonLine(written);

        Assert.Equal(result.ToJsonLine(), written.ToString());
        Assert.Contains("near `x=\\\\xC3'", written.ToString(), StringComparison.Ordinal);
        Assert.Contains("y=\\\"\\\\\\t", written.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoErrorsFromTheSameText_AreEqualValues()
    {
        DiskSpecError a = Assert.Single(DiskSpecParser.Parse("vdev=hda,format=x,target=/t").ErrorDetails);
        DiskSpecError b = Assert.Single(DiskSpecParser.Parse(new string("vdev=hda,format=x,target=/t".AsSpan())).ErrorDetails);
        DiskSpecError c = Assert.Single(DiskSpecParser.Parse("vdev=hda,format=y,target=/t").ErrorDetails);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }
}
