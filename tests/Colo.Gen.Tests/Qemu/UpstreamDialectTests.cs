using System.Collections.Generic;
using System.Linq;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Colo.Gen.Tests.Backends;
using Xunit;

namespace Colo.Gen.Tests.Qemu;

/// <summary>The upstream dialect: today's libxl_dm.c strings, the ones QEMU 7.2 accepts.</summary>
public sealed class UpstreamDialectTests
{
    private const string Colo = "colo,colo-host=10.0.0.2,colo-port=9000,colo-export=colo1,active-disk=/a.qcow2,hidden-disk=/h.qcow2,";

    private static DeviceModelResult Build(ColoRole host, params string[] specs) =>
        DeviceModelArguments.Build(specs.Select(s => TestDisks.Prepared(s, host)).ToList());

    private static IReadOnlyList<string> Arguments(DeviceModelResult result)
    {
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Arguments;
    }

    [Fact]
    public void A_plain_ide_disk_is_one_if_ide_drive()
    {
        Assert.Equal(
            ["-drive", "file=/i/a.qcow2,if=ide,index=1,media=disk,format=qcow2,cache=writeback"],
            Arguments(Build(ColoRole.Primary, "format=qcow2,vdev=hdb,target=/i/a.qcow2")));
    }

    [Fact]
    public void Scsi_disks_get_one_controller_first_then_a_drive_and_a_scsi_hd_each()
    {
        Assert.Equal(
        [
            "-device", "lsi53c895a",
            "-drive", "file=/i/a.img,if=ide,index=0,media=disk,format=raw,cache=writeback",
            "-drive", "file=/i/b.img,id=scsi0-hd1,format=raw,if=none,readonly=off,cache=writeback",
            "-device", "scsi-hd,drive=scsi0-hd1,scsi-id=1",
            "-drive", "file=/i/c.img,id=scsi0-hd3,format=raw,if=none,readonly=on,cache=writeback",
            "-device", "scsi-hd,drive=scsi0-hd3,scsi-id=3",
        ], Arguments(Build(ColoRole.Primary, "vdev=hda,target=/i/a.img", "vdev=sdb,target=/i/b.img", "vdev=sdd,access=ro,target=/i/c.img")));
    }

    [Fact]
    public void A_scsi_cdrom_alone_adds_no_controller()
    {
        Assert.DoesNotContain("lsi53c895a", Arguments(Build(ColoRole.Primary, "vdev=sda,devtype=cdrom,target=/i/cd.iso")));
    }

    [Fact]
    public void Cdroms_are_read_only_if_none_drives_under_ide_cd_devices()
    {
        Assert.Equal(
        [
            "-drive", "if=none,readonly=on,id=ide-5632,file=/i/cd.iso,format=raw",
            "-device", "ide-cd,id=ide-5632,drive=ide-5632,bus=ide.1,unit=0",
            "-drive", "if=none,readonly=on,id=ide-832",
            "-device", "ide-cd,id=ide-832,drive=ide-832,bus=ide.0,unit=1",
        ], Arguments(Build(ColoRole.Primary, "vdev=hdc,devtype=cdrom,target=/i/cd.iso", "vdev=hdb,devtype=cdrom")));
    }

    [Fact]
    public void A_colo_primary_ide_disk_is_a_one_child_quorum_named_after_the_export()
    {
        Assert.Equal(
            ["-drive", "if=ide,index=0,media=disk,cache=writeback,driver=quorum,id=colo1,children.0.file.filename=/i/p.img,children.0.driver=raw,read-pattern=fifo,vote-threshold=1"],
            Arguments(Build(ColoRole.Primary, Colo + "vdev=hda,target=/i/p.img")));
    }

    [Fact]
    public void A_colo_secondary_ide_disk_is_the_exported_drive_then_the_replication_top()
    {
        Assert.Equal(
        [
            "-drive", "if=none,driver=raw,file=/i/s.img,id=colo1",
            "-drive", "if=ide,index=0,id=top-colo,media=disk,cache=writeback,driver=replication,mode=secondary,top-id=top-colo,file.driver=qcow2,file.file.filename=/a.qcow2,file.backing.driver=qcow2,file.backing.file.filename=/h.qcow2,file.backing.backing=colo1",
        ], Arguments(Build(ColoRole.Secondary, Colo + "vdev=hda,target=/i/s.img")));
    }

    [Fact]
    public void Colo_scsi_disks_put_the_same_bodies_after_the_if_none_head()
    {
        Assert.Equal(
        [
            "-device", "lsi53c895a",
            "-drive", "if=none,readonly=off,cache=writeback,id=colo1,driver=quorum,children.0.file.filename=/i/p.img,children.0.driver=raw,read-pattern=fifo,vote-threshold=1",
            "-device", "scsi-hd,drive=colo1,scsi-id=0",
        ], Arguments(Build(ColoRole.Primary, Colo + "vdev=sda,target=/i/p.img")));
        Assert.Equal(
        [
            "-device", "lsi53c895a",
            "-drive", "if=none,driver=raw,file=/i/s.img,id=colo1,readonly=off",
            "-drive", "if=none,readonly=off,cache=writeback,id=top-colo,driver=replication,mode=secondary,top-id=top-colo,file.driver=qcow2,file.file.filename=/a.qcow2,file.backing.driver=qcow2,file.backing.file.filename=/h.qcow2,file.backing.backing=colo1",
            "-device", "scsi-hd,drive=top-colo,scsi-id=0",
        ], Arguments(Build(ColoRole.Secondary, Colo + "vdev=sda,target=/i/s.img")));
    }

    [Fact]
    public void The_seeds_colo_params_give_the_upstream_export()
    {
        Assert.Equal(
            ["-drive", "if=none,driver=raw,file=/i/s.img,id=e9"],
            Arguments(Build(ColoRole.Secondary, "colo,colo-params=h:1:exportname=e9,active-disk=/a,hidden-disk=/h,vdev=hda,target=/i/s.img")).Take(2));
    }

    [Fact]
    public void An_invalid_colo_address_gives_the_seeds_warning_and_no_drive()
    {
        DeviceModelResult result = Build(ColoRole.Secondary, "colo,colo-params=nonsense,active-disk=/a,hidden-disk=/h,vdev=hda,target=/i/s.img");
        Assert.Equal(["colo-params is invalid for /i/s.img"], result.Warnings);
        Assert.Empty(Arguments(result));
    }

    [Fact]
    public void A_qcow2_image_on_a_non_qdisk_backend_is_given_to_qemu_as_raw()
    {
        DiskDevice disk = TestDisks.Prepared("vdev=hda,target=/dev/vg/guest", probe: new FakeHostProbe().With("/dev/vg/guest", HostPathStatus.BlockDevice));
        Assert.Equal(DiskBackend.Phy, disk.Backend);
        Assert.Equal(["-drive", "file=/dev/vg/guest,if=ide,index=0,media=disk,format=raw,cache=writeback"], Arguments(DeviceModelArguments.Build([disk])));
    }

    [Fact]
    public void Disks_qemu_does_not_emulate_are_left_out_with_libxls_warnings()
    {
        DiskDevice number = TestDisks.Prepared("vdev=51712,target=/i/n.img");
        DiskDevice fifth = TestDisks.Prepared("vdev=xvde,target=/i/e.img");
        DiskDevice fifthCd = TestDisks.Prepared("vdev=xvde,devtype=cdrom,target=/i/e.iso");
        DiskDevice scripted = TestDisks.Prepared("vdev=hda,script=block-x,target=x");
        DeviceModelResult result = DeviceModelArguments.Build([number, fifth, fifthCd, scripted]);

        Assert.Empty(Arguments(result));
        Assert.Equal(
        [
            "unable to determine disk number for 51712",
            "Only 4 emulated IDE disks are supported.\nDisk xvde will be available via PV drivers but not as an emulated disk.",
            "Emulated CDROM can be only one of the first 4 disks.\nDisk xvde will be available via PV drivers but not as an emulated disk.",
            "No way to get local access disk to image: hda\nDisk will be available via PV drivers but not as an emulated disk.",
        ], result.Warnings);
    }

    [Fact]
    public void A_read_only_ide_disk_is_an_error()
    {
        Assert.Equal(["qemu-xen doesn't support read-only IDE disk drivers"], Build(ColoRole.Primary, "vdev=hda,access=ro,target=/i/a.img").Errors);
    }

    [Fact]
    public void A_target_with_option_text_stays_one_value()
    {
        IReadOnlyList<string> arguments = Arguments(Build(ColoRole.Primary, "vdev=hda,target=/i/a,b,if=none,id=x.img"));
        Assert.Equal("file=/i/a,,b,,if=none,,id=x.img,if=ide,index=0,media=disk,format=raw,cache=writeback", arguments[1]);
        Assert.Equal(["file=/i/a,b,if=none,id=x.img", "if=ide", "index=0", "media=disk", "format=raw", "cache=writeback"], QemuOptionValueTests.SplitLikeQemu(arguments[1]));
    }

    [Fact]
    public void Every_colo_value_is_escaped()
    {
        DiskDevice disk = TestDisks.Prepared(Colo + "vdev=hda,target=/i/s,x", ColoRole.Secondary);
        disk.ColoExport = "e.1";
        disk.ActiveDisk = "/a,b";
        disk.HiddenDisk = "/h,c";
        IReadOnlyList<string> arguments = Arguments(DeviceModelArguments.Build([disk]));
        Assert.Equal("if=none,driver=raw,file=/i/s,,x,id=e.1", arguments[1]);
        Assert.Equal(
            ["if=ide", "index=0", "id=top-colo", "media=disk", "cache=writeback", "driver=replication", "mode=secondary", "top-id=top-colo", "file.driver=qcow2",
             "file.file.filename=/a,b", "file.backing.driver=qcow2", "file.backing.file.filename=/h,c", "file.backing.backing=e.1"],
            QemuOptionValueTests.SplitLikeQemu(arguments[3]));
    }

    [Theory]
    [InlineData("e,file=/etc/shadow")] // would be escaped, but is a drive id: QEMU would refuse it
    [InlineData("e0=x:y")] // the example
    [InlineData("0e")] // an identifier starts with a letter
    [InlineData("e x")]
    public void A_colo_export_that_is_not_a_qemu_identifier_is_an_error_naming_the_option(string export)
    {
        foreach (ColoRole role in new[] { ColoRole.Primary, ColoRole.Secondary })
        {
            DiskDevice disk = TestDisks.Prepared(Colo + "vdev=hda,target=/i/s", role);
            disk.ColoExport = export;
            DeviceModelResult result = DeviceModelArguments.Build([disk]);
            Assert.Empty(result.Arguments);
            Assert.Equal([$"colo-export \"{export}\" is not a QEMU identifier (a letter, then letters, digits, '-', '.' or '_')"], result.Errors);
        }
    }

    [Fact]
    public void A_value_qemu_cannot_take_is_an_error_and_no_drive()
    {
        DiskDevice disk = TestDisks.Prepared("vdev=hda,target=/i/a.img");
        disk.PdevPath = "/i/a\nb.img";
        DeviceModelResult result = DeviceModelArguments.Build([disk]);
        Assert.Empty(result.Arguments);
        Assert.Equal(["target \"/i/a\\nb.img\" holds a line break, which QEMU cannot take in an option value"], result.Errors);
    }
}
