using System.Linq;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Colo.Gen.Tests.Backends;
using Xunit;

namespace Colo.Gen.Tests.Qemu;

/// <summary>
/// The builder's errors are values: which disk (its place and vdev), which option, and the line
/// that <see cref="DeviceModelResult.Errors"/> prints.
/// </summary>
public sealed class DeviceModelErrorTests
{
    private const string Colo = "colo,colo-host=10.0.0.2,colo-port=9000,active-disk=/a.qcow2,hidden-disk=/h.qcow2,";

    [Theory]
    [InlineData(QemuDialect.Upstream)]
    [InlineData(QemuDialect.Seed)]
    public void A_target_the_policy_refuses_names_its_disk_and_option(QemuDialect dialect)
    {
        DiskDevice good = TestDisks.Prepared("vdev=hda,backendtype=qdisk,target=/images/a.img");
        DiskDevice bad = TestDisks.Prepared("vdev=hdb,backendtype=qdisk,target=fat:rw:/etc");

        DeviceModelResult result = DeviceModelArguments.Build([good, bad], dialect);

        DeviceModelError error = Assert.Single(result.ErrorDetails);
        Assert.Equal(1, error.DiskIndex);
        Assert.Equal("hdb", error.Vdev);
        Assert.Equal("target", error.Option);
        Assert.Equal(result.Errors, [error.ToString()]);
        Assert.StartsWith("target \"fat:rw:/etc\" would make QEMU use its \"fat\" protocol", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_ide_disk_is_libxls_line_against_access()
    {
        DiskDevice disk = TestDisks.Prepared("vdev=hda,access=ro,backendtype=qdisk,target=/images/a.img");

        DeviceModelError error = Assert.Single(DeviceModelArguments.Build([disk]).ErrorDetails);

        Assert.Equal((0, "hda", "access", "qemu-xen doesn't support read-only IDE disk drivers"), (error.DiskIndex, error.Vdev, error.Option, error.Message));
    }

    [Theory]
    [InlineData(Colo + "colo-export=e0=x:y,", "colo-export")]
    [InlineData("colo,colo-params=10.0.0.2:9000:exportname=e0=x:y,active-disk=/a.qcow2,hidden-disk=/h.qcow2,", "colo-params")]
    public void A_colo_export_that_is_no_qemu_identifier_is_against_the_option_that_gave_it(string colo, string option)
    {
        DiskDevice disk = TestDisks.Prepared(colo + "vdev=hda,target=/i/s", ColoRole.Secondary);

        DeviceModelError error = Assert.Single(DeviceModelArguments.Build([disk], QemuDialect.Seed).ErrorDetails);

        Assert.Equal((0, option), (error.DiskIndex, error.Option));
        Assert.Contains("e0=x:y", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_from_colo_params_is_against_colo_params_even_when_colo_export_has_the_same_value()
    {
        // Without colo-host the address comes from colo-params, whatever colo-export says.
        DiskDevice disk = TestDisks.Prepared("colo,colo-params=10.0.0.2:9000:exportname=e0=x:y,active-disk=/a.qcow2,hidden-disk=/h.qcow2,vdev=hda,target=/i/s", ColoRole.Secondary);
        disk.ColoExport = "e0=x:y";

        DeviceModelError error = Assert.Single(DeviceModelArguments.Build([disk], QemuDialect.Seed).ErrorDetails);

        Assert.Equal("colo-params", error.Option);
    }

    [Fact]
    public void The_same_disk_given_twice_has_each_place_in_its_errors()
    {
        DiskDevice disk = TestDisks.Prepared("vdev=hda,backendtype=qdisk,target=fat:rw:/etc");

        DeviceModelResult result = DeviceModelArguments.Build([disk, disk]);

        Assert.Equal([0, 1], result.ErrorDetails.Select(e => e.DiskIndex));
    }

    [Fact]
    public void A_disk_that_was_never_prepared_is_an_error_about_the_whole_disk()
    {
        DiskDevice prepared = TestDisks.Prepared("vdev=hda,backendtype=qdisk,target=/images/a.img");
        DiskDevice raw = TestDisks.Parse("vdev=hdb,target=/images/b.img");

        DeviceModelError error = Assert.Single(DeviceModelArguments.Build([prepared, raw]).ErrorDetails);

        Assert.Equal((1, "hdb", (string?)null), (error.DiskIndex, error.Vdev, error.Option));
    }
}
