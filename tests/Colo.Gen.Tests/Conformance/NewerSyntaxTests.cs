using Xunit;

namespace Colo.Gen.Tests.Conformance;

/// <summary>
/// Syntax libxlutil 4.17 does not know, so the differential test leaves it out: today's
/// trusted/untrusted and grant_usage, and the seed patch's colo-params. Expectations follow
/// today's libxlu_disk_l.l and the seed's rule.
/// </summary>
public sealed class NewerSyntaxTests
{
    [Theory]
    [InlineData("trusted,vdev=hda,target=/x", true)]
    [InlineData("untrusted,vdev=hda,target=/x", false)]
    [InlineData("trusted,untrusted,vdev=hda,target=/x", false)]
    public void Trusted_And_Untrusted_SetTheTrustedDefbool(string spec, bool trusted)
    {
        DiskParseResult result = DiskSpecParser.Parse(spec);

        Assert.Empty(result.Errors);
        Assert.Equal(Defbool.From(trusted), result.Disk!.Trusted);
        Assert.Contains($"\"trusted\": \"{(trusted ? "True" : "False")}\"", result.Disk.ToJson());
    }

    [Theory]
    [InlineData("grant_usage=1,vdev=xvda,target=/x", true)]
    [InlineData("grant_usage=0,vdev=xvda,target=/x", false)]
    [InlineData("vdev=xvda, grant_usage=0, target=/x", false)]
    public void GrantUsage_OneOrZero_SetsTheGrantUsageDefbool(string spec, bool grantUsage)
    {
        DiskParseResult result = DiskSpecParser.Parse(spec);

        Assert.Empty(result.Errors);
        Assert.Equal(Defbool.From(grantUsage), result.Disk!.GrantUsage);
        Assert.EndsWith($"\"grant_usage\": \"{(grantUsage ? "True" : "False")}\"\n}}\n", result.Disk.ToJson());
    }

    [Fact]
    public void GrantUsage_WithAnotherValue_IsBadSyntaxAfterAPositionalTarget()
    {
        // "grant_usage" has an underscore, so the unknown-parameter rule does not take it:
        // it is the positional target, and the '=' that follows is bad syntax.
        DiskParseResult result = DiskSpecParser.Parse("grant_usage=2,vdev=xvda");

        Assert.Equal(
            ["command line: config parsing error in disk specification: bad disk syntax: near `=2,vdev=xvda' in `grant_usage=2,vdev=xvda'"],
            result.Errors);
        Assert.Equal("grant_usage", result.Disk!.PdevPath);
    }

    [Fact]
    public void ColoParams_OfTheSeed_IsStoredWholeWithItsExportName()
    {
        DiskParseResult result = DiskSpecParser.Parse(
            "format=raw,vdev=hda,colo,colo-params=192.168.1.2:9000:exportname=qdisk1,active-disk=/a.qcow2,hidden-disk=/h.qcow2,target=/d.img");

        Assert.True(result.Succeeded);
        Assert.Equal("192.168.1.2:9000:exportname=qdisk1", result.Disk.ColoParams);
        Assert.Equal(Defbool.True, result.Disk.ColoEnable);
        Assert.Equal("/a.qcow2", result.Disk.ActiveDisk);
        Assert.Equal("/h.qcow2", result.Disk.HiddenDisk);
        Assert.Equal("/d.img", result.Disk.PdevPath);
        Assert.Contains("\"colo_params\": \"192.168.1.2:9000:exportname=qdisk1\"", result.Disk.ToJson());
    }

    [Fact]
    public void ColoParams_GivenTwice_IsRespecified()
    {
        DiskParseResult result = DiskSpecParser.Parse("colo-params=h:1:exportname=a,colo-params=h:2:exportname=b,vdev=hda,target=/x");

        Assert.Equal(
            ["command line: config parsing error in disk specification: colo-params respecified: near `h:2:exportname=b' in `colo-params=h:1:exportname=a,colo-params=h:2:exportname=b,vdev=hda,target=/x'"],
            result.Errors);
        Assert.Equal("h:1:exportname=a", result.Disk!.ColoParams);
    }

    [Fact]
    public void ColoParams_Empty_IsOverwrittenSilentlyAsLibxlutilsSavestringDoes()
    {
        DiskParseResult result = DiskSpecParser.Parse("colo-params=,colo-params=h:1:exportname=e,vdev=hda,target=/x");

        Assert.Empty(result.Errors);
        Assert.Equal("h:1:exportname=e", result.Disk!.ColoParams);
    }

    [Fact]
    public void ColoParams_WithAOneCharacterValue_WinsOverTheUnknownParameterRule()
    {
        // Both rules match "colo-params=x" at the same length; the earlier rule wins.
        DiskParseResult result = DiskSpecParser.Parse("colo-params=x,vdev=hda,target=/x");

        Assert.Empty(result.Errors);
        Assert.Equal("x", result.Disk!.ColoParams);
    }

    [Fact]
    public void UpstreamColoOptions_SitBesideTheSeedsColoParams()
    {
        DiskParseResult result = DiskSpecParser.Parse("colo,colo-host=h,colo-port=9000,colo-export=e,vdev=hda,target=/x");

        Assert.True(result.Succeeded);
        Assert.Null(result.Disk.ColoParams);
        Assert.Equal(("h", 9000, "e"), (result.Disk.ColoHost, result.Disk.ColoPort, result.Disk.ColoExport));
    }
}
