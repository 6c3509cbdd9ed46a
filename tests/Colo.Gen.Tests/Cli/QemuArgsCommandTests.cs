using System;
using System.IO;
using Colo.Gen.Cli;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Cli;

public sealed class QemuArgsCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("colo-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Image(string name)
    {
        string path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, new byte[4096]);
        return path;
    }

    private static (int Status, string Out, string Error) Run(params string[] args) => ColoDisk.Run(args);

    private string ColoSpec(string target) =>
        $"colo,colo-params=127.0.0.1:9000:exportname=colo1,active-disk={_dir.FullName}/a.qcow2,hidden-disk={_dir.FullName}/h.qcow2,vdev=hda,target={target}";

    [Fact]
    public void Upstream_is_the_default_and_prints_one_argument_a_line()
    {
        string image = Image("p.img");
        (int status, string output, string error) = Run("qemu-args", ColoSpec(image));
        Assert.Equal(0, status);
        Assert.Equal("", error);
        Assert.Equal($"-drive\nif=ide,index=0,media=disk,cache=writeback,driver=quorum,id=colo1,children.0.file.filename={image},children.0.driver=raw,read-pattern=fifo,vote-threshold=1\n", output);
    }

    [Fact]
    public void Colo_restore_makes_this_host_the_secondary()
    {
        string image = Image("s.img");
        (int status, string output, _) = Run("qemu-args", "--colo-restore", ColoSpec(image));
        Assert.Equal(0, status);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(["-drive", $"if=none,driver=raw,file={image},id=colo1", "-drive"], lines[..3]);
        Assert.StartsWith("if=ide,index=0,id=top-colo,media=disk,cache=writeback,driver=replication,mode=secondary,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_dialect_prints_the_patchs_strings()
    {
        string image = Image("s.img");
        (int status, string output, _) = Run("qemu-args", "--dialect", "seed", "--colo-restore", ColoSpec(image));
        Assert.Equal(0, status);
        Assert.Equal(
            $"-drive\nif=none,driver=raw,file={image},id=nbd_target0\n-drive\nif=ide,index=0,media=disk,cache=writeback,driver=qcow2+colo,file={_dir.FullName}/a.qcow2,backing_reference.drive_id=nbd_target0,backing_reference.hidden-disk.file.filename={_dir.FullName}/h.qcow2,backing_reference.hidden-disk.allow-write-backing-file=on,export=colo1\n",
            output);
    }

    [Fact]
    public void Several_disks_keep_their_order_and_a_comma_target_stays_one_value()
    {
        string plain = Image("a.img");
        string odd = Image("b,if=none,id=x.img");
        (int status, string output, _) = Run("qemu-args", $"vdev=hda,target={plain}", $"vdev=sdb,target={odd}");
        Assert.Equal(0, status);
        Assert.Equal(
            $"-device\nlsi53c895a\n-drive\nfile={plain},if=ide,index=0,media=disk,format=raw,cache=writeback\n"
            + $"-drive\nfile={odd.Replace(",", ",,", StringComparison.Ordinal)},id=scsi0-hd1,format=raw,if=none,readonly=off,cache=writeback\n-device\nscsi-hd,drive=scsi0-hd1,scsi-id=1\n",
            output);
    }

    [Fact]
    public void A_parse_error_is_libxlutils_message_and_status_1()
    {
        (int status, string output, string error) = Run("qemu-args", "vdev=hda,format=nope,target=/x");
        Assert.Equal(1, status);
        Assert.Equal("", output);
        Assert.Contains("config parsing error in disk specification: unknown value for format", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_target_is_libxls_stat_error()
    {
        string missing = Path.Combine(_dir.FullName, "absent.img");
        (int status, string output, string error) = Run("qemu-args", $"vdev=hda,target={missing}");
        Assert.Equal(1, status);
        Assert.Equal("", output);
        Assert.Equal($"Disk vdev=hda failed to stat: {missing}: No such file or directory\n", error);
    }

    [Fact]
    public void Warnings_go_to_stderr_and_the_rest_is_printed()
    {
        string image = Image("a.img");
        (int status, string output, string error) = Run("qemu-args", $"vdev=xvde,target={image}", $"vdev=hda,target={image}");
        Assert.Equal(0, status);
        Assert.Equal("Only 4 emulated IDE disks are supported.\nDisk xvde will be available via PV drivers but not as an emulated disk.\n", error);
        Assert.StartsWith("-drive\nfile=", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_ide_disk_fails_with_libxls_error()
    {
        string image = Image("a.img");
        (int status, string output, string error) = Run("qemu-args", $"vdev=hda,access=ro,target={image}");
        Assert.Equal(1, status);
        Assert.Equal("", output);
        Assert.Equal("qemu-xen doesn't support read-only IDE disk drivers\n", error);
    }

    [Fact]
    public void An_unknown_dialect_and_no_disk_are_usage_errors()
    {
        Assert.Equal(2, Run("qemu-args", "--dialect", "xen", "vdev=hda,target=/x").Status);
        Assert.Equal(2, Run("qemu-args").Status);
    }

    [Fact]
    public void NoProbe_TakesPhyWhenTheSpecNamesIt_LeavingTheBlockDeviceCheckToTheGuestsHost()
    {
        Assert.Equal(1, Run("qemu-args", "vdev=hda,backendtype=phy,target=/dev/vg/absent-here").Status);

        (int status, string output, string error) = Run("qemu-args", "--no-probe", "vdev=hda,backendtype=phy,target=/dev/vg/absent-here");

        Assert.Equal(0, status);
        Assert.Equal("", error);
        Assert.Equal("-drive\nfile=/dev/vg/absent-here,if=ide,index=0,media=disk,format=raw,cache=writeback\n", output);
    }

    [Fact]
    public void NoProbe_SaysInItsHelpThatNothingOnThisHostIsExamined()
    {
        string help = Run("qemu-args", "--help").Out;

        Assert.Contains("--no-probe", help, StringComparison.Ordinal);
        Assert.Contains("nothing on this one is examined", help, StringComparison.Ordinal);
        Assert.Contains("else qdisk", help, StringComparison.Ordinal);
    }

    [Fact]
    public void No_probe_builds_arguments_for_a_target_that_is_not_on_this_host()
    {
        string elsewhere = Path.Combine(_dir.FullName, "on-the-other-host.img");

        (int status, string output, string error) = Run("qemu-args", "--no-probe", $"vdev=hda,target={elsewhere}");

        Assert.Equal((0, ""), (status, error));
        Assert.Equal($"-drive\nfile={elsewhere},if=ide,index=0,media=disk,format=raw,cache=writeback\n", output);
    }

    [Fact]
    public void A_colo_disk_without_its_host_names_the_option_beside_libxls_line()
    {
        (int status, _, string error) = Run("qemu-args", $"colo,colo-port=9000,colo-export=colo1,active-disk=/a,hidden-disk=/h,vdev=hda,target={Image("p.img")}");

        Assert.Equal(1, status);
        Assert.Equal("no suitable backend for disk hda\ndisk hda: COLO needs colo-host=HOST, the address of the secondary's NBD server\n", error);
    }
}
