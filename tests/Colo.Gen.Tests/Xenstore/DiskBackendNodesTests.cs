using System.Collections.Generic;
using System.Linq;
using Colo.Gen.Backends;
using Colo.Gen.Tests.Backends;
using Colo.Gen.Xenstore;
using Xunit;

namespace Colo.Gen.Tests.Xenstore;

public sealed class DiskBackendNodesTests
{
    private const string Backend = "/local/domain/0/backend/qdisk/7/768";
    private const string UpstreamColo = "colo,colo-host=10.0.0.2,colo-port=9000,colo-export=colo1,active-disk=/a.qcow2,hidden-disk=/h.qcow2,";
    private const string SeedColo = "colo,colo-params=10.0.0.2:9000:exportname=colo1,active-disk=/a.qcow2,hidden-disk=/h.qcow2,";

    private static InMemoryXenstore Written(DiskDevice disk, ColoNodeLayout layout)
    {
        var store = new InMemoryXenstore();
        DiskBackendNodesResult written = DiskBackendNodes.Write(store, Backend, disk, 7, layout);
        Assert.True(written.Succeeded, written.Error);
        Assert.Null(written.Error);
        return store;
    }

    [Fact]
    public void A_qdisk_colo_disk_writes_libxls_nodes_in_order_upstream_layout()
    {
        DiskDevice disk = TestDisks.Prepared(UpstreamColo + "format=qcow2,vdev=hda,target=/i/p.qcow2");
        DiskBackendNodesResult made = DiskBackendNodes.For(disk, 7, ColoNodeLayout.Upstream);
        Assert.True(made.Succeeded, made.Error);
        IReadOnlyList<KeyValuePair<string, string>> nodes = made.Nodes;
        Assert.Equal(
        [
            "params=qcow2:/i/p.qcow2", "colo-host=10.0.0.2", "colo-port=9000", "colo-export=colo1", "active-disk=/a.qcow2", "hidden-disk=/h.qcow2",
            "frontend-id=7", "online=1", "removable=0", "bootable=1", "state=1", "dev=hda", "type=qdisk", "mode=w", "device-type=disk",
            "discard-enable=1", "specification=xen",
        ], nodes.Select(n => $"{n.Key}={n.Value}"));
    }

    [Fact]
    public void The_seed_layout_keeps_colo_params_in_one_node()
    {
        DiskDevice disk = TestDisks.Prepared(SeedColo + "vdev=hda,target=/i/p.img");
        IReadOnlyList<KeyValuePair<string, string>> nodes = DiskBackendNodes.For(disk, 7, ColoNodeLayout.Seed).Nodes!;
        Assert.Equal(
            ["params=aio:/i/p.img", "colo-params=10.0.0.2:9000:exportname=colo1", "active-disk=/a.qcow2", "hidden-disk=/h.qcow2", "frontend-id=7"],
            nodes.Take(5).Select(n => $"{n.Key}={n.Value}"));
    }

    [Fact]
    public void A_phy_disk_names_the_block_script_and_has_no_colo_nodes()
    {
        DiskDevice disk = TestDisks.Prepared("vdev=xvda,access=ro,direct-io-safe,target=/dev/vg/g", probe: new FakeHostProbe().With("/dev/vg/g", HostPathStatus.BlockDevice));
        Dictionary<string, string> nodes = DiskBackendNodes.For(disk, 3, ColoNodeLayout.Upstream).Nodes!.ToDictionary(n => n.Key, n => n.Value);
        Assert.Equal("/dev/vg/g", nodes["params"]);
        Assert.Equal("/etc/xen/scripts/block", nodes["script"]);
        Assert.Equal("phy", nodes["type"]);
        Assert.Equal("r", nodes["mode"]);
        Assert.Equal("1", nodes["direct-io-safe"]);
        Assert.Equal("0", nodes["discard-enable"]);
        Assert.DoesNotContain("colo-host", nodes.Keys);
    }

    [Theory]
    [InlineData(ColoNodeLayout.Upstream, UpstreamColo)]
    [InlineData(ColoNodeLayout.Upstream, SeedColo)]
    [InlineData(ColoNodeLayout.Seed, SeedColo)]
    [InlineData(ColoNodeLayout.Seed, UpstreamColo)]
    public void A_colo_disk_reads_back_as_written(ColoNodeLayout layout, string colo)
    {
        DiskDevice disk = TestDisks.Prepared(colo + "vdev=hdb,target=/i/p.img");
        DiskBackendRead read = DiskBackendNodes.Read(Written(disk, layout), Backend, layout);

        Assert.True(read.Succeeded, read.Error);
        DiskDevice back = read.Disk!;
        Assert.Equal("/i/p.img", back.PdevPath);
        Assert.Equal("hdb", back.Vdev);
        Assert.Equal(DiskBackend.Qdisk, back.Backend);
        Assert.True(back.Readwrite);
        Assert.Equal(Defbool.True, back.ColoEnable);
        Assert.Equal("/a.qcow2", back.ActiveDisk);
        Assert.Equal("/h.qcow2", back.HiddenDisk);
        Assert.Equal(new ColoAddress("10.0.0.2", "9000", "colo1"), ColoAddress.Of(back));
        Assert.Equal(DiskFormat.Unknown, back.Format);
    }

    [Fact]
    public void A_plain_disk_reads_back_with_colo_off()
    {
        DiskDevice disk = TestDisks.Prepared("vdev=hdc,devtype=cdrom,target=/i/cd.iso");
        DiskBackendRead read = DiskBackendNodes.Read(Written(disk, ColoNodeLayout.Upstream), Backend, ColoNodeLayout.Upstream);
        Assert.True(read.Succeeded, read.Error);
        Assert.Equal(Defbool.False, read.Disk!.ColoEnable);
        Assert.True(read.Disk.IsCdrom);
        Assert.True(read.Disk.Removable);
        Assert.False(read.Disk.Readwrite);
        Assert.Equal(DiskSpecification.Xen, read.Disk.Specification);
    }

    [Theory]
    [InlineData(ColoNodeLayout.Upstream, "colo-port")]
    [InlineData(ColoNodeLayout.Upstream, "colo-export")]
    [InlineData(ColoNodeLayout.Upstream, "active-disk")]
    [InlineData(ColoNodeLayout.Upstream, "hidden-disk")]
    [InlineData(ColoNodeLayout.Seed, "active-disk")]
    [InlineData(ColoNodeLayout.Seed, "hidden-disk")]
    [InlineData(ColoNodeLayout.Upstream, "type")]
    [InlineData(ColoNodeLayout.Upstream, "dev")]
    [InlineData(ColoNodeLayout.Upstream, "removable")]
    [InlineData(ColoNodeLayout.Upstream, "mode")]
    [InlineData(ColoNodeLayout.Upstream, "device-type")]
    public void A_half_written_colo_backend_is_libxls_missing_node_error(ColoNodeLayout layout, string node)
    {
        DiskDevice disk = TestDisks.Prepared(UpstreamColo + "vdev=hda,target=/i/p.img");
        InMemoryXenstore store = Written(disk, layout);
        Assert.True(store.Remove($"{Backend}/{node}"));

        DiskBackendRead read = DiskBackendNodes.Read(store, Backend, layout);
        Assert.False(read.Succeeded);
        Assert.Null(read.Disk);
        Assert.Equal($"Missing xenstore node {Backend}/{node}", read.Error);
    }

    [Fact]
    public void Without_the_first_colo_node_the_others_are_not_looked_at()
    {
        DiskDevice disk = TestDisks.Prepared(UpstreamColo + "vdev=hda,target=/i/p.img");
        InMemoryXenstore store = Written(disk, ColoNodeLayout.Upstream);
        store.Remove($"{Backend}/colo-host");
        store.Remove($"{Backend}/colo-port");

        DiskBackendRead read = DiskBackendNodes.Read(store, Backend, ColoNodeLayout.Upstream);
        Assert.True(read.Succeeded, read.Error);
        Assert.Equal(Defbool.False, read.Disk!.ColoEnable);
    }

    [Fact]
    public void A_write_that_keeps_conflicting_reports_the_failed_transaction()
    {
        DiskDevice disk = TestDisks.Prepared("vdev=hda,target=/i/p.img");
        DiskBackendNodesResult written = DiskBackendNodes.Write(new AlwaysConflictingXenstore(), Backend, disk, 1, ColoNodeLayout.Upstream);
        Assert.False(written.Succeeded);
        Assert.Equal("xs transaction failed", written.Error);
    }

    [Fact]
    public void A_colo_disk_without_an_address_is_not_written()
    {
        DiskDevice disk = TestDisks.Prepared(SeedColo + "vdev=hda,target=/i/p.img");
        disk.ColoParams = null;
        var store = new InMemoryXenstore();
        Assert.Equal("COLO disk hda has no COLO address (colo-host, colo-port, colo-export)", DiskBackendNodes.Write(store, Backend, disk, 1, ColoNodeLayout.Upstream).Error);
        Assert.Empty(store.Directory("/"));
    }

    private sealed class AlwaysConflictingXenstore : IXenstore
    {
        private readonly InMemoryXenstore _inner = new();

        public string? Read(string path) => _inner.Read(path);

        public void Write(string path, string value) => _inner.Write(path, value);

        public bool Remove(string path) => _inner.Remove(path);

        public IReadOnlyList<string> Directory(string path) => _inner.Directory(path);

        public IXenstoreTransaction BeginTransaction()
        {
            IXenstoreTransaction transaction = _inner.BeginTransaction();
            _inner.Write(Backend + "/params", "changed");
            transaction.Read(Backend + "/params");
            return transaction;
        }
    }
}
