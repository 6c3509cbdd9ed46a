using System.Linq;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Colo.Gen.Tests.Backends;
using Colo.Gen.Xenstore;
using Xunit;

namespace Colo.Gen.Tests.Api;

/// <summary>
/// <c>backend=NAME</c> resolved to a domain id through xenstore as libxl's <c>libxl__resolve_domid</c>
/// does (issue 15, item 3), and the one resolved id used by both the backend choice and the QEMU arguments.
/// </summary>
public sealed class BackendDomainTests
{
    private static InMemoryXenstore Domains(params (uint Id, string Name)[] domains)
    {
        var store = new InMemoryXenstore();
        foreach ((uint id, string name) in domains)
        {
            store.Write($"/local/domain/{id}/name", name);
        }

        return store;
    }

    private static DiskPreparationResult Prepare(string spec, IXenstoreNodes? xenstore, FakeHostProbe? probe = null) =>
        PreparedDisks.Prepare([spec], new DiskHost(probe ?? new FakeHostProbe()) { Xenstore = xenstore });

    [Fact]
    public void A_driver_domain_name_becomes_its_id_and_the_disk_is_remote_for_every_step()
    {
        var probe = new FakeHostProbe();

        PreparedDisks disks = Prepare("backend=storage,vdev=hda,target=/dev/vg/guest", Domains((0, "Domain-0"), (3, "storage")), probe).Disks!;
        DeviceModelResult built = DeviceModelArguments.Build(disks);

        Assert.Equal((3u, false, DiskBackend.Phy), (disks[0].BackendDomid, disks[0].IsLocal, disks[0].Backend));
        Assert.Empty(probe.Asked); // a driver domain's target is not this host's to stat
        Assert.Empty(built.Arguments);
        Assert.Equal(["No way to get local access disk to image: hda\nDisk will be available via PV drivers but not as an emulated disk."], built.Warnings);
    }

    [Theory]
    [InlineData("backend=Domain-0")]
    [InlineData("backend=0")]
    public void A_backend_that_resolves_to_the_toolstack_domain_is_local_for_the_backend_choice_and_for_qemu(string backend)
    {
        var probe = new FakeHostProbe();

        PreparedDisks disks = Prepare(backend + ",vdev=hda,target=/i/a.img", Domains((0, "Domain-0"), (3, "storage")), probe).Disks!;

        Assert.True(disks[0].IsLocal);
        Assert.Equal(["/i/a.img"], probe.Asked);
        Assert.Equal(["-drive", "file=/i/a.img,if=ide,index=0,media=disk,format=raw,cache=writeback"], DeviceModelArguments.Build(disks).Arguments);
    }

    [Fact]
    public void A_name_no_domain_has_gives_libxls_line_and_one_naming_the_backend()
    {
        DiskPreparationResult result = Prepare("backend=nosuch,vdev=hda,target=/i/a.img", Domains((0, "Domain-0")));

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["Unable to set disk defaults for disk 0", "backend=nosuch: no domain has that name (no /local/domain/*/name is `nosuch')"],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal([null, "backend"], result.Errors.Select(e => e.Option));
        Assert.All(result.Errors, e => Assert.Equal(DiskPreparationStep.BackendDomain, e.Step));
    }

    [Fact]
    public void A_name_with_no_xenstore_to_ask_is_an_error_naming_the_backend()
    {
        DiskPreparationError error = Assert.Single(Prepare("backend=storage,vdev=hda,target=/i/a.img", null).Errors, e => e.Option is not null);

        Assert.Equal(("backend", "backend=storage names a domain, and no xenstore was given to look its name up in"), (error.Option, error.ToString()));
    }

    [Fact]
    public void Of_two_domains_with_one_name_the_lowest_id_wins_in_numeric_order()
    {
        Assert.Equal(2u, Prepare("backend=twin,vdev=hda,target=/i/a.img", Domains((10, "twin"), (2, "twin"))).Disks![0].BackendDomid);
    }

    [Theory]
    [InlineData("7", 7u)]
    [InlineData("007", 7u)]
    [InlineData("", 0u)] // libxl's all-digits loop accepts the empty name, and strtoul reads it as 0
    [InlineData("4294967296", 0u)] // strtoul's 64-bit value cut to the 32-bit domid
    [InlineData("4294967301", 5u)]
    [InlineData("99999999999999999999999", uint.MaxValue)] // strtoul saturates at ULONG_MAX
    public void A_name_of_digits_is_the_id_itself_as_strtoul_reads_it(string name, uint domid)
    {
        Assert.Equal(new BackendDomainResolution(domid, null), BackendDomain.Resolve(name, null));
    }

    [Fact]
    public void Names_are_compared_exactly()
    {
        Assert.NotNull(BackendDomain.Resolve("Storage", Domains((3, "storage"))).Error);
        Assert.NotNull(BackendDomain.Resolve("stor", Domains((3, "storage"))).Error);
    }

    [Fact]
    public void Directories_under_local_domain_that_are_not_domain_ids_are_skipped()
    {
        InMemoryXenstore store = Domains((3, "storage"));
        store.Write("/local/domain/x/name", "odd");
        store.Write("/local/domain/03/name", "odd");

        Assert.NotNull(BackendDomain.Resolve("odd", store).Error);
        Assert.Equal(3u, BackendDomain.Resolve("storage", store).Domid);
    }
}
