using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Colo.Gen.Qmp;

/// <summary>
/// A QEMU Machine Protocol client over a unix socket: reads the greeting, negotiates
/// capabilities, sends commands one JSON object per line with an <c>id</c>, matches
/// replies by that id, and keeps asynchronous events in their own queue.
/// </summary>
public sealed class QmpClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly object _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly List<QmpEvent> _unclaimedEvents = new();
    private readonly List<QmpEvent> _allEvents = new();
    private readonly CancellationTokenSource _closing = new();
    private TaskCompletionSource _eventArrived = NewSignal();
    private Task _readLoop = Task.CompletedTask;
    private Exception? _broken;
    private long _nextId;

    private QmpClient(Socket socket, TimeSpan commandTimeout)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(_stream, new UTF8Encoding(false));
        CommandTimeout = commandTimeout;
    }

    /// <summary>How long <see cref="ExecuteAsync"/> waits for a reply before giving up.</summary>
    public TimeSpan CommandTimeout { get; set; }

    /// <summary>The greeting's <c>QMP</c> member (version and capabilities).</summary>
    public JsonObject Greeting { get; private set; } = new();

    /// <summary>Every event received so far, in arrival order.</summary>
    public IReadOnlyList<QmpEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _allEvents.ToArray();
            }
        }
    }

    /// <summary>
    /// Connects to a QMP unix socket, retrying until <paramref name="timeout"/> passes
    /// (QEMU may not have created the socket yet), then reads the greeting and enters
    /// command mode with <c>qmp_capabilities</c>.
    /// </summary>
    /// <param name="socketPath">The unix socket QEMU listens on (<c>-qmp unix:PATH,server=on,wait=off</c>).</param>
    /// <param name="timeout">The deadline for connecting and for the handshake; also the default command timeout.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A client in command mode.</returns>
    public static async Task<QmpClient> ConnectAsync(string socketPath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        Socket socket = await ConnectWithRetriesAsync(socketPath, timeout, deadline.Token).ConfigureAwait(false);
        var client = new QmpClient(socket, timeout);
        try
        {
            await client.HandshakeAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw new QmpException($"QMP handshake on {socketPath} did not finish within {timeout}", e);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return client;
    }

    private static async Task<Socket> ConnectWithRetriesAsync(string socketPath, TimeSpan timeout, CancellationToken token)
    {
        var endpoint = new UnixDomainSocketEndPoint(socketPath);
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(endpoint, token).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.ConnectionRefused)
            {
                socket.Dispose();
            }
            catch (OperationCanceledException e)
            {
                socket.Dispose();
                throw new QmpException($"could not connect to QMP socket {socketPath} within {timeout}", e);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            try
            {
                // Back off between attempts; the loop ends on connection or on the deadline.
                await Task.Delay(delay, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e)
            {
                throw new QmpException($"could not connect to QMP socket {socketPath} within {timeout}", e);
            }

            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }

    private async Task HandshakeAsync(CancellationToken token)
    {
        string? line = await _reader.ReadLineAsync(token).ConfigureAwait(false);
        if (line is null)
        {
            throw new QmpException("QMP socket closed before the greeting");
        }

        JsonObject? greeting = ParseObject(line);
        if (greeting?["QMP"] is not JsonObject qmp)
        {
            throw new QmpException($"expected a QMP greeting, got: {line}");
        }

        Greeting = qmp;
        // The read loop lives as long as the connection, not as long as this call's token.
        _readLoop = Task.Run(ReadLoopAsync, CancellationToken.None);
        await ExecuteAsync("qmp_capabilities", null, token).ConfigureAwait(false);
    }

    /// <summary>Runs a QMP command and returns its <c>return</c> value.</summary>
    /// <param name="command">The command name, e.g. <c>query-block</c>.</param>
    /// <param name="arguments">The command's arguments, or null for none.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    /// <returns>The reply's <c>return</c> member (an empty object for commands that return nothing).</returns>
    /// <exception cref="QmpException">QEMU answered with an error (class and text kept), the socket closed, or no reply came within <see cref="CommandTimeout"/>.</exception>
    public async Task<JsonNode> ExecuteAsync(string command, JsonObject? arguments = null, CancellationToken cancellationToken = default)
    {
        string id = "colo-" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_broken is not null)
            {
                throw new QmpException($"QMP connection is closed; cannot run '{command}'", _broken);
            }

            _pending[id] = reply;
        }

        try
        {
            byte[] message = Serialize(command, arguments, id);
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }

            JsonObject answer;
            try
            {
                answer = await reply.Task.WaitAsync(CommandTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                throw new QmpException($"QMP command '{command}' got no reply within {CommandTimeout}", e);
            }

            if (answer["error"] is JsonObject error)
            {
                throw new QmpException(command, error["class"]?.GetValue<string>() ?? "", error["desc"]?.GetValue<string>() ?? "");
            }

            return answer["return"]?.DeepClone() ?? new JsonObject();
        }
        catch (IOException e)
        {
            throw new QmpException($"QMP connection failed while running '{command}'", e);
        }
        finally
        {
            lock (_gate)
            {
                _pending.Remove(id);
            }
        }
    }

    /// <summary>Runs an HMP command through <c>human-monitor-command</c> and returns its text output.</summary>
    /// <param name="commandLine">The HMP command line, e.g. <c>info block</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The HMP output (often empty on success).</returns>
    public async Task<string> HumanMonitorCommandAsync(string commandLine, CancellationToken cancellationToken = default)
    {
        JsonNode result = await ExecuteAsync("human-monitor-command", new JsonObject { ["command-line"] = commandLine }, cancellationToken).ConfigureAwait(false);
        return result is JsonValue value && value.TryGetValue(out string? text) ? text : "";
    }

    /// <summary>
    /// Waits for an event with the given name that no earlier wait has claimed (events that
    /// arrived before the call count), and claims it.
    /// </summary>
    /// <param name="name">The event name, e.g. <c>SHUTDOWN</c>.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The event.</returns>
    /// <exception cref="QmpException">No such event within the timeout, or the connection closed.</exception>
    public async Task<QmpEvent> WaitForEventAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                int index = _unclaimedEvents.FindIndex(e => e.Name == name);
                if (index >= 0)
                {
                    QmpEvent found = _unclaimedEvents[index];
                    _unclaimedEvents.RemoveAt(index);
                    return found;
                }

                if (_broken is not null)
                {
                    throw new QmpException($"QMP connection closed while waiting for event {name}", _broken);
                }

                signal = _eventArrived.Task;
            }

            try
            {
                await signal.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new QmpException($"no QMP event {name} within {timeout}", e);
            }
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception failure;
        try
        {
            while (true)
            {
                string? line = await _reader.ReadLineAsync(_closing.Token).ConfigureAwait(false);
                if (line is null)
                {
                    failure = new QmpException("QMP socket closed by the peer");
                    break;
                }

                if (line.Length > 0)
                {
                    Dispatch(line);
                }
            }
        }
        catch (Exception e)
        {
            failure = e is QmpException ? e : new QmpException("QMP connection failed", e);
        }

        lock (_gate)
        {
            _broken = failure;
            foreach (TaskCompletionSource<JsonObject> waiter in _pending.Values)
            {
                waiter.TrySetException(new QmpException("QMP connection closed before the reply", failure));
            }

            _pending.Clear();
            _eventArrived.TrySetResult();
        }
    }

    private void Dispatch(string line)
    {
        JsonObject? message = ParseObject(line) ?? throw new QmpException($"malformed QMP message: {line}");
        if (message["event"] is JsonValue eventName)
        {
            JsonObject? timestamp = message["timestamp"] as JsonObject;
            var received = new QmpEvent(
                eventName.GetValue<string>(),
                message["data"]?.DeepClone() as JsonObject,
                timestamp?["seconds"]?.GetValue<long>() ?? 0,
                timestamp?["microseconds"]?.GetValue<long>() ?? 0);
            lock (_gate)
            {
                _allEvents.Add(received);
                _unclaimedEvents.Add(received);
                TaskCompletionSource arrived = _eventArrived;
                _eventArrived = NewSignal();
                arrived.TrySetResult();
            }

            return;
        }

        string? id = message["id"] is JsonValue idValue && idValue.TryGetValue(out string? text) ? text : null;
        lock (_gate)
        {
            if (id is not null && _pending.TryGetValue(id, out TaskCompletionSource<JsonObject>? waiter))
            {
                waiter.TrySetResult(message);
            }
            else if (id is null && _pending.Count == 1)
            {
                // An error for a message QEMU could not parse carries no id; with one command
                // outstanding it can only be that one's.
                foreach (TaskCompletionSource<JsonObject> only in _pending.Values)
                {
                    only.TrySetResult(message);
                }
            }
        }
    }

    private static JsonObject? ParseObject(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Serialize(string command, JsonObject? arguments, string id)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("execute", command);
            if (arguments is not null)
            {
                writer.WritePropertyName("arguments");
                arguments.WriteTo(writer);
            }

            writer.WriteString("id", id);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Closes the socket and stops the reader.</summary>
    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already closed by the peer.
        }
        catch (ObjectDisposedException)
        {
            // Already disposed.
        }

        _socket.Dispose();
        try
        {
            await _readLoop.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The reader records its own failure; nothing to report on close.
        }

        _reader.Dispose();
        _stream.Dispose();
        _closing.Dispose();
        _writeLock.Dispose();
    }
}
