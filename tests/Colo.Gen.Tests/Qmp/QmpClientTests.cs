using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Colo.Gen.Qmp;
using Xunit;

namespace Colo.Gen.Tests.Qmp;

public sealed class QmpClientTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Connecting_reads_the_greeting_and_enters_command_mode()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, new JsonObject { ["running"] = false, ["status"] = "prelaunch" })]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        Assert.Equal(7, client.Greeting["version"]!["qemu"]!["major"]!.GetValue<int>());
        JsonNode status = await client.ExecuteAsync("query-status", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("prelaunch", status["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Arguments_reach_the_server_as_a_json_object_with_the_command_name()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Return(c, null)]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        await client.ExecuteAsync("nbd-server-add", new JsonObject { ["device"] = "a\"b,c", ["writable"] = true }, TestContext.Current.CancellationToken);

        JsonObject sent = Assert.Single(server.Received);
        Assert.Equal("nbd-server-add", sent["execute"]!.GetValue<string>());
        Assert.Equal("a\"b,c", sent["arguments"]!["device"]!.GetValue<string>());
        Assert.True(sent["arguments"]!["writable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Events_sent_before_a_reply_go_to_the_event_queue_and_not_into_the_result()
    {
        await using var server = new FakeQmpServer(c =>
        [
            FakeQmpServer.Event("BLOCK_EXPORT_DELETED", new JsonObject { ["id"] = "colo1" }),
            FakeQmpServer.Event("STOP"),
            FakeQmpServer.Return(c, new JsonArray("x")),
        ]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        JsonNode result = await client.ExecuteAsync("query-x", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("x", result[0]!.GetValue<string>());
        QmpEvent stop = await client.WaitForEventAsync("STOP", Generous, TestContext.Current.CancellationToken);
        QmpEvent deleted = await client.WaitForEventAsync("BLOCK_EXPORT_DELETED", Generous, TestContext.Current.CancellationToken);
        Assert.Equal("STOP", stop.Name);
        Assert.Equal("colo1", deleted.Data!["id"]!.GetValue<string>());
        Assert.Equal(1, deleted.Seconds);
        Assert.Equal(["BLOCK_EXPORT_DELETED", "STOP"], client.Events.Select(e => e.Name));
    }

    [Fact]
    public async Task An_event_arriving_later_releases_a_waiter()
    {
        await using var server = new FakeQmpServer(c => c["execute"]!.GetValue<string>() == "quit"
            ? [FakeQmpServer.Return(c, null), FakeQmpServer.Event("SHUTDOWN", new JsonObject { ["guest"] = false })]
            : [FakeQmpServer.Return(c, null)]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        Task<QmpEvent> waiting = client.WaitForEventAsync("SHUTDOWN", Generous, TestContext.Current.CancellationToken);
        await client.ExecuteAsync("quit", cancellationToken: TestContext.Current.CancellationToken);
        QmpEvent shutdown = await waiting;

        Assert.False(shutdown.Data!["guest"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_error_reply_throws_with_its_class_and_description()
    {
        await using var server = new FakeQmpServer(c => [FakeQmpServer.Error(c, "DeviceNotFound", "Device 'nope' not found")]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        QmpException error = await Assert.ThrowsAsync<QmpException>(() =>
            client.ExecuteAsync("nbd-server-add", new JsonObject { ["device"] = "nope" }, TestContext.Current.CancellationToken));

        Assert.Equal("nbd-server-add", error.Command);
        Assert.Equal("DeviceNotFound", error.ErrorClass);
        Assert.Equal("Device 'nope' not found", error.Description);
    }

    [Fact]
    public async Task A_command_without_a_reply_times_out_with_a_qmp_exception()
    {
        await using var server = new FakeQmpServer(_ => []);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);
        client.CommandTimeout = TimeSpan.FromMilliseconds(100);

        QmpException error = await Assert.ThrowsAsync<QmpException>(() => client.ExecuteAsync("query-status", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("no reply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_an_event_that_never_comes_times_out()
    {
        await using var server = new FakeQmpServer(_ => []);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        QmpException error = await Assert.ThrowsAsync<QmpException>(() => client.WaitForEventAsync("RESUME", TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken));

        Assert.Contains("RESUME", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_closed_before_the_reply_fails_the_command()
    {
        await using var server = new FakeQmpServer(_ => [FakeQmpServer.CloseConnection]);
        await using QmpClient client = await QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken);

        QmpException error = await Assert.ThrowsAsync<QmpException>(() => client.ExecuteAsync("quit", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("closed", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<QmpException>(() => client.ExecuteAsync("quit", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_peer_that_closes_without_a_greeting_is_refused()
    {
        await using var server = new FakeQmpServer(_ => [], greeting: null);

        QmpException error = await Assert.ThrowsAsync<QmpException>(() => QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken));

        Assert.Contains("greeting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peer_whose_first_line_is_not_a_greeting_is_refused()
    {
        await using var server = new FakeQmpServer(_ => [], greeting: "{\"return\": {}}");

        QmpException error = await Assert.ThrowsAsync<QmpException>(() => QmpClient.ConnectAsync(server.SocketPath, Generous, TestContext.Current.CancellationToken));

        Assert.Contains("greeting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connecting_to_a_socket_nobody_creates_gives_up_at_the_deadline()
    {
        string path = Path.Combine(Path.GetTempPath(), "colo-qmp-absent-" + Guid.NewGuid().ToString("N") + ".sock");

        QmpException error = await Assert.ThrowsAsync<QmpException>(() => QmpClient.ConnectAsync(path, TimeSpan.FromMilliseconds(150), TestContext.Current.CancellationToken));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
