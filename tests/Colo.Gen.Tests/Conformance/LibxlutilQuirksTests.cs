using Xunit;

namespace Colo.Gen.Tests.Conformance;

/// <summary>
/// libxlutil behaviours worth pinning without the oracle (each expectation was read off
/// Debian's libxlutil 4.17 through tests/native/xlu-oracle), so a machine without
/// libxen-dev still checks them.
/// </summary>
public sealed class LibxlutilQuirksTests
{
    private const string Prefix = "command line: config parsing error in disk specification: ";

    [Theory]
    [InlineData("12abc", 12)]
    [InlineData(" \t+7", 7)]
    [InlineData("4294967297", 1)]
    [InlineData("99999999999999999999999", -1)]
    [InlineData("-2147483649", 2147483647)]
    public void ColoPort_IsReadWithCsAtoi(string value, int port)
    {
        DiskParseResult result = DiskSpecParser.Parse($"vdev=hda,colo-port={value},target=/x");

        Assert.True(result.Succeeded);
        Assert.Equal(port, result.Disk.ColoPort);
    }

    [Fact]
    public void ColoPort_ThatAtoiMakesZero_IsAnUnknownValue()
    {
        DiskParseResult result = DiskSpecParser.Parse("vdev=hda,colo-port=4294967296,target=/x");

        Assert.Equal([Prefix + "unknown value for colo_port: near `4294967296' in `vdev=hda,colo-port=4294967296,target=/x'"], result.Errors);
    }

    [Theory]
    [InlineData("format=RAW", "format", "RAW")]
    [InlineData("format=unknown", "format", "unknown")]
    [InlineData("backendtype=unknown", "backendtype", "unknown")]
    [InlineData("backendtype=Phy", "backendtype", "Phy")]
    [InlineData("specification=Xen", "specification", "Xen")]
    public void EnumOptions_MatchCaseSensitivelyAndRefuseUnknown(string item, string option, string value)
    {
        string spec = item + ",vdev=hda,target=/x";

        DiskParseResult result = DiskSpecParser.Parse(spec);

        Assert.Equal([$"{Prefix}unknown value for {option}: near `{value}' in `{spec}'"], result.Errors);
    }

    [Fact]
    public void Target_TakesTheRestOfTheSpecCommasIncluded()
    {
        DiskParseResult result = DiskSpecParser.Parse("vdev=hda,target=/x,colo-port=1");

        Assert.Equal("/x,colo-port=1", result.Disk!.PdevPath);
        Assert.Equal(0, result.Disk.ColoPort);
    }

    [Fact]
    public void UnknownParameter_TakesOnlyOneCharacterAfterTheEquals()
    {
        // [a-z][-a-z0-9]*=[^,],? : "foo=b" is the unknown parameter; "ar" is then a positional
        // parameter, passed over in silence because an error came before it.
        DiskParseResult result = DiskSpecParser.Parse("foo=bar,vdev=hda,target=/x");

        Assert.Equal([Prefix + "unknown parameter: near `foo=b' in `foo=bar,vdev=hda,target=/x'"], result.Errors);
        Assert.Equal("/x", result.Disk!.PdevPath);
    }

    [Fact]
    public void UnknownDeprecatedPrefix_StopsTheSpec()
    {
        DiskParseResult result = DiskSpecParser.Parse("foo:/x,hda,format=vmdk");

        Assert.Equal([Prefix + "unknown deprecated disk prefix: near `foo:' in `foo:/x,hda,format=vmdk'"], result.Errors);
    }

    [Fact]
    public void DeprecatedScriptPrefix_SetsBlockScriptAndLeavesTheFormatToTheDefault()
    {
        DiskParseResult result = DiskSpecParser.Parse("nbd:host:1234,xvda,r");

        Assert.True(result.Succeeded);
        Assert.Equal(("block-nbd", "host:1234", "xvda", false, DiskFormat.Raw),
            (result.Disk.Script, result.Disk.PdevPath, result.Disk.Vdev, result.Disk.Readwrite, result.Disk.Format));
    }

    [Fact]
    public void EmptyTargetThenVdevWithDevtype_IsAnEmptyCdrom()
    {
        DiskParseResult result = DiskSpecParser.Parse(",hdc:cdrom,r");

        Assert.True(result.Succeeded);
        Assert.Equal(("", "hdc", DiskFormat.Empty, true, true, false),
            (result.Disk.PdevPath, result.Disk.Vdev, result.Disk.Format, result.Disk.IsCdrom, result.Disk.Removable, result.Disk.Readwrite));
    }

    [Fact]
    public void SeveralSpecs_StopAtTheFirstWithAnError()
    {
        DiskParseResult result = DiskSpecParser.Parse(["vdev=hda", "format=x", "format=y"]);

        Assert.Equal([Prefix + "unknown value for format: near `x' in `format=x'"], result.Errors);
    }

    [Fact]
    public void ErrorsAfterTheFirst_InOneSpec_AreEachReported()
    {
        DiskParseResult result = DiskSpecParser.Parse("format=x,access=y,vdev=hda,target=/x");

        Assert.Equal(
            [
                Prefix + "unknown value for format: near `x' in `format=x,access=y,vdev=hda,target=/x'",
                Prefix + "unknown value for access: near `y' in `format=x,access=y,vdev=hda,target=/x'",
            ],
            result.Errors);
    }
}
