using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Colo.Gen.Qmp;

/// <summary>
/// The COLO block-replication sequence libxl sends over QMP: NBD export and replication on
/// the secondary, the NBD child joined to the primary's quorum, checkpoints, status and teardown.
/// </summary>
public sealed class ColoReplication
{
    /// <summary>The name of the quorum child libxl removes at teardown (QEMU names the second child so).</summary>
    public const string PrimaryNbdChild = "children.1";

    private readonly QmpClient _client;

    /// <summary>Drives replication over an open QMP client.</summary>
    /// <param name="client">A client in command mode.</param>
    public ColoReplication(QmpClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>
    /// Secondary side: <c>nbd-server-start</c> on HOST:PORT, <c>nbd-server-add</c> of the
    /// export (writable), then <c>xen-set-replication</c> with primary false.
    /// </summary>
    /// <param name="host">The address the NBD server listens on.</param>
    /// <param name="port">The NBD port.</param>
    /// <param name="export">The drive id exported (the secondary's <c>colo-export</c>).</param>
    /// <param name="cancellationToken">Cancels the sequence.</param>
    public async Task StartSecondaryAsync(string host, int port, string export, CancellationToken cancellationToken = default)
    {
        await _client.ExecuteAsync("nbd-server-start", new JsonObject
        {
            ["addr"] = new JsonObject
            {
                ["type"] = "inet",
                ["data"] = new JsonObject
                {
                    ["host"] = host,
                    ["port"] = port.ToString(CultureInfo.InvariantCulture),
                },
            },
        }, cancellationToken).ConfigureAwait(false);
        await _client.ExecuteAsync("nbd-server-add", new JsonObject { ["device"] = export, ["writable"] = true }, cancellationToken).ConfigureAwait(false);
        await SetReplicationAsync(enable: true, primary: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Primary side, once the secondary listens: adds a replication node over NBD with HMP
    /// <c>drive_add -n buddy</c>, joins it to the quorum named <paramref name="export"/> with
    /// <c>x-blockdev-change</c>, then <c>xen-set-replication</c> with primary true.
    /// </summary>
    /// <param name="host">The secondary's NBD host.</param>
    /// <param name="port">The secondary's NBD port.</param>
    /// <param name="export">The NBD export name, which is also the primary quorum's drive id.</param>
    /// <param name="nodeName">The node name given to the new replication node.</param>
    /// <param name="cancellationToken">Cancels the sequence.</param>
    public async Task StartPrimaryAsync(string host, int port, string export, string nodeName, CancellationToken cancellationToken = default)
    {
        string drive = string.Create(CultureInfo.InvariantCulture,
            $"drive_add -n buddy driver=replication,mode=primary,file.driver=nbd,file.host={host},file.port={port},file.export={export},node-name={nodeName}");
        string output = await _client.HumanMonitorCommandAsync(drive, cancellationToken).ConfigureAwait(false);
        if (!IsHmpSuccess(output))
        {
            throw new QmpException("human-monitor-command", "HmpError", output.Trim());
        }

        await _client.ExecuteAsync("x-blockdev-change", new JsonObject { ["parent"] = export, ["node"] = nodeName }, cancellationToken).ConfigureAwait(false);
        await SetReplicationAsync(enable: true, primary: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells QEMU a checkpoint happened (<c>xen-colo-do-checkpoint</c>).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task CheckpointAsync(CancellationToken cancellationToken = default) =>
        _client.ExecuteAsync("xen-colo-do-checkpoint", null, cancellationToken);

    /// <summary>Asks for the replication status (<c>query-xen-replication-status</c>).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether replication is in error, and QEMU's reason when it is.</returns>
    public async Task<ReplicationStatus> QueryStatusAsync(CancellationToken cancellationToken = default)
    {
        JsonNode result = await _client.ExecuteAsync("query-xen-replication-status", null, cancellationToken).ConfigureAwait(false);
        bool error = result["error"]?.GetValue<bool>() ?? false;
        string? desc = result["desc"]?.GetValue<string>();
        return new ReplicationStatus(error, desc);
    }

    /// <summary>
    /// Primary teardown: <c>xen-set-replication</c> off, then the NBD child leaves the quorum
    /// (<c>x-blockdev-change</c> with child <c>children.1</c>).
    /// </summary>
    /// <param name="export">The primary quorum's drive id.</param>
    /// <param name="cancellationToken">Cancels the sequence.</param>
    public async Task StopPrimaryAsync(string export, CancellationToken cancellationToken = default)
    {
        await SetReplicationAsync(enable: false, primary: true, cancellationToken).ConfigureAwait(false);
        await _client.ExecuteAsync("x-blockdev-change", new JsonObject { ["parent"] = export, ["child"] = PrimaryNbdChild }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Secondary teardown, as libxl's COLO qdisk teardown does it: <c>nbd-server-stop</c>.
    /// Replication on the secondary is not switched off here: QEMU 7.2 answers
    /// <c>xen-set-replication {enable: false, primary: false}</c> with "Backup job was cancelled
    /// unexpectedly", and libxl only sends it on failover, ignoring the answer.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task StopSecondaryAsync(CancellationToken cancellationToken = default) =>
        _client.ExecuteAsync("nbd-server-stop", null, cancellationToken);

    private Task SetReplicationAsync(bool enable, bool primary, CancellationToken cancellationToken) =>
        _client.ExecuteAsync("xen-set-replication", new JsonObject { ["enable"] = enable, ["primary"] = primary }, cancellationToken);

    // HMP reports failure as text in a successful reply; drive_add prints "OK" on success.
    private static bool IsHmpSuccess(string output)
    {
        string trimmed = output.Trim();
        return trimmed.Length == 0 || trimmed == "OK";
    }
}
