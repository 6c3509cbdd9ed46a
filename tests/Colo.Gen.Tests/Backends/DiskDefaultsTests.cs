using Colo.Gen.Backends;
using Xunit;

namespace Colo.Gen.Tests.Backends;

public sealed class DiskDefaultsTests
{
    [Fact]
    public void Defbools_get_libxls_defaults_discard_following_read_write()
    {
        DiskDevice rw = TestDisks.Parse("vdev=xvda,target=/x.img");
        DiskDefaults.Apply(rw, new FakeHostProbe());
        Assert.Equal(Defbool.True, rw.DiscardEnable);
        Assert.Equal(Defbool.False, rw.ColoEnable);
        Assert.Equal(Defbool.False, rw.ColoRestoreEnable);
        Assert.Equal(Defbool.True, rw.Trusted);
        Assert.Equal(DiskSpecification.Xen, rw.Specification);
        Assert.Equal(DiskBackend.Qdisk, rw.Backend);

        DiskDevice ro = TestDisks.Parse("vdev=xvda,access=ro,target=/x.img");
        DiskDefaults.Apply(ro, new FakeHostProbe());
        Assert.Equal(Defbool.False, ro.DiscardEnable);
    }

    [Fact]
    public void Values_already_set_are_kept()
    {
        DiskDevice disk = TestDisks.Parse("vdev=xvda,no-discard,untrusted,target=/x.img");
        disk.ColoRestoreEnable = Defbool.True;
        DiskDefaults.Apply(disk, new FakeHostProbe());
        Assert.Equal(Defbool.False, disk.DiscardEnable);
        Assert.Equal(Defbool.False, disk.Trusted);
        Assert.Equal(Defbool.True, disk.ColoRestoreEnable);
    }

    [Fact]
    public void A_xen_disk_with_a_transport_is_an_error()
    {
        DiskDevice disk = TestDisks.Parse("vdev=xvda,target=/x.img");
        disk.Transport = DiskTransport.Mmio;
        Assert.Equal("Transport is only supported for specification virtio", DiskDefaults.Apply(disk, new FakeHostProbe()).Error);
    }

    [Fact]
    public void A_virtio_disk_gets_mmio_and_grant_usage_from_the_backend_domain()
    {
        var probe = new FakeHostProbe().With("/dev/sdz", HostPathStatus.BlockDevice);
        DiskDevice local = TestDisks.Parse("specification=virtio,vdev=xvda,target=/dev/sdz");
        DiskDefaults.Apply(local, probe);
        Assert.Equal(DiskTransport.Mmio, local.Transport);
        Assert.Equal(Defbool.False, local.GrantUsage);

        DiskDevice remote = TestDisks.Parse("specification=virtio,vdev=xvda,target=/dev/sdz");
        remote.BackendDomid = 5;
        DiskDefaults.Apply(remote, probe);
        Assert.Equal(Defbool.True, remote.GrantUsage);
    }

    [Fact]
    public void An_hvm_cdrom_gets_qdisk_and_refuses_tap()
    {
        DiskDevice cdrom = TestDisks.Parse("vdev=hdc,devtype=cdrom,target=/x.iso");
        Assert.Equal(DiskBackend.Qdisk, DiskDefaults.Apply(cdrom, new FakeHostProbe()).Backend);

        DiskDevice tap = TestDisks.Parse("backendtype=tap,vdev=hdc,devtype=cdrom,target=/x.iso");
        Assert.Equal("Backend for CD devices on HVM guests must be Qdisk or Phy", DiskDefaults.Apply(tap, new FakeHostProbe()).Error);
    }

    [Fact]
    public void A_pv_guests_cdrom_goes_through_the_usual_choice()
    {
        DiskDevice cdrom = TestDisks.Parse("vdev=xvdc,devtype=cdrom,target=/dev/sr0");
        BackendSelection selection = DiskDefaults.Apply(cdrom, new FakeHostProbe().With("/dev/sr0", HostPathStatus.BlockDevice), hvmGuest: false);
        Assert.Equal(DiskBackend.Phy, selection.Backend);
    }
}
