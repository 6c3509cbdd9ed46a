using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;

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
    /// Secondary side, for a disk prepared on the secondary: <c>nbd-server-start</c> on the disk's
    /// <c>colo-host</c>:<c>colo-port</c>, <c>nbd-server-add</c> of its <c>colo-export</c> (writable),
    /// then <c>xen-set-replication</c> with primary false. Every value goes as a JSON argument.
    /// </summary>
    /// <param name="disk">A COLO disk prepared for this host as the secondary (<see cref="ColoRole.Secondary"/>).</param>
    /// <param name="cancellationToken">Cancels the sequence.</param>
    /// <exception cref="ArgumentNullException"><paramref name="disk"/> is null.</exception>
    /// <exception cref="ArgumentException">The disk is not this host's secondary COLO disk.</exception>
    public Task StartSecondaryAsync(PreparedDisk disk, CancellationToken cancellationToken = default)
    {
        ColoAddress address = AddressOf(disk, ColoRole.Secondary);
        return StartSecondaryAsync(address.Host, disk.ColoPortNumber, address.Export, cancellationToken);
    }

    /// <summary>
    /// Primary side, for a disk prepared on the primary, once the secondary listens: the replication
    /// node <paramref name="nodeName"/> over an NBD client of the disk's secondary is added with
    /// <c>blockdev-add</c> and joins the quorum named after the disk's <c>colo-export</c> with
    /// <c>x-blockdev-change</c>, then <c>xen-set-replication</c> with primary true. libxl sends the node as
    /// HMP <c>drive_add</c> text, which a space or comma in the host would split; here every value is a JSON argument.
    /// </summary>
    /// <param name="disk">A COLO disk prepared for this host as the primary (<see cref="ColoRole.Primary"/>).</param>
    /// <param name="nodeName">The node name given to the new replication node (libxl: <c>colo_nodeN</c>), a QEMU identifier of at most 31 characters.</param>
    /// <param name="cancellationToken">Cancels the sequence.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The disk is not this host's primary COLO disk, or <paramref name="nodeName"/> is not a QEMU node name.</exception>
    public Task StartPrimaryAsync(PreparedDisk disk, string nodeName, CancellationToken cancellationToken = default)
    {
        ColoAddress address = AddressOf(disk, ColoRole.Primary);
        return StartPrimaryAsync(address.Host, disk.ColoPortNumber, address.Export, nodeName, cancellationToken);
    }

    /// <summary>
    /// Primary teardown for a disk prepared on the primary: replication off, the NBD child leaves the
    /// disk's quorum, and the replication node <paramref name="nodeName"/> is deleted when given.
    /// </summary>
    /// <param name="disk">A COLO disk prepared for this host as the primary.</param>
    /// <param name="nodeName">The replication node's name, or null to leave the node in place (as libxl does).</param>
    /// <param name="cancellationToken">Cancels the sequence.</param>
    /// <exception cref="ArgumentNullException"><paramref name="disk"/> is null.</exception>
    /// <exception cref="ArgumentException">The disk is not this host's primary COLO disk, or <paramref name="nodeName"/> is not a QEMU node name.</exception>
    public Task StopPrimaryAsync(PreparedDisk disk, string? nodeName = null, CancellationToken cancellationToken = default) =>
        StopPrimaryAsync(AddressOf(disk, ColoRole.Primary).Export, nodeName, cancellationToken);

    /// <summary>
    /// Secondary side: <c>nbd-server-start</c> on HOST:PORT, <c>nbd-server-add</c> of the
    /// export (writable), then <c>xen-set-replication</c> with primary false. Every value goes as a
    /// JSON argument; the export must be a QEMU identifier (<see cref="QemuIdentifier"/>), checked
    /// before anything is sent.
    /// </summary>
    /// <param name="host">The address the NBD server listens on.</param>
    /// <param name="port">The NBD port.</param>
    /// <param name="export">The drive id exported (the secondary's <c>colo-export</c>).</param>
    /// <param name="cancellationToken">Cancels the sequence.</param>
    /// <exception cref="ArgumentException"><paramref name="export"/> is not a QEMU identifier.</exception>
    internal async Task StartSecondaryAsync(string host, int port, string export, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        CheckIdentifier(export, "colo-export", nameof(export));
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
    /// Primary side, once the secondary listens: adds a replication node in primary mode over an
    /// NBD client of the secondary with <c>blockdev-add</c>, joins it to the quorum named
    /// <paramref name="export"/> with <c>x-blockdev-change</c>, then <c>xen-set-replication</c> with
    /// primary true. libxl sends the node as HMP <c>drive_add -n buddy ...</c> text, which a space
    /// or comma in the host would split; here every value is a JSON argument, and the export and
    /// node name are checked as QEMU identifiers before anything is sent.
    /// </summary>
    /// <param name="host">The secondary's NBD host.</param>
    /// <param name="port">The secondary's NBD port.</param>
    /// <param name="export">The NBD export name, which is also the primary quorum's drive id.</param>
    /// <param name="nodeName">The node name given to the new replication node (libxl: <c>colo_nodeN</c>).</param>
    /// <param name="cancellationToken">Cancels the sequence.</param>
    /// <exception cref="ArgumentException"><paramref name="export"/> or <paramref name="nodeName"/> is not a QEMU identifier.</exception>
    internal async Task StartPrimaryAsync(string host, int port, string export, string nodeName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        CheckIdentifier(export, "colo-export", nameof(export));
        CheckIdentifier(nodeName, "node name", nameof(nodeName), QemuIdentifier.MaxNodeNameLength);
        await _client.ExecuteAsync("blockdev-add", new JsonObject
        {
            ["driver"] = "replication",
            ["node-name"] = nodeName,
            ["mode"] = "primary",
            ["file"] = new JsonObject
            {
                ["driver"] = "nbd",
                ["server"] = new JsonObject
                {
                    ["type"] = "inet",
                    ["host"] = host,
                    ["port"] = port.ToString(CultureInfo.InvariantCulture),
                },
                ["export"] = export,
            },
        }, cancellationToken).ConfigureAwait(false);
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
    /// Primary teardown as libxl does it: <c>xen-set-replication</c> off, then the NBD child
    /// leaves the quorum (<c>x-blockdev-change</c> with child <c>children.1</c>); the replication
    /// node stays in QEMU.
    /// </summary>
    /// <param name="export">The primary quorum's drive id.</param>
    /// <param name="cancellationToken">Cancels the sequence.</param>
    /// <exception cref="ArgumentException"><paramref name="export"/> is not a QEMU identifier.</exception>
    internal Task StopPrimaryAsync(string export, CancellationToken cancellationToken = default) =>
        StopPrimaryAsync(export, null, cancellationToken);

    /// <summary>
    /// Primary teardown: as <see cref="StopPrimaryAsync(string, CancellationToken)"/>, then the
    /// replication node <c>StartPrimaryAsync</c> added is deleted (<c>blockdev-del</c>), which
    /// closes its NBD connection.
    /// </summary>
    /// <param name="export">The primary quorum's drive id.</param>
    /// <param name="nodeName">The replication node's name, or null to leave the node in place.</param>
    /// <param name="cancellationToken">Cancels the sequence.</param>
    /// <exception cref="ArgumentException"><paramref name="export"/> or <paramref name="nodeName"/> is not a QEMU identifier.</exception>
    internal async Task StopPrimaryAsync(string export, string? nodeName, CancellationToken cancellationToken = default)
    {
        CheckIdentifier(export, "colo-export", nameof(export));
        if (nodeName is not null)
        {
            CheckIdentifier(nodeName, "node name", nameof(nodeName), QemuIdentifier.MaxNodeNameLength);
        }

        await SetReplicationAsync(enable: false, primary: true, cancellationToken).ConfigureAwait(false);
        await _client.ExecuteAsync("x-blockdev-change", new JsonObject { ["parent"] = export, ["child"] = PrimaryNbdChild }, cancellationToken).ConfigureAwait(false);
        if (nodeName is not null)
        {
            await _client.ExecuteAsync("blockdev-del", new JsonObject { ["node-name"] = nodeName }, cancellationToken).ConfigureAwait(false);
        }
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

    /// <summary>The address of a prepared COLO disk in the role this host must play for the step.</summary>
    private static ColoAddress AddressOf(PreparedDisk disk, ColoRole role)
    {
        ArgumentNullException.ThrowIfNull(disk);
        if (disk.Role != role || disk.ColoAddress is not ColoAddress address)
        {
            string actual = disk.Role == ColoRole.None ? "not a COLO disk" : $"this host's {disk.Role.ToString().ToLowerInvariant()} COLO disk";
            throw new ArgumentException($"disk {disk.Vdev} is {actual}; this step is for a disk prepared on the {role.ToString().ToLowerInvariant()}", nameof(disk));
        }

        return address;
    }

    private static void CheckIdentifier(string value, string option, string parameter, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        if (QemuIdentifier.Problem(value, option, maxLength) is string problem)
        {
            throw new ArgumentException(problem, parameter);
        }
    }
}
