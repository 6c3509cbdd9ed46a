using System;
using System.IO;
using Colo.Gen.Cli;
using Colo.Gen.Tests.Infrastructure;
using Xunit;

namespace Colo.Gen.Tests.Cli;

/// <summary><c>colo-disk config</c>, <c>parse --config</c> and <c>qemu-args --config</c>: output, messages and exit codes.</summary>
public sealed class ConfigCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("colo-config-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string File(string name, string content)
    {
        string path = Path.Combine(_dir.FullName, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private string Image(string name) => File(name, new string('\0', 4096));

    private static (int Status, string Out, string Error) Run(params string[] args) => ColoDisk.Run(args);

    /// <summary>An HVM guest with one COLO disk (upstream syntax) and one plain SCSI disk.</summary>
    private string HvmGuest(out string coloDisk, out string plainDisk)
    {
        string primary = Image("primary.img");
        string data = Image("data.img");
        coloDisk = $"vdev=hda,format=raw,colo,colo-host=192.0.2.2,colo-port=9000,colo-export=disk0,active-disk={_dir.FullName}/active.qcow2,hidden-disk={_dir.FullName}/hidden.qcow2,target={primary}";
        plainDisk = $"vdev=sdb,format=raw,access=rw,target={data}";
        return File("hvm.cfg", $"""
            # a COLO-protected HVM guest
            type = "hvm"
            name = "colo-guest"
            memory = 2048
            vcpus = 2
            disk = [ '{coloDisk}',
                     "{plainDisk}",
                   ]
            """);
    }

    [Fact]
    public void Config_prints_each_setting_with_its_line_and_value_as_json()
    {
        string path = File("g.cfg", "name = \"guest\"\nmemory = 1024\ndisk = [ 'vdev=xvda,target=/x', ]\nextra = 'a'\nextra += \"b\"\n");

        (int status, string output, string error) = Run("config", path);

        Assert.Equal(0, status);
        Assert.Equal("", error);
        Assert.Equal("1: name = \"guest\"\n2: memory = \"1024\"\n3: disk = [\"vdev=xvda,target=/x\"]\n4: extra = \"a\"\n5: extra += \"ab\"\n", output);
    }

    [Fact]
    public void Config_with_an_error_prints_libxlutils_message_what_was_kept_and_status_1()
    {
        string path = File("bad.cfg", "name = \"guest\"\nmemory = = 1\nvcpus = 2\n");

        (int status, string output, string error) = Run("config", path);

        Assert.Equal(1, status);
        Assert.Equal("1: name = \"guest\"\n", output);
        Assert.Equal($"{path}:2: config parsing error near `=': syntax error, unexpected '=', expecting STRING or NUMBER or '['\n", error);
    }

    [Fact]
    public void Config_of_a_missing_file_is_status_1_and_without_a_file_is_usage_status_2()
    {
        string missing = Path.Combine(_dir.FullName, "none.cfg");

        (int status, _, string error) = Run("config", missing);
        (int usage, _, string usageError) = Run("config");

        Assert.Equal(1, status);
        Assert.Equal($"{missing}: unable to open configuration file: No such file or directory\n", error);
        Assert.Equal(2, usage);
        Assert.Contains("no configuration file given", usageError, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_of_a_directory_says_it_is_a_directory_with_status_1()
    {
        (int status, string output, string error) = Run("config", _dir.FullName);

        Assert.Equal(1, status);
        Assert.Equal("", output);
        Assert.Equal($"{_dir.FullName}: unable to open configuration file: Is a directory\n", error);
    }

    [Fact]
    public void Parse_config_prints_each_disk_as_parse_prints_it()
    {
        string path = HvmGuest(out string coloDisk, out string plainDisk);

        (int status, string output, string error) = Run("parse", "--config", path);

        Assert.Equal(0, status);
        Assert.Equal("", error);
        Assert.Equal(Run("parse", coloDisk).Out + Run("parse", plainDisk).Out, output);
    }

    [Fact]
    public void Parse_config_stops_at_the_first_bad_disk_with_errors_naming_the_file()
    {
        string path = File("d.cfg", "disk = [ 'vdev=xvda,target=/a', 'vdev=xvdb,format=nope,target=/b', 'vdev=xvdc,target=/c' ]\n");

        (int status, string output, string error) = Run("parse", "--config", path);

        Assert.Equal(1, status);
        Assert.Equal(Run("parse", "vdev=xvda,target=/a").Out, output);
        Assert.Equal($"{path}: config parsing error in disk specification: unknown value for format: near `nope' in `vdev=xvdb,format=nope,target=/b'\n", error);
    }

    [Fact]
    public void Parse_config_with_a_single_value_disk_warns_and_finds_no_disk()
    {
        string path = File("s.cfg", "disk = 'vdev=xvda,target=/a'\n");

        (int status, string output, string error) = Run("parse", "--config", path);

        Assert.Equal(0, status);
        Assert.Equal("", output);
        Assert.Equal($"{path}:1: warning: parameter `disk' is a single value but should be a list\n", error);
    }

    [Fact]
    public void Parse_config_with_a_spec_too_is_a_usage_error()
    {
        string path = File("u.cfg", "disk = []\n");

        Assert.Equal(2, Run("parse", "--config", path, "vdev=xvda,target=/a").Status);
        Assert.Equal(2, Run("parse", "--config", path, "--jsonl").Status);
    }

    [Fact]
    public void Qemu_args_config_on_an_hvm_guest_prints_what_qemu_args_prints_for_its_disks()
    {
        string path = HvmGuest(out string coloDisk, out string plainDisk);

        foreach (string[] options in new[] { Array.Empty<string>(), ["--colo-restore"], ["--dialect", "seed"] })
        {
            (int status, string output, string error) = Run(["qemu-args", "--config", path, .. options]);
            (int direct, string expected, string expectedError) = Run(["qemu-args", .. options, coloDisk, plainDisk]);

            Assert.Equal(0, direct);
            Assert.Equal((0, expected, expectedError), (status, output, error));
            Assert.Contains("-drive\n", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Qemu_args_config_on_a_pv_guest_says_no_drive_is_emulated()
    {
        string image = Image("pv.img");
        string path = File("pv.cfg", $"name = \"pv\"\nkernel = \"/boot/vmlinuz\"\ndisk = [ 'vdev=xvda,target={image}' ]\n");

        (int status, string output, string error) = Run("qemu-args", "--config", path);

        Assert.Equal(0, status);
        Assert.Equal("", output);
        Assert.Equal($"colo-disk qemu-args: {path}: the guest is PV, and libxl emulates no drive for a PV guest: no QEMU drive arguments (1 disk(s) served by their PV backends)\n", error);
    }

    [Fact]
    public void Qemu_args_config_on_a_pvh_guest_says_no_drive_is_emulated_either()
    {
        string image = Image("pvh.img");
        string path = File("pvh.cfg", $"type = \"pvh\"\ndisk = [ 'vdev=xvda,target={image}', 'vdev=xvdb,target={image}' ]\n");

        (int status, string output, string error) = Run("qemu-args", "--config", path);

        Assert.Equal(0, status);
        Assert.Equal("", output);
        Assert.Contains("the guest is PVH, and libxl emulates no drive for a PVH guest: no QEMU drive arguments (2 disk(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Qemu_args_config_refuses_a_type_xl_refuses()
    {
        string unknown = File("t.cfg", "type = \"hvmx\"\ndisk = []\n");
        string contradicting = File("c.cfg", "type = \"pv\"\nbuilder = \"hvm\"\ndisk = []\n");

        (int status, _, string error) = Run("qemu-args", "--config", unknown);
        (int status2, _, string error2) = Run("qemu-args", "--config", contradicting);

        Assert.Equal((1, "Invalid domain type hvmx.\n"), (status, error));
        Assert.Equal((1, "Contradicting \"builder\" and \"type\" options specified.\n"), (status2, error2));
    }

    [Fact]
    public void Qemu_args_config_of_a_file_that_does_not_read_is_status_1()
    {
        string path = File("r.cfg", "type = \"hvm\"\ndisk = [ 'vdev=hda,target=/x'\n");

        (int status, string output, string error) = Run("qemu-args", "--config", path);

        Assert.Equal(1, status);
        Assert.Equal("", output);
        Assert.StartsWith($"{path}:2: config parsing error near `': syntax error, unexpected $end, expecting ']'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Qemu_args_needs_disks_or_a_config_but_not_both()
    {
        string path = File("b.cfg", "disk = []\n");

        Assert.Equal(2, Run("qemu-args").Status);
        Assert.Equal(2, Run("qemu-args", "--config", path, "vdev=hda,target=/x").Status);
    }
}
