using Colo.Gen.Backends;
using Colo.Gen.Qemu;
using Colo.Gen.Xenstore;
using Xunit;

namespace Colo.Gen.Tests.Api;

/// <summary>
/// Disks prepared on one host for another (issue 14, item 4, library side): nothing is stat'ed here,
/// the backend comes from the spec or <see cref="RemoteHostProbe"/>'s documented default, and what
/// needs the guest's own host (xenstore backend nodes) refuses such disks.
/// </summary>
public sealed class RemoteHostTests
{
    private const string Missing = "/nonexistent-colo-gen-test/guest.img";

    [Fact]
    public void On_this_host_a_target_that_is_not_here_is_libxls_stat_error()
    {
        DiskPreparationResult result = PreparedDisks.Prepare([$"vdev=hda,target={Missing}"], DiskHost.ThisHost());

        Assert.Equal($"Disk vdev=hda failed to stat: {Missing}: No such file or directory", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void For_a_remote_host_nothing_is_stated_and_qdisk_is_the_default_backend()
    {
        DiskPreparationResult result = PreparedDisks.Prepare([$"vdev=hda,target={Missing}"], DiskHost.Remote());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        PreparedDisk disk = result.Disks[0];
        Assert.Equal((DiskBackend.Qdisk, false), (disk.Backend, disk.TargetExamined));
        Assert.Contains("Disk vdev=hda, backend phy passed over: the target was not examined on this host (a remote host)", disk.BackendReasons);
        Assert.Equal(["-drive", $"file={Missing},if=ide,index=0,media=disk,format=raw,cache=writeback"], DeviceModelArguments.Build(result.Disks).Arguments);
    }

    [Theory]
    [InlineData("phy", DiskBackend.Phy)]
    [InlineData("qdisk", DiskBackend.Qdisk)]
    [InlineData("tap", DiskBackend.Tap)]
    public void For_a_remote_host_the_backend_the_spec_names_is_taken(string backendType, DiskBackend backend)
    {
        DiskPreparationResult result = PreparedDisks.Prepare([$"backendtype={backendType},vdev=hda,target={Missing}"], DiskHost.Remote());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(backend, result.Disks[0].Backend);
    }

    [Fact]
    public void For_a_remote_host_libxls_other_rules_still_hold()
    {
        DiskPreparationResult result = PreparedDisks.Prepare([$"backendtype=phy,format=qcow2,vdev=hda,target={Missing}"], DiskHost.Remote());

        Assert.Equal("no suitable backend for disk hda", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void The_remote_probe_never_looks_at_a_path()
    {
        Assert.Equal(HostPathStatus.NotExamined, RemoteHostProbe.Instance.Stat("/"));
        Assert.Equal(HostPathStatus.NotExamined, RemoteHostProbe.Instance.Stat(Missing));
    }

    [Fact]
    public void Xenstore_nodes_are_not_written_for_disks_whose_target_was_not_examined()
    {
        PreparedDisks disks = PreparedDisks.Prepare([$"vdev=hda,target={Missing}"], DiskHost.Remote()).Disks!;
        var store = new InMemoryXenstore();

        DiskBackendNodesResult written = DiskBackendNodes.Write(store, "/local/domain/0/backend/qdisk/1/768", disks[0], 1, ColoNodeLayout.Upstream);

        Assert.False(written.Succeeded);
        Assert.Null(written.Nodes);
        Assert.Equal("disk hda was prepared without examining its target (for another host): its backend nodes are written on the host that runs the guest, after preparing the disks there", written.Error);
        Assert.Empty(store.Directory("/local/domain/0/backend"));
    }

    [Fact]
    public void Xenstore_nodes_are_written_for_a_remote_disk_whose_backend_needed_no_look()
    {
        PreparedDisks disks = PreparedDisks.Prepare([$"backendtype=qdisk,vdev=hda,target={Missing}"], DiskHost.Remote()).Disks!;
        var store = new InMemoryXenstore();

        DiskBackendNodesResult written = DiskBackendNodes.Write(store, "/b", disks[0], 1, ColoNodeLayout.Upstream);
        Assert.True(written.Succeeded, written.Error);
        Assert.Equal("aio:" + Missing, store.Read("/b/params"));
    }
}
