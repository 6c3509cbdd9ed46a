using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Colo.Gen.Backends;
using Colo.Gen.Qmp;
using Colo.Gen.Tests.Backends;
using Colo.Gen.Tests.Qmp;
using Xunit;

namespace Colo.Gen.Tests.Api;

/// <summary>The QMP replication steps take a prepared disk, and only one prepared for the role the step is for.</summary>
public sealed class ColoReplicationOfPreparedDisksTests
{
    private const string Spec = "colo,colo-host=10.0.0.2,colo-port=9000,colo-export=colo1,active-disk=/a.qcow2,hidden-disk=/h.qcow2,vdev=hda,target=/i/p.img";

    private static PreparedDisk Prepared(ColoRole role, string spec = Spec) =>
        PreparedDisks.Prepare([spec], new DiskHost(new FakeHostProbe(), role)).Disks![0];

    private static string Describe(JsonObject command) =>
        command["execute"]!.GetValue<string>() + (command["arguments"] is JsonNode a ? " " + a.ToJsonString() : "");

    [Fact]
    public async Task The_secondary_serves_the_prepared_disks_address_and_export()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, null)]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        await new ColoReplication(client).StartSecondaryAsync(Prepared(ColoRole.Secondary), TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            "nbd-server-start {\"addr\":{\"type\":\"inet\",\"data\":{\"host\":\"10.0.0.2\",\"port\":\"9000\"}}}",
            "nbd-server-add {\"device\":\"colo1\",\"writable\":true}",
            "xen-set-replication {\"enable\":true,\"primary\":false}",
        ], server.Received.Select(Describe));
    }

    [Fact]
    public async Task The_primary_joins_the_prepared_disks_secondary_to_its_quorum()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, null)]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        await new ColoReplication(client).StartPrimaryAsync(Prepared(ColoRole.Primary, Spec.Replace("colo-host=10.0.0.2,colo-port=9000,colo-export=colo1", "colo-params=10.0.0.3:9001:exportname=e2", StringComparison.Ordinal)), "nbd_client1", TestContext.Current.CancellationToken);

        Assert.Equal("x-blockdev-change {\"parent\":\"e2\",\"node\":\"nbd_client1\"}", Describe(server.Received.ElementAt(1)));
        Assert.Equal("10.0.0.3", server.Received.First()["arguments"]!["file"]!["server"]!["host"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_step_for_the_other_role_or_a_disk_without_colo_is_refused_before_anything_is_sent()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, null)]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var replication = new ColoReplication(client);

        ArgumentException wrongRole = await Assert.ThrowsAsync<ArgumentException>(() => replication.StartSecondaryAsync(Prepared(ColoRole.Primary), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => replication.StartPrimaryAsync(Prepared(ColoRole.Secondary), "n1", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => replication.StopPrimaryAsync(Prepared(ColoRole.Primary, "vdev=hda,target=/i/a.img"), null, TestContext.Current.CancellationToken));

        Assert.Equal("disk hda is this host's primary COLO disk; this step is for a disk prepared on the secondary (Parameter 'disk')", wrongRole.Message);
        Assert.Empty(server.Received);
    }
}
