using System.Linq;
using Colo.Gen.Tests.Backends;
using Xunit;

namespace Colo.Gen.Tests.Api;

/// <summary>
/// A COLO disk's missing or invalid option is named (issue 14, item 4, library side), beside libxl's
/// own "no suitable backend" line when libxl has one, and alone where libxl would accept the disk.
/// </summary>
public sealed class ColoOptionErrorTests
{
    private const string Full = "colo,colo-host=10.0.0.2,colo-port=9000,colo-export=colo1,active-disk=/a.qcow2,hidden-disk=/h.qcow2,vdev=hda,target=/i/p.img";

    private static DiskPreparationResult Prepare(string spec) => PreparedDisks.Prepare([spec], new DiskHost(new FakeHostProbe()));

    private static string Without(string option) => string.Join(',', Full.Split(',').Where(item => !item.StartsWith(option + "=", System.StringComparison.Ordinal)));

    [Fact]
    public void A_complete_colo_disk_is_prepared()
    {
        Assert.True(Prepare(Full).Succeeded);
    }

    [Theory]
    [InlineData("colo-host", "disk hda: COLO needs colo-host=HOST, the address of the secondary's NBD server")]
    [InlineData("colo-port", "disk hda: COLO needs colo-port=PORT, the port of the secondary's NBD server (1 to 65535)")]
    [InlineData("colo-export", "disk hda: COLO needs colo-export=NAME, the export the secondary's NBD server serves the disk as")]
    [InlineData("active-disk", "disk hda: COLO needs active-disk=IMAGE, the image that takes the secondary VM's own writes")]
    [InlineData("hidden-disk", "disk hda: COLO needs hidden-disk=IMAGE, the image that keeps what the primary's writes overwrote")]
    public void A_missing_option_is_named_beside_libxls_no_suitable_backend_line(string option, string line)
    {
        DiskPreparationResult result = Prepare(Without(option));

        Assert.Equal(["no suitable backend for disk hda", line], result.Errors.Select(e => e.ToString()));
        Assert.Equal([null, option], result.Errors.Select(e => e.Option));
        Assert.Equal([DiskPreparationStep.Defaults, DiskPreparationStep.Colo], result.Errors.Select(e => e.Step));
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("65536")]
    [InlineData("-1")]
    public void A_port_outside_1_to_65535_is_named_alone_where_libxl_would_take_it(string port)
    {
        DiskPreparationError error = Assert.Single(Prepare(Full.Replace("colo-port=9000", "colo-port=" + port, System.StringComparison.Ordinal)).Errors);

        Assert.Equal(("colo-port", $"disk hda: colo-port={port} is out of range: a TCP port is 1 to 65535"), (error.Option, error.ToString()));
    }

    [Fact]
    public void The_highest_port_is_taken()
    {
        Assert.True(Prepare(Full.Replace("colo-port=9000", "colo-port=65535", System.StringComparison.Ordinal)).Succeeded);
    }

    [Fact]
    public void An_export_that_is_not_a_qemu_identifier_is_named()
    {
        DiskPreparationError error = Assert.Single(Prepare(Full.Replace("colo-export=colo1", "colo-export=1colo", System.StringComparison.Ordinal)).Errors);

        Assert.Equal("colo-export", error.Option);
        Assert.Equal("disk hda: colo-export \"1colo\" is not a QEMU identifier (a letter, then letters, digits, '-', '.' or '_')", error.ToString());
    }

    [Theory]
    [InlineData("colo-params=nonsense", "disk hda: colo-params=nonsense is not HOST:PORT:exportname=NAME")]
    [InlineData("colo-params=h:port:exportname=e1", "disk hda: the port `port' in colo-params is not a TCP port (1 to 65535)")]
    [InlineData("colo-params=h:0:exportname=e1", "disk hda: the port `0' in colo-params is not a TCP port (1 to 65535)")]
    public void A_seed_address_that_does_not_split_or_has_no_port_is_named(string coloParams, string line)
    {
        DiskPreparationError error = Assert.Single(Prepare($"colo,{coloParams},active-disk=/a,hidden-disk=/h,vdev=hda,target=/i/s.img").Errors);

        Assert.Equal(("colo-params", line), (error.Option, error.ToString()));
    }

    [Fact]
    public void A_colo_disk_on_a_backend_that_cannot_replicate_names_backendtype()
    {
        DiskPreparationResult result = Prepare("backendtype=phy," + Full);

        Assert.Equal(
            ["no suitable backend for disk hda", "disk hda: COLO replicates through QEMU, so it needs backendtype=qdisk, not backendtype=phy"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Every_missing_option_of_one_disk_is_named()
    {
        DiskPreparationResult result = Prepare("colo,vdev=hda,target=/i/p.img");

        Assert.Equal([null, "colo-host", "colo-port", "colo-export", "active-disk", "hidden-disk"], result.Errors.Select(e => e.Option));
    }
}
