using Colo.Gen.Backends;
using Xunit;

namespace Colo.Gen.Tests.Backends;

public sealed class BackendSelectorTests
{
    private const string Colo = "colo,colo-params=10.0.0.2:9000:exportname=colo1,active-disk=/a.qcow2,hidden-disk=/h.qcow2,";

    private static BackendSelection Select(string spec, FakeHostProbe? probe = null)
    {
        DiskDevice disk = TestDisks.Parse(spec);
        return DiskDefaults.Apply(disk, probe ?? new FakeHostProbe());
    }

    [Fact]
    public void A_raw_block_device_gets_phy()
    {
        BackendSelection selection = Select("vdev=xvda,target=/dev/vg/guest", new FakeHostProbe().With("/dev/vg/guest", HostPathStatus.BlockDevice));
        Assert.Equal(DiskBackend.Phy, selection.Backend);
        Assert.Contains("Disk vdev=xvda, using backend phy", selection.Reasons);
    }

    [Fact]
    public void A_raw_image_file_is_refused_by_phy_and_gets_qdisk()
    {
        BackendSelection selection = Select("vdev=xvda,target=/images/guest.img");
        Assert.Equal(DiskBackend.Qdisk, selection.Backend);
        Assert.Contains("Disk vdev=xvda, backend phy unsuitable as phys path not a block device", selection.Reasons);
    }

    [Fact]
    public void A_qcow2_image_is_refused_by_phy_for_its_format_and_gets_qdisk()
    {
        BackendSelection selection = Select("format=qcow2,vdev=xvda,target=/images/guest.qcow2");
        Assert.Equal(DiskBackend.Qdisk, selection.Backend);
        Assert.Contains("Disk vdev=xvda, backend phy unsuitable due to format qcow2", selection.Reasons);
    }

    [Fact]
    public void A_target_that_cannot_be_stat_ed_is_an_error()
    {
        BackendSelection selection = Select("vdev=xvda,target=/nowhere", new FakeHostProbe().With("/nowhere", HostPathStatus.Missing()));
        Assert.False(selection.Succeeded);
        Assert.Equal("Disk vdev=xvda failed to stat: /nowhere: No such file or directory", selection.Error);
    }

    [Fact]
    public void A_script_disk_is_not_stat_ed_and_phy_trusts_the_script()
    {
        var probe = new FakeHostProbe();
        BackendSelection selection = Select("vdev=xvda,script=iscsi,target=iqn.example", probe);
        Assert.Equal(DiskBackend.Phy, selection.Backend);
        Assert.Empty(probe.Asked);
    }

    [Fact]
    public void A_driver_domain_disk_is_not_stat_ed_and_phy_takes_it()
    {
        var probe = new FakeHostProbe();
        DiskDevice disk = TestDisks.Parse("vdev=xvda,target=/dev/sdz");
        disk.BackendDomid = 3;
        BackendSelection selection = DiskDefaults.Apply(disk, probe);
        Assert.Equal(DiskBackend.Phy, selection.Backend);
        Assert.Empty(probe.Asked);
    }

    [Fact]
    public void Qdisk_refuses_a_script()
    {
        BackendSelection selection = Select("backendtype=qdisk,vdev=xvda,script=block-foo,target=/x");
        Assert.Equal("no suitable backend for disk xvda", selection.Error);
        Assert.Contains("Disk vdev=xvda, backend qdisk not compatible with script=...", selection.Reasons);
    }

    [Fact]
    public void A_named_backend_is_only_checked_not_replaced()
    {
        BackendSelection selection = Select("backendtype=phy,format=qcow2,vdev=xvda,target=/x");
        Assert.Equal("no suitable backend for disk xvda", selection.Error);
        Assert.Equal(["Disk vdev=xvda, backend phy unsuitable due to format qcow2"], selection.Reasons);
    }

    [Fact]
    public void Tap_takes_raw_and_vhd_and_refuses_qcow2()
    {
        Assert.Equal(DiskBackend.Tap, Select("backendtype=tap,format=vhd,vdev=xvda,target=/x.vhd").Backend);
        Assert.Equal(DiskBackend.Tap, Select("backendtype=tap,format=raw,vdev=xvda,target=/x.img").Backend);
        BackendSelection qcow2 = Select("backendtype=tap,format=qcow2,vdev=xvda,target=/x");
        Assert.Contains("Disk vdev=xvda, backend tap unsuitable due to format qcow2", qcow2.Reasons);
    }

    [Fact]
    public void A_colo_disk_is_refused_by_phy_and_tap_and_gets_qdisk()
    {
        BackendSelection selection = Select(Colo + "vdev=hda,target=/dev/vg/guest", new FakeHostProbe().With("/dev/vg/guest", HostPathStatus.BlockDevice));
        Assert.Equal(DiskBackend.Qdisk, selection.Backend);
        Assert.Contains("Disk vdev=hda, backend phy not compatible with colo", selection.Reasons);
        Assert.Contains("Disk vdev=hda, backend tap not compatible with colo", Select("backendtype=tap," + Colo + "vdev=hda,target=/x").Reasons);
    }

    [Fact]
    public void The_seed_refuses_phy_for_a_disk_with_only_an_active_disk_named()
    {
        BackendSelection selection = Select("vdev=hda,active-disk=/a.qcow2,target=/dev/vg/guest", new FakeHostProbe().With("/dev/vg/guest", HostPathStatus.BlockDevice));
        Assert.Equal(DiskBackend.Qdisk, selection.Backend);
        Assert.Contains("Disk vdev=hda, backend phy not compatible with colo", selection.Reasons);
    }

    [Theory]
    [InlineData("colo,active-disk=/a,hidden-disk=/h,", "colo-params")]
    [InlineData("colo,colo-params=h:1:exportname=e,hidden-disk=/h,", "active-disk")]
    [InlineData("colo,colo-params=h:1:exportname=e,active-disk=/a,", "hidden-disk")]
    [InlineData("colo,colo-host=h,colo-export=e,active-disk=/a,hidden-disk=/h,", "colo-params")]
    public void Qdisk_with_colo_needs_the_address_and_both_disks(string colo, string missing)
    {
        BackendSelection selection = Select(colo + "vdev=hda,target=/x.img");
        Assert.Equal("no suitable backend for disk hda", selection.Error);
        Assert.Contains($"Disk vdev=hda, backend qdisk needs {missing}=... for colo", selection.Reasons);
    }

    [Fact]
    public void Upstreams_three_colo_fields_satisfy_qdisk()
    {
        BackendSelection selection = Select("colo,colo-host=10.0.0.2,colo-port=9000,colo-export=e1,active-disk=/a,hidden-disk=/h,vdev=hda,target=/x.img");
        Assert.Equal(DiskBackend.Qdisk, selection.Backend);
    }

    [Fact]
    public void Virtio_goes_only_with_standalone_and_standalone_needs_a_block_device()
    {
        var probe = new FakeHostProbe().With("/dev/sdz", HostPathStatus.BlockDevice);
        BackendSelection block = Select("specification=virtio,vdev=xvda,target=/dev/sdz", probe);
        Assert.Equal(DiskBackend.Standalone, block.Backend);
        Assert.Contains("Disk vdev=xvda, backend phy not compatible with specification virtio", block.Reasons);

        BackendSelection file = Select("specification=virtio,vdev=xvda,target=/x.img");
        Assert.Equal("no suitable backend for disk xvda", file.Error);
        Assert.Contains("Disk vdev=xvda, backend standalone unsuitable as phys path not a block device", file.Reasons);
    }

    [Fact]
    public void Standalone_refuses_a_xen_disk()
    {
        BackendSelection selection = Select("backendtype=standalone,vdev=xvda,target=/dev/sdz", new FakeHostProbe().With("/dev/sdz", HostPathStatus.BlockDevice));
        Assert.Equal(["Disk vdev=xvda, backend standalone not compatible with specification xen"], selection.Reasons);
    }

    [Fact]
    public void An_empty_cdrom_takes_qdisk_without_a_stat()
    {
        var probe = new FakeHostProbe();
        BackendSelection selection = Select("vdev=hdc,devtype=cdrom", probe);
        Assert.Equal(DiskBackend.Qdisk, selection.Backend);
        Assert.Empty(probe.Asked);
    }

    [Fact]
    public void An_empty_format_on_a_disk_is_an_error()
    {
        DiskDevice disk = TestDisks.Parse("vdev=xvda,target=/x");
        disk.Format = DiskFormat.Empty;
        Assert.Equal("Disk vdev=xvda is empty but not cdrom", DiskDefaults.Apply(disk, new FakeHostProbe()).Error);
    }

    [Fact]
    public void An_empty_cdrom_with_an_image_is_an_error()
    {
        DiskDevice disk = TestDisks.Parse("vdev=hdc,devtype=cdrom,target=/x.iso");
        disk.Format = DiskFormat.Empty;
        Assert.Equal("Disk vdev=hdc is empty but an image has been provided: /x.iso", DiskDefaults.Apply(disk, new FakeHostProbe()).Error);
    }
}
