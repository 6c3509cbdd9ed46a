using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Colo.Gen.Qmp;
using Xunit;

namespace Colo.Gen.Tests.Qmp;

public sealed class ColoReplicationTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    private static string Describe(JsonObject command) =>
        command["execute"]!.GetValue<string>() + (command["arguments"] is JsonNode a ? " " + a.ToJsonString() : "");

    [Fact]
    public async Task The_secondary_starts_an_nbd_server_exports_the_disk_and_enables_replication()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, null)]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        await new ColoReplication(client).StartSecondaryAsync("127.0.0.1", 9000, "colo1", TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            "nbd-server-start {\"addr\":{\"type\":\"inet\",\"data\":{\"host\":\"127.0.0.1\",\"port\":\"9000\"}}}",
            "nbd-server-add {\"device\":\"colo1\",\"writable\":true}",
            "xen-set-replication {\"enable\":true,\"primary\":false}",
        ], server.Received.Select(Describe));
    }

    [Fact]
    public async Task The_primary_adds_a_replication_node_joins_it_to_the_quorum_and_enables_replication()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, c["execute"]!.GetValue<string>() == "human-monitor-command" ? JsonValue.Create("") : null)]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        await new ColoReplication(client).StartPrimaryAsync("10.0.0.2", 9000, "colo1", "nbd_client1", TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            "human-monitor-command {\"command-line\":\"drive_add -n buddy driver=replication,mode=primary,file.driver=nbd,file.host=10.0.0.2,file.port=9000,file.export=colo1,node-name=nbd_client1\"}",
            "x-blockdev-change {\"parent\":\"colo1\",\"node\":\"nbd_client1\"}",
            "xen-set-replication {\"enable\":true,\"primary\":true}",
        ], server.Received.Select(Describe));
    }

    [Fact]
    public async Task A_drive_add_that_prints_an_error_stops_the_primary_sequence()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, JsonValue.Create("Error: could not connect\r\n"))]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        QmpException error = await Assert.ThrowsAsync<QmpException>(() =>
            new ColoReplication(client).StartPrimaryAsync("10.0.0.2", 9000, "colo1", "n", TestContext.Current.CancellationToken));

        Assert.Equal("Error: could not connect", error.Description);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Checkpoint_status_and_teardown_send_what_libxl_sends()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, c["execute"]!.GetValue<string>() == "query-xen-replication-status"
            ? new JsonObject { ["error"] = true, ["desc"] = "broken" }
            : null)]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);
        var replication = new ColoReplication(client);

        await replication.CheckpointAsync(TestContext.Current.CancellationToken);
        ReplicationStatus status = await replication.QueryStatusAsync(TestContext.Current.CancellationToken);
        await replication.StopPrimaryAsync("colo1", TestContext.Current.CancellationToken);
        await replication.StopSecondaryAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new ReplicationStatus(true, "broken"), status);
        Assert.Equal(
        [
            "xen-colo-do-checkpoint",
            "query-xen-replication-status",
            "xen-set-replication {\"enable\":false,\"primary\":true}",
            "x-blockdev-change {\"parent\":\"colo1\",\"child\":\"children.1\"}",
            "nbd-server-stop",
        ], server.Received.Select(Describe));
    }
}
