using Colo.Gen.Backends;
using Xunit;

namespace Colo.Gen.Tests.Backends;

public sealed class ColoRolesTests
{
    private const string ColoDisk = "colo,colo-params=10.0.0.2:9000:exportname=e,active-disk=/a,hidden-disk=/h,vdev=hda,target=/x.img";

    [Fact]
    public void A_domain_created_new_makes_colo_disks_primary()
    {
        DiskDevice colo = TestDisks.Parse(ColoDisk);
        DiskDevice plain = TestDisks.Parse("vdev=hdb,target=/y.img");
        colo.ColoRestoreEnable = Defbool.True;

        ColoRoles.Assign([colo, plain], ColoRole.Primary);

        Assert.Equal(Defbool.False, colo.ColoRestoreEnable);
        Assert.Equal(ColoRole.Primary, ColoRoles.Of(colo));
        Assert.Equal(ColoRole.None, ColoRoles.Of(plain));
    }

    [Fact]
    public void A_domain_restored_from_a_colo_stream_makes_colo_disks_secondary()
    {
        DiskDevice colo = TestDisks.Parse(ColoDisk);
        DiskDevice plain = TestDisks.Parse("vdev=hdb,target=/y.img");

        ColoRoles.Assign([colo, plain], ColoRole.Secondary);

        Assert.Equal(Defbool.True, colo.ColoRestoreEnable);
        Assert.Equal(Defbool.True, plain.ColoRestoreEnable);
        Assert.Equal(ColoRole.Secondary, ColoRoles.Of(colo));
        Assert.Equal(ColoRole.None, ColoRoles.Of(plain));
    }

    [Fact]
    public void A_restore_from_another_stream_clears_the_restore_flag()
    {
        DiskDevice colo = TestDisks.Parse(ColoDisk);
        colo.ColoRestoreEnable = Defbool.True;
        ColoRoles.Assign([colo], ColoRole.None);
        Assert.Equal(ColoRole.Primary, ColoRoles.Of(colo));
    }

    [Fact]
    public void No_colo_is_no_role_whatever_the_restore_flag()
    {
        DiskDevice disk = TestDisks.Parse("no-colo,vdev=hda,target=/x.img");
        ColoRoles.Assign([disk], ColoRole.Secondary);
        Assert.Equal(ColoRole.None, ColoRoles.Of(disk));
    }
}
