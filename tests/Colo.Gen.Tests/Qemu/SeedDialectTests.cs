using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Colo.Gen.Tests.Backends;
using Xunit;

namespace Colo.Gen.Tests.Qemu;

/// <summary>
/// The seed dialect against the seed patch's own format strings: each constant below is the
/// patch's <c>libxl__sprintf</c> format (its C literals joined), filled in as C's printf would.
/// </summary>
public sealed class SeedDialectTests
{
    // qemu_disk_ide_drive_string / qemu_disk_scsi_drive_string, LIBXL__COLO_NONE.
    private const string NoneIde = "file=%s,if=ide,index=%d,media=disk,format=%s,cache=writeback";
    private const string NoneScsi = "file=%s,if=scsi,bus=0,unit=%d,format=%s,cache=writeback";

    // LIBXL__COLO_PRIMARY.
    private const string PrimaryTail =
        "children.0.file.filename=%s,"
        + "children.0.driver=%s,"
        + "children.1.file.host=%s,"
        + "children.1.file.port=%s,"
        + "children.1.file.export=%s,"
        + "children.1.file.driver=nbd+colo,"
        + "children.1.driver=raw,"
        + "children.1.ignore-errors=on,"
        + "read-pattern=fifo";
    private const string PrimaryIde = "if=ide,index=%d,media=disk,cache=writeback,driver=quorum," + PrimaryTail;
    private const string PrimaryScsi = "if=scsi,bus=0,unit=%d,cache=writeback,driver=quorum," + PrimaryTail;

    // LIBXL__COLO_SECONDARY, and the NBD target drive libxl__build_device_model_args_new adds first.
    private const string SecondaryTail =
        "file=%s,"
        + "backing_reference.drive_id=%s,"
        + "backing_reference.hidden-disk.file.filename=%s,"
        + "backing_reference.hidden-disk.allow-write-backing-file=on,"
        + "export=%s";
    private const string SecondaryIde = "if=ide,index=%d,media=disk,cache=writeback,driver=qcow2+colo," + SecondaryTail;
    private const string SecondaryScsi = "if=scsi,bus=0,unit=%d,cache=writeback,driver=qcow2+colo," + SecondaryTail;
    private const string NbdTarget = "if=none,driver=%s,file=%s,id=%s";
    private const string NbdTargetId = "nbd_target%d";

    private const string Colo = "colo,colo-params=10.0.0.2:9000:exportname=colo1,active-disk=/a.qcow2,hidden-disk=/h.qcow2,";

    /// <summary>C's printf for %s and %d, enough for libxl's format strings.</summary>
    private static string C(string format, params object[] values)
    {
        int next = 0;
        return Regex.Replace(format, "%[sd]", _ => System.Convert.ToString(values[next++], CultureInfo.InvariantCulture)!);
    }

    private static DeviceModelResult Build(ColoRole host, params string[] specs) =>
        DeviceModelArguments.Build(specs.Select(s => TestDisks.Prepared(s, host)).ToList(), QemuDialect.Seed);

    private static List<string> Drives(DeviceModelResult result)
    {
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.All(result.Arguments.Where((_, i) => i % 2 == 0), a => Assert.Equal("-drive", a));
        return result.Arguments.Where((_, i) => i % 2 == 1).ToList();
    }

    [Fact]
    public void Plain_ide_and_scsi_disks_are_the_patchs_none_strings()
    {
        List<string> drives = Drives(Build(ColoRole.Primary, "vdev=hda,target=/i/a.img", "format=qcow2,vdev=sdc,target=/i/c.qcow2", "format=vhd,vdev=hdb,target=/i/b.vhd"));
        Assert.Equal(
            [C(NoneIde, "/i/a.img", 0, "raw"), C(NoneScsi, "/i/c.qcow2", 2, "qcow2"), C(NoneIde, "/i/b.vhd", 1, "vpc")],
            drives);
    }

    [Fact]
    public void A_colo_primary_is_the_patchs_quorum_with_an_nbd_colo_child()
    {
        List<string> drives = Drives(Build(ColoRole.Primary, Colo + "vdev=hda,target=/i/p.img", Colo + "format=qcow2,vdev=sdb,target=/i/q.qcow2"));
        Assert.Equal(
            [C(PrimaryIde, 0, "/i/p.img", "raw", "10.0.0.2", "9000", "colo1"), C(PrimaryScsi, 1, "/i/q.qcow2", "qcow2", "10.0.0.2", "9000", "colo1")],
            drives);
    }

    [Fact]
    public void A_colo_secondary_is_the_nbd_target_then_the_patchs_qcow2_colo_drive()
    {
        List<string> drives = Drives(Build(ColoRole.Secondary, Colo + "vdev=hdb,target=/i/s.img", Colo + "vdev=sdc,target=/i/t.img"));
        string ide = C(NbdTargetId, 1);
        string scsi = C(NbdTargetId, 2 + 4);
        Assert.Equal(
        [
            C(NbdTarget, "raw", "/i/s.img", ide), C(SecondaryIde, 1, "/a.qcow2", ide, "/h.qcow2", "colo1"),
            C(NbdTarget, "raw", "/i/t.img", scsi), C(SecondaryScsi, 2, "/a.qcow2", scsi, "/h.qcow2", "colo1"),
        ], drives);
    }

    [Fact]
    public void Upstream_colo_fields_fill_the_seeds_strings_too()
    {
        List<string> drives = Drives(Build(ColoRole.Primary, "colo,colo-host=h2,colo-port=7000,colo-export=e2,active-disk=/a,hidden-disk=/h,vdev=hda,target=/i/p.img"));
        Assert.Equal([C(PrimaryIde, 0, "/i/p.img", "raw", "h2", "7000", "e2")], drives);
    }

    [Theory]
    [InlineData("10.0.0.2:9000")]
    [InlineData(":9000:exportname=e")]
    [InlineData("h::exportname=e")]
    [InlineData("h:9000:export=e")]
    [InlineData("h:9000:exportname=")]
    public void Colo_params_that_do_not_split_give_the_seeds_warning_and_no_drive(string coloParams)
    {
        foreach (ColoRole role in new[] { ColoRole.Primary, ColoRole.Secondary })
        {
            DeviceModelResult result = Build(role, $"colo,colo-params={coloParams},active-disk=/a,hidden-disk=/h,vdev=hda,target=/i/p.img", "vdev=hdb,target=/i/b.img");
            Assert.Equal(["colo-params is invalid for /i/p.img"], result.Warnings);
            Assert.Equal([C(NoneIde, "/i/b.img", 1, "raw")], Drives(result));
        }
    }

    [Fact]
    public void Disks_past_the_fourth_ide_index_are_not_emulated()
    {
        Assert.Empty(Drives(Build(ColoRole.Primary, "vdev=xvde,target=/i/e.img")));
        Assert.Empty(Drives(Build(ColoRole.Secondary, Colo + "vdev=xvde,target=/i/e.img")));
    }

    [Fact]
    public void Cdroms_are_the_seed_libxls_media_cdrom_drives()
    {
        List<string> drives = Drives(Build(ColoRole.Primary, "vdev=hdc,devtype=cdrom,target=/i/cd.iso", "vdev=hdd,devtype=cdrom"));
        Assert.Equal(
        [
            C("file=%s,if=ide,index=%d,readonly=%s,media=cdrom,format=%s,cache=writeback,id=ide-%d", "/i/cd.iso", 2, "on", "raw", 5632),
            C("if=ide,index=%d,readonly=%s,media=cdrom,cache=writeback,id=ide-%d", 3, "on", 5696),
        ], drives);
    }

    [Fact]
    public void A_read_only_disk_is_an_error()
    {
        DeviceModelResult result = Build(ColoRole.Primary, "vdev=hda,access=ro,target=/i/a.img");
        Assert.Equal(["qemu-xen doesn't support read-only disk drivers"], result.Errors);
    }

    [Fact]
    public void User_values_are_escaped_in_the_seed_dialect_too()
    {
        DiskDevice disk = TestDisks.Prepared(Colo + "vdev=hda,target=/i/p,if=none", ColoRole.Secondary);
        disk.ColoParams = "10.0.0.2:9000:exportname=e_x";
        disk.ActiveDisk = "/a,b.qcow2";
        List<string> drives = Drives(DeviceModelArguments.Build([disk], QemuDialect.Seed));
        Assert.Equal(C(NbdTarget, "raw", "/i/p,,if=none", "nbd_target0"), drives[0]);
        Assert.Equal(C(SecondaryIde, 0, "/a,,b.qcow2", "nbd_target0", "/h.qcow2", "e_x"), drives[1]);
    }

    [Fact]
    public void A_colo_params_export_name_that_is_not_a_qemu_identifier_is_an_error_naming_it()
    {
        DiskDevice disk = TestDisks.Prepared(Colo + "vdev=hda,target=/i/p", ColoRole.Primary);
        disk.ColoParams = "10.0.0.2:9000:exportname=e,x";
        DeviceModelResult result = DeviceModelArguments.Build([disk], QemuDialect.Seed);
        Assert.Empty(result.Arguments);
        Assert.Equal(["colo-params exportname \"e,x\" is not a QEMU identifier (a letter, then letters, digits, '-', '.' or '_')"], result.Errors);
    }
}
