using System.Linq;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Colo.Gen.Tests.Backends;
using Xunit;

namespace Colo.Gen.Tests.Api;

/// <summary>
/// The one path from specs to a domain's QEMU arguments (issue 15, item 1): only a successful
/// <see cref="PreparedDisks.Prepare(System.Collections.Generic.IEnumerable{DiskDevice}, DiskHost)"/> gives
/// the builders their input, and a failed step gives errors and nothing to build from.
/// </summary>
public sealed class PreparedDisksTests
{
    private static DiskHost Host(ColoRole role = ColoRole.Primary, FakeHostProbe? probe = null) => new(probe ?? new FakeHostProbe(), role);

    [Fact]
    public void Prepared_disks_have_their_defaults_backend_and_role_and_build_to_arguments()
    {
        DiskPreparationResult result = PreparedDisks.Prepare(["format=qcow2,vdev=hdb,target=/i/a.qcow2"], Host());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        PreparedDisk disk = Assert.Single(result.Disks);
        Assert.Equal((0, "hdb", DiskBackend.Qdisk, ColoRole.None, true), (disk.Index, disk.Vdev, disk.Backend, disk.Role, disk.IsLocal));
        Assert.Contains("Disk vdev=hdb, using backend qdisk", disk.BackendReasons);
        Assert.Equal(
            ["-drive", "file=/i/a.qcow2,if=ide,index=1,media=disk,format=qcow2,cache=writeback"],
            DeviceModelArguments.Build(result.Disks).Arguments);
    }

    [Fact]
    public void A_target_that_cannot_be_stated_gives_libxls_error_and_no_disks_to_build_from()
    {
        var probe = new FakeHostProbe().With("/i/gone.img", HostPathStatus.Missing());

        DiskPreparationResult result = PreparedDisks.Prepare(["vdev=xvda,target=/i/gone.img"], Host(probe: probe));

        Assert.False(result.Succeeded);
        Assert.Null(result.Disks);
        DiskPreparationError error = Assert.Single(result.Errors);
        Assert.Equal((0, DiskPreparationStep.Defaults, null), (error.DiskIndex, error.Step, error.Option));
        Assert.Equal("Disk vdev=xvda failed to stat: /i/gone.img: No such file or directory", error.ToString());
    }

    [Fact]
    public void Every_disk_is_checked_so_all_of_a_domains_problems_come_at_once()
    {
        var probe = new FakeHostProbe().With("/i/gone.img", HostPathStatus.Missing());

        DiskPreparationResult result = PreparedDisks.Prepare(["vdev=hda,target=/i/gone.img", "vdev=hdb,target=/i/ok.img", "vdev=nonsense,target=/i/b.img"], Host(probe: probe));

        Assert.Equal([0, 2], result.Errors.Select(e => e.DiskIndex));
        Assert.Equal("Invalid or unsupported virtual disk identifier nonsense", result.Errors[1].ToString());
        Assert.Equal(DiskPreparationStep.DeviceNumber, result.Errors[1].Step);
    }

    [Fact]
    public void A_disk_that_did_not_parse_gives_libxlutils_errors_as_values_and_nothing_is_prepared()
    {
        var probe = new FakeHostProbe();

        DiskPreparationResult result = PreparedDisks.Prepare(["vdev=hda,target=/i/a.img", "vdev=hdb,format=nope,target=/i/b.img"], Host(probe: probe));

        DiskPreparationError error = Assert.Single(result.Errors);
        Assert.Equal((1, DiskPreparationStep.Parse, "unknown value for format"), (error.DiskIndex, error.Step, error.Message));
        Assert.Equal("command line: config parsing error in disk specification: unknown value for format: near `nope' in `vdev=hdb,format=nope,target=/i/b.img'", error.ToString());
        Assert.NotNull(error.SpecError);
        Assert.Empty(probe.Asked);
    }

    [Fact]
    public void A_default_parse_result_is_refused_as_never_parsed()
    {
        DiskPreparationResult result = PreparedDisks.Prepare([DiskSpecParser.Parse("vdev=hda,target=/i/a.img"), default(DiskParseResult)], Host());

        Assert.Equal("disk 1 was never parsed (a default DiskParseResult)", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Preparing_copies_the_callers_disks_and_hands_out_only_copies()
    {
        DiskDevice mine = DiskSpecParser.Parse("vdev=hda,target=/i/a.img").Disk!;

        PreparedDisks disks = PreparedDisks.Prepare([mine], Host()).Disks!;
        mine.PdevPath = "json:{}";
        disks[0].ToDevice().PdevPath = "fat:rw:/";

        Assert.Equal(DiskBackend.Unknown, mine.Backend);
        Assert.Contains("file=/i/a.img,if=ide", DeviceModelArguments.Build(disks).Arguments[1], System.StringComparison.Ordinal);
        Assert.Equal("/i/a.img", disks[0].ToDevice().PdevPath);
    }

    [Fact]
    public void The_host_role_makes_colo_disks_primary_or_secondary()
    {
        const string Spec = "colo,colo-host=10.0.0.2,colo-port=9000,colo-export=colo1,active-disk=/a.qcow2,hidden-disk=/h.qcow2,vdev=hda,target=/i/p.img";

        PreparedDisk primary = PreparedDisks.Prepare([Spec], Host(ColoRole.Primary)).Disks![0];
        PreparedDisk secondary = PreparedDisks.Prepare([Spec], Host(ColoRole.Secondary)).Disks![0];

        Assert.Equal(ColoRole.Primary, primary.Role);
        Assert.Equal(ColoRole.Secondary, secondary.Role);
        Assert.Equal(new ColoAddress("10.0.0.2", "9000", "colo1"), secondary.ColoAddress);
    }

    [Fact]
    public void Disks_prepared_for_a_pv_guest_get_no_qemu_arguments_but_an_error()
    {
        PreparedDisks disks = PreparedDisks.Prepare(["vdev=xvda,target=/i/a.img"], Host() with { HvmGuest = false }).Disks!;

        DeviceModelResult built = DeviceModelArguments.Build(disks);

        Assert.False(built.Succeeded);
        Assert.Empty(built.Arguments);
    }

    [Fact]
    public void The_internal_builder_refuses_a_disk_that_was_never_prepared()
    {
        DiskDevice raw = DiskSpecParser.Parse("vdev=hda,target=/i/a.img").Disk!;

        DeviceModelResult built = DeviceModelArguments.Build([raw]);

        Assert.Equal(["disk hda was not prepared: its defaults, backend and COLO role are not set"], built.Errors);
        Assert.Empty(built.Arguments);
    }
}
