using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Colo.Gen.Tests.Qmp;

/// <summary>
/// An in-process QMP peer on a unix socket: sends a greeting, answers
/// <c>qmp_capabilities</c>, and lets each test script the lines sent back for every
/// other command. Every command received is recorded.
/// </summary>
internal sealed class FakeQmpServer : IAsyncDisposable
{
    public const string Greeting = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, \"package\": \"fake\"}, \"capabilities\": [\"oob\"]}}";

    private readonly Socket _listener;
    private readonly Func<JsonObject, IEnumerable<string>> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serve;
    private readonly string _directory;

    /// <summary>Starts listening; <paramref name="respond"/> gives the lines to send for one command (its id is in the object).</summary>
    public FakeQmpServer(Func<JsonObject, IEnumerable<string>> respond, string? greeting = Greeting)
    {
        _respond = respond;
        _directory = Directory.CreateTempSubdirectory("colo-qmp-").FullName;
        SocketPath = Path.Combine(_directory, "qmp.sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(1);
        _serve = Task.Run(() => ServeAsync(greeting));
    }

    public string SocketPath { get; }

    public ConcurrentQueue<JsonObject> Received { get; } = new();

    /// <summary>A reply line for <paramref name="command"/> carrying its id.</summary>
    public static string Return(JsonObject command, JsonNode? value) =>
        new JsonObject { ["return"] = value ?? new JsonObject(), ["id"] = command["id"]?.DeepClone() }.ToJsonString();

    /// <summary>An error line for <paramref name="command"/> carrying its id.</summary>
    public static string Error(JsonObject command, string errorClass, string desc) =>
        new JsonObject { ["error"] = new JsonObject { ["class"] = errorClass, ["desc"] = desc }, ["id"] = command["id"]?.DeepClone() }.ToJsonString();

    /// <summary>An event line.</summary>
    public static string Event(string name, JsonObject? data = null) =>
        new JsonObject { ["event"] = name, ["data"] = data, ["timestamp"] = new JsonObject { ["seconds"] = 1, ["microseconds"] = 2 } }.ToJsonString();

    private async Task ServeAsync(string? greeting)
    {
        try
        {
            using Socket peer = await _listener.AcceptAsync(_stop.Token);
            await using var stream = new NetworkStream(peer, ownsSocket: false);
            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            if (greeting is null)
            {
                return; // Close without a greeting.
            }

            await writer.WriteLineAsync(greeting);
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                JsonObject command = JsonNode.Parse(line)!.AsObject();
                if (command["execute"]?.GetValue<string>() == "qmp_capabilities")
                {
                    await writer.WriteLineAsync(Return(command, null));
                    continue;
                }

                Received.Enqueue(command);
                foreach (string reply in _respond(command))
                {
                    if (reply == CloseConnection)
                    {
                        return;
                    }

                    await writer.WriteLineAsync(reply);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Test finished.
        }
        catch (IOException)
        {
            // Client went away.
        }
    }

    /// <summary>A pseudo-line that makes the server close the connection.</summary>
    public const string CloseConnection = "\0close";

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        await _serve;
        _stop.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
