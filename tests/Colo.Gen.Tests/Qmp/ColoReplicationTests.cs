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
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, null)]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        await new ColoReplication(client).StartPrimaryAsync("10.0.0.2", 9000, "colo1", "nbd_client1", TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            "blockdev-add {\"driver\":\"replication\",\"node-name\":\"nbd_client1\",\"mode\":\"primary\",\"file\":{\"driver\":\"nbd\",\"server\":{\"type\":\"inet\",\"host\":\"10.0.0.2\",\"port\":\"9000\"},\"export\":\"colo1\"}}",
            "x-blockdev-change {\"parent\":\"colo1\",\"node\":\"nbd_client1\"}",
            "xen-set-replication {\"enable\":true,\"primary\":true}",
        ], server.Received.Select(Describe));
    }

    [Fact]
    public async Task A_host_with_spaces_and_commas_reaches_qemu_as_one_json_string_not_as_monitor_text()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, null)]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);
        const string host = "10.0.0.2 node-name=evil,file.driver=file";

        await new ColoReplication(client).StartPrimaryAsync(host, 9000, "colo1", "nbd_client1", TestContext.Current.CancellationToken);

        JsonObject add = server.Received.First();
        Assert.Equal("blockdev-add", add["execute"]!.GetValue<string>());
        Assert.Equal(host, add["arguments"]!["file"]!["server"]!["host"]!.GetValue<string>());
        Assert.Equal("nbd_client1", add["arguments"]!["node-name"]!.GetValue<string>());
        Assert.DoesNotContain(server.Received, c => c["execute"]!.GetValue<string>() == "human-monitor-command");
    }

    [Theory]
    [InlineData("e0=x:y", "nbd_client1", "colo-export \"e0=x:y\" is not a QEMU identifier")]
    [InlineData("0disk", "nbd_client1", "colo-export \"0disk\" is not a QEMU identifier")]
    [InlineData("colo1", "node name", "node name \"node name\" is not a QEMU identifier")]
    [InlineData("colo1", "n23456789012345678901234567890123", "node name \"n23456789012345678901234567890123\" is longer than QEMU takes (31 characters)")]
    public async Task An_export_or_node_name_that_is_not_a_qemu_identifier_is_refused_before_anything_is_sent(string export, string node, string message)
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, null)]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);
        var replication = new ColoReplication(client);

        ArgumentException primary = await Assert.ThrowsAsync<ArgumentException>(() =>
            replication.StartPrimaryAsync("10.0.0.2", 9000, export, node, TestContext.Current.CancellationToken));

        Assert.StartsWith(message, primary.Message, StringComparison.Ordinal);
        if (export != "colo1")
        {
            ArgumentException secondary = await Assert.ThrowsAsync<ArgumentException>(() =>
                replication.StartSecondaryAsync("10.0.0.2", 9000, export, TestContext.Current.CancellationToken));
            Assert.StartsWith(message, secondary.Message, StringComparison.Ordinal);
        }

        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_failing_blockdev_add_stops_the_primary_sequence()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Error(c, "GenericError", "Failed to connect to '10.0.0.2:9000': Connection refused")]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        QmpException error = await Assert.ThrowsAsync<QmpException>(() =>
            new ColoReplication(client).StartPrimaryAsync("10.0.0.2", 9000, "colo1", "n", TestContext.Current.CancellationToken));

        Assert.Equal("blockdev-add", error.Command);
        Assert.Contains("Connection refused", error.Description, StringComparison.Ordinal);
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
        await replication.StopPrimaryAsync("colo1", "colo_node0", TestContext.Current.CancellationToken);

        Assert.Equal(new ReplicationStatus(true, "broken"), status);
        Assert.Equal(
        [
            "xen-colo-do-checkpoint",
            "query-xen-replication-status",
            "xen-set-replication {\"enable\":false,\"primary\":true}",
            "x-blockdev-change {\"parent\":\"colo1\",\"child\":\"children.1\"}",
            "nbd-server-stop",
            "xen-set-replication {\"enable\":false,\"primary\":true}",
            "x-blockdev-change {\"parent\":\"colo1\",\"child\":\"children.1\"}",
            "blockdev-del {\"node-name\":\"colo_node0\"}",
        ], server.Received.Select(Describe));
    }
}
