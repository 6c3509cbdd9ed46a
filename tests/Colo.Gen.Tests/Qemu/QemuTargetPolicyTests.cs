using System;
using System.Collections.Generic;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Colo.Gen.Tests.Backends;
using Xunit;

namespace Colo.Gen.Tests.Qemu;

/// <summary>
/// No disk spec chooses a QEMU pseudo-protocol or a host-exposing driver through an image name
/// unless the caller's policy allows it; the network protocols libxl users rely on stay usable,
/// and a relative name with a colon is the file it names.
/// </summary>
public sealed class QemuTargetPolicyTests
{
    private const string Colo = "colo,colo-host=10.0.0.2,colo-port=9000,colo-export=colo1,active-disk=/a.qcow2,hidden-disk=/h.qcow2,";

    private static DeviceModelResult Build(string target, QemuDialect dialect = QemuDialect.Upstream, QemuTargetPolicy? policy = null)
    {
        DiskDevice disk = TestDisks.Prepared("vdev=hda,backendtype=qdisk,target=" + target);
        return DeviceModelArguments.Build([disk], dialect, policy);
    }

    [Theory]
    [InlineData("json:{\"driver\":\"raw\",\"file\":{\"driver\":\"null-co\"}}", "json")] // the issue's case: any driver, any option
    [InlineData("fat:rw:/some/host/dir", "fat")] // a host directory, read-write, to the guest
    [InlineData("fat:/etc", "fat")]
    [InlineData("null-co://", "null-co")]
    [InlineData("blkdebug:/etc/rules:/x.img", "blkdebug")]
    [InlineData("host_device:/dev/sda", "host_device")]
    [InlineData("nvme://0000:44:00.0/1", "nvme")]
    [InlineData("http://example.invalid/a.img", "http")]
    [InlineData("file:/x.img", "file")]
    [InlineData("json:/x", "json")]
    public void A_target_naming_a_protocol_the_default_policy_does_not_allow_is_an_error_in_both_dialects(string target, string protocol)
    {
        foreach (QemuDialect dialect in new[] { QemuDialect.Upstream, QemuDialect.Seed })
        {
            DeviceModelResult result = Build(target, dialect);

            Assert.Empty(result.Arguments);
            Assert.Equal([$"target \"{target}\" would make QEMU use its \"{protocol}\" protocol, which the target policy does not allow (a file of that name is written ./{target})"], result.Errors);
        }
    }

    [Theory]
    [InlineData("vvfat:/etc")]
    public void The_vvfat_driver_name_is_refused_too(string target)
    {
        Assert.Single(Build(target).Errors);
    }

    [Theory]
    [InlineData("rbd:pool/image:auth_supported=none:mon_host=192.0.2.1\\:6789")] // Ceph as Xen's and libvirt's docs write it
    [InlineData("nbd:127.0.0.1:10809")]
    [InlineData("nbd://127.0.0.1:10809/export")]
    [InlineData("nbd+tcp://127.0.0.1/export")]
    [InlineData("iscsi://192.0.2.1/iqn.2001-05.com.example:target/0")]
    [InlineData("gluster://192.0.2.1/volume/image")]
    public void A_network_protocol_libxl_users_rely_on_reaches_qemu_as_written(string target)
    {
        DeviceModelResult result = Build(target);

        Assert.Empty(result.Errors);
        Assert.Equal($"file={target.Replace(",", ",,", StringComparison.Ordinal)},if=ide,index=0,media=disk,format=raw,cache=writeback", result.Arguments[1]);
    }

    [Theory]
    [InlineData("dir:x.img", "./dir:x.img")]
    [InlineData("RBD:x", "./RBD:x")] // QEMU's protocol names are case-sensitive: this is a file
    [InlineData(":x.img", "./:x.img")]
    [InlineData("my disk:1,2", "./my disk:1,,2")]
    public void A_relative_name_with_a_colon_that_is_no_protocol_is_written_as_that_very_file(string target, string written)
    {
        foreach (QemuDialect dialect in new[] { QemuDialect.Upstream, QemuDialect.Seed })
        {
            DeviceModelResult result = Build(target, dialect);

            Assert.Empty(result.Errors);
            Assert.StartsWith($"file={written},if=ide,index=0,", result.Arguments[1], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/images/a:b.img")] // a slash before the colon: QEMU reads a file name
    [InlineData("images/x:y")]
    [InlineData("plain.img")]
    public void A_name_qemu_reads_as_a_file_is_written_as_it_is(string target)
    {
        Assert.StartsWith($"file={target},", Build(target).Arguments[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("active-disk")]
    [InlineData("hidden-disk")]
    public void Active_and_hidden_disks_go_through_the_same_policy(string option)
    {
        foreach (ColoRole role in new[] { ColoRole.Primary, ColoRole.Secondary })
        {
            foreach (QemuDialect dialect in new[] { QemuDialect.Upstream, QemuDialect.Seed })
            {
                DiskDevice disk = TestDisks.Prepared(Colo + "vdev=hda,target=/i/s", role);
                if (option == "active-disk")
                {
                    disk.ActiveDisk = "fat:rw:/";
                }
                else
                {
                    disk.HiddenDisk = "fat:rw:/";
                }

                DeviceModelResult result = DeviceModelArguments.Build([disk], dialect);

                Assert.Empty(result.Arguments);
                Assert.Equal([$"{option} \"fat:rw:/\" would make QEMU use its \"fat\" protocol, which the target policy does not allow (a file of that name is written ./fat:rw:/)"], result.Errors);
            }
        }
    }

    [Fact]
    public void A_relative_active_disk_with_a_colon_is_written_as_that_file_in_the_colo_drive()
    {
        DiskDevice disk = TestDisks.Prepared(Colo + "vdev=hda,target=/i/s", ColoRole.Secondary);
        disk.ActiveDisk = "act:a.qcow2";

        DeviceModelResult result = DeviceModelArguments.Build([disk]);

        Assert.Contains("file.file.filename=./act:a.qcow2,", result.Arguments[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_caller_narrows_the_policy_to_refuse_outgoing_nbd()
    {
        DeviceModelResult result = Build("nbd:127.0.0.1:1", policy: QemuTargetPolicy.Default.Without("nbd"));

        Assert.Equal(["target \"nbd:127.0.0.1:1\" would make QEMU use its \"nbd\" protocol, which the target policy does not allow (a file of that name is written ./nbd:127.0.0.1:1)"], result.Errors);
        Assert.Single(Build("rbd:pool/image", policy: QemuTargetPolicy.FilesOnly).Errors);
    }

    [Fact]
    public void A_caller_widens_the_policy_to_allow_a_protocol()
    {
        DeviceModelResult result = Build("http://192.0.2.1/a.img", policy: QemuTargetPolicy.Default.Allowing("http", "https"));

        Assert.Empty(result.Errors);
        Assert.StartsWith("file=http://192.0.2.1/a.img,", result.Arguments[1], StringComparison.Ordinal);
        Assert.Contains("rbd", QemuTargetPolicy.Default.Allowing("http").AllowedProtocols);
        Assert.DoesNotContain("http", QemuTargetPolicy.Default.AllowedProtocols);
    }

    [Theory]
    [InlineData("/a:b", null)]
    [InlineData("a/b:c", null)]
    [InlineData("a", null)]
    [InlineData("rbd:pool", "rbd")]
    [InlineData(":x", "")]
    [InlineData("json:/x", "json")]
    [InlineData("nbd+unix:///e?socket=/s", "nbd+unix")]
    public void ProtocolOf_reads_a_name_as_qemus_block_layer_does(string name, string? protocol)
    {
        Assert.Equal(protocol, QemuTargetPolicy.ProtocolOf(name));
    }

    [Theory]
    [InlineData("rbd:")]
    [InlineData("a/b")]
    [InlineData("")]
    public void A_protocol_name_with_a_colon_or_slash_or_none_is_not_taken(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => QemuTargetPolicy.Default.Allowing(name));
    }

    [Fact]
    public void Every_allowed_protocol_of_the_default_is_one_qemu_knows()
    {
        IReadOnlySet<string> known = QemuTargetPolicy.KnownProtocols;

        Assert.All(QemuTargetPolicy.Default.AllowedProtocols, p => Assert.Contains(p, known));
        Assert.Empty(QemuTargetPolicy.FilesOnly.AllowedProtocols);
    }
}
