using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Colo.Gen.Backends;

namespace Colo.Gen.Xenstore;

/// <summary>
/// A disk's backend directory in xenstore, as libxl's <c>device_disk_add</c> writes it and
/// <c>libxl__disk_from_xenstore</c> reads it back, with the COLO nodes in either layout.
/// </summary>
public static class DiskBackendNodes
{
    /// <summary>Where libxl finds hotplug scripts named without a path (<c>libxl__xen_script_dir_path</c>).</summary>
    public const string ScriptDirectory = "/etc/xen/scripts";

    /// <summary>xenbus's <c>XenbusStateInitialising</c>, the state a new backend starts in.</summary>
    public const int StateInitialising = 1;

    private const int MaxTransactionAttempts = 16;

    /// <summary>The nodes libxl writes for a prepared disk, in its order, names relative to the backend directory.</summary>
    /// <param name="disk">The disk, prepared on the host that runs the guest.</param>
    /// <param name="frontendDomid">The guest's domain id.</param>
    /// <param name="layout">How the COLO nodes are laid out.</param>
    /// <returns>
    /// The nodes, or why there are none. A disk prepared without examining its target
    /// (<see cref="PreparedDisk.TargetExamined"/> false: for another host) is refused, since its backend
    /// type may not be the one libxl on the guest's host would choose.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="disk"/> is null.</exception>
    public static DiskBackendNodesResult For(PreparedDisk disk, uint frontendDomid, ColoNodeLayout layout)
    {
        ArgumentNullException.ThrowIfNull(disk);
        if (!disk.TargetExamined)
        {
            return DiskBackendNodesResult.Refused($"disk {disk.Vdev} was prepared without examining its target (for another host): its backend nodes are written on the host that runs the guest, after preparing the disks there");
        }

        return For(disk.Device, frontendDomid, layout);
    }

    /// <summary>The nodes libxl writes for <paramref name="disk"/>, whose defaults and backend are set.</summary>
    internal static DiskBackendNodesResult For(DiskDevice disk, uint frontendDomid, ColoNodeLayout layout)
    {
        ArgumentNullException.ThrowIfNull(disk);
        var nodes = new List<KeyValuePair<string, string>>();
        void Add(string name, string value) => nodes.Add(new(name, value));
        switch (disk.Backend)
        {
            case DiskBackend.Phy:
                Add("params", disk.PdevPath ?? string.Empty);
                Add("script", ScriptPath(disk.Script ?? "block"));
                break;
            case DiskBackend.Standalone:
                Add("params", disk.PdevPath ?? string.Empty);
                break;
            case DiskBackend.Tap:
                Add("params", $"{FormatName(disk.Format)}:{disk.PdevPath}");
                Add("script", ScriptPath(disk.Script ?? "block-tap"));
                break;
            case DiskBackend.Qdisk:
                Add("params", $"{FormatName(disk.Format)}:{disk.PdevPath}");
                if (disk.ColoEnable.WithDefault(false).Value && !AddColo(disk, layout, Add, out string? coloError))
                {
                    return DiskBackendNodesResult.Refused(coloError);
                }

                break;
            default:
                return DiskBackendNodesResult.Refused($"Unrecognized disk backend type: {(int)disk.Backend}");
        }

        Add("frontend-id", frontendDomid.ToString(CultureInfo.InvariantCulture));
        Add("online", "1");
        Add("removable", disk.Removable ? "1" : "0");
        Add("bootable", "1");
        Add("state", StateInitialising.ToString(CultureInfo.InvariantCulture));
        Add("dev", disk.Vdev ?? string.Empty);
        Add("type", TypeName(disk.Backend));
        Add("mode", disk.Readwrite ? "w" : "r");
        Add("device-type", disk.IsCdrom ? "cdrom" : "disk");
        if (disk.DirectIoSafe)
        {
            Add("direct-io-safe", "1");
        }

        Add("discard-enable", disk.DiscardEnable.WithDefault(disk.Readwrite).Value ? "1" : "0");
        Add("specification", disk.Specification == DiskSpecification.Virtio ? "virtio" : "xen");
        if (disk.Specification == DiskSpecification.Virtio)
        {
            Add("transport", "mmio");
            Add("base", disk.Base.ToString(CultureInfo.InvariantCulture));
            Add("irq", disk.Irq.ToString(CultureInfo.InvariantCulture));
            Add("grant_usage", disk.GrantUsage.WithDefault(disk.BackendDomid != 0).Value ? "1" : "0");
        }

        return DiskBackendNodesResult.Made(nodes);
    }

    /// <summary>
    /// Writes the disk's backend nodes under <paramref name="backendPath"/> in one transaction,
    /// run again when it conflicts (as libxl retries on EAGAIN).
    /// </summary>
    /// <param name="xenstore">The store.</param>
    /// <param name="backendPath">The backend directory, e.g. <c>/local/domain/0/backend/qdisk/1/768</c>.</param>
    /// <param name="disk">The disk, prepared on the host that runs the guest (see <see cref="For(PreparedDisk, uint, ColoNodeLayout)"/>).</param>
    /// <param name="frontendDomid">The guest's domain id.</param>
    /// <param name="layout">How the COLO nodes are laid out.</param>
    /// <returns>The nodes written, or why nothing was written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DiskBackendNodesResult Write(IXenstore xenstore, string backendPath, PreparedDisk disk, uint frontendDomid, ColoNodeLayout layout)
    {
        ArgumentNullException.ThrowIfNull(xenstore);
        ArgumentNullException.ThrowIfNull(backendPath);
        return WriteNodes(xenstore, backendPath, For(disk, frontendDomid, layout));
    }

    /// <summary>Writes the nodes of a disk whose defaults and backend are set.</summary>
    internal static DiskBackendNodesResult Write(IXenstore xenstore, string backendPath, DiskDevice disk, uint frontendDomid, ColoNodeLayout layout)
    {
        ArgumentNullException.ThrowIfNull(xenstore);
        ArgumentNullException.ThrowIfNull(backendPath);
        return WriteNodes(xenstore, backendPath, For(disk, frontendDomid, layout));
    }

    private static DiskBackendNodesResult WriteNodes(IXenstore xenstore, string backendPath, DiskBackendNodesResult made)
    {
        if (!made.Succeeded)
        {
            return made;
        }

        IReadOnlyList<KeyValuePair<string, string>> nodes = made.Nodes;
        for (int attempt = 0; attempt < MaxTransactionAttempts; attempt++)
        {
            using IXenstoreTransaction transaction = xenstore.BeginTransaction();
            foreach (KeyValuePair<string, string> node in nodes)
            {
                transaction.Write($"{backendPath}/{node.Key}", node.Value);
            }

            if (transaction.Commit())
            {
                return made;
            }
        }

        return DiskBackendNodesResult.Refused("xs transaction failed");
    }

    /// <summary>
    /// Reads a disk back from its backend directory as libxl does: <c>params</c> may be absent
    /// (its <c>FORMAT:</c> prefix is dropped); a first COLO node turns COLO on and then every other
    /// COLO node must be there; <c>type</c>, <c>dev</c>, <c>removable</c>, <c>mode</c> and
    /// <c>device-type</c> must be there. The format is not kept in xenstore and reads as unknown.
    /// </summary>
    /// <param name="xenstore">The store (or a transaction).</param>
    /// <param name="backendPath">The backend directory.</param>
    /// <param name="layout">How the COLO nodes are laid out.</param>
    public static DiskBackendRead Read(IXenstoreNodes xenstore, string backendPath, ColoNodeLayout layout)
    {
        ArgumentNullException.ThrowIfNull(xenstore);
        ArgumentNullException.ThrowIfNull(backendPath);
        var disk = new DiskDevice();
        string? Node(string name) => xenstore.Read($"{backendPath}/{name}");
        DiskBackendRead Missing(string name) => new(null, $"Missing xenstore node {backendPath}/{name}");

        string? value = Node("params");
        disk.PdevPath = value is not null && value.IndexOf(':', StringComparison.Ordinal) is int colon and >= 0 ? value[(colon + 1)..] : value;

        string? missing = layout == ColoNodeLayout.Seed ? ReadSeedColo(disk, Node) : ReadUpstreamColo(disk, Node);
        if (missing is not null)
        {
            return Missing(missing);
        }

        if (Node("type") is not string type)
        {
            return Missing("type");
        }

        disk.Backend = BackendOfType(type);
        if (Node("specification") is not string specification)
        {
            disk.Specification = DiskSpecification.Xen; // absent: written by a libxl older than virtio disks
        }
        else if (!DiskSpecificationExtensions.TryParseLibxl(specification, out DiskSpecification parsed))
        {
            return new DiskBackendRead(null, $"Unable to parse xenstore node {backendPath}/specification");
        }
        else
        {
            disk.Specification = parsed;
        }

        if (disk.Specification == DiskSpecification.Virtio)
        {
            if (Node("transport") is not string transport)
            {
                return Missing("transport");
            }

            if (transport != "mmio")
            {
                return new DiskBackendRead(null, "Only transport mmio is expected for specification virtio");
            }

            disk.Transport = DiskTransport.Mmio;
            if (Node("base") is not string baseText)
            {
                return Missing("base");
            }

            if (Node("irq") is not string irqText)
            {
                return Missing("irq");
            }

            disk.Base = LeadingDecimal(baseText);
            disk.Irq = (uint)LeadingDecimal(irqText);
            disk.GrantUsage = Node("grant_usage") is string grant ? Defbool.From(LeadingDecimal(grant) != 0) : Defbool.From(disk.BackendDomid != 0);
        }

        if ((disk.Vdev = Node("dev")) is null)
        {
            return Missing("dev");
        }

        if (Node("removable") is not string removable)
        {
            return Missing("removable");
        }

        disk.Removable = CAtoi.Parse(Encoding.UTF8.GetBytes(removable)) != 0; // libxl: atoi, then used as a flag
        if (Node("mode") is not string mode)
        {
            return Missing("mode");
        }

        disk.Readwrite = mode == "w";
        if (Node("device-type") is not string deviceType)
        {
            return Missing("device-type");
        }

        disk.IsCdrom = deviceType == "cdrom";
        disk.Format = DiskFormat.Unknown;
        return new DiskBackendRead(disk, null);
    }

    private static bool AddColo(DiskDevice disk, ColoNodeLayout layout, Action<string, string> add, [NotNullWhen(false)] out string? error)
    {
        error = null;
        ColoAddress? address = ColoAddress.Of(disk);
        if (layout == ColoNodeLayout.Seed)
        {
            // The seed stores colo-params as given; a disk written with upstream's three fields
            // gets them joined into the seed's form.
            string? coloParams = disk.ColoParams ?? (address is null ? null : $"{address.Host}:{address.Port}:exportname={address.Export}");
            if (coloParams is null)
            {
                error = $"COLO disk {disk.Vdev} has no colo-params";
                return false;
            }

            add("colo-params", coloParams);
        }
        else
        {
            if (address is null)
            {
                error = $"COLO disk {disk.Vdev} has no COLO address (colo-host, colo-port, colo-export)";
                return false;
            }

            add("colo-host", address.Host);
            add("colo-port", address.Port);
            add("colo-export", address.Export);
        }

        add("active-disk", disk.ActiveDisk ?? string.Empty);
        add("hidden-disk", disk.HiddenDisk ?? string.Empty);
        return true;
    }

    /// <summary>Upstream: <c>colo-host</c> present turns COLO on; then port, export, active and hidden disks must be there.</summary>
    private static string? ReadUpstreamColo(DiskDevice disk, Func<string, string?> node)
    {
        if ((disk.ColoHost = node("colo-host")) is null)
        {
            disk.ColoEnable = Defbool.False;
            return null;
        }

        disk.ColoEnable = Defbool.True;
        if (node("colo-port") is not string port)
        {
            return "colo-port";
        }

        disk.ColoPort = CAtoi.Parse(Encoding.UTF8.GetBytes(port));
        if ((disk.ColoExport = node("colo-export")) is null)
        {
            return "colo-export";
        }

        return ReadStackDisks(disk, node);
    }

    /// <summary>The seed: <c>colo-params</c> present turns COLO on; then the active and hidden disks must be there.</summary>
    private static string? ReadSeedColo(DiskDevice disk, Func<string, string?> node)
    {
        disk.ColoParams = node("colo-params");
        disk.ColoEnable = Defbool.From(disk.ColoParams is not null);
        return disk.ColoParams is null ? null : ReadStackDisks(disk, node);
    }

    private static string? ReadStackDisks(DiskDevice disk, Func<string, string?> node)
    {
        if ((disk.ActiveDisk = node("active-disk")) is null)
        {
            return "active-disk";
        }

        return (disk.HiddenDisk = node("hidden-disk")) is null ? "hidden-disk" : null;
    }

    /// <summary>libxl's <c>libxl__abs_path</c>: a script named without a leading '/' lives in the script directory.</summary>
    private static string ScriptPath(string script) => script.StartsWith('/') ? script : $"{ScriptDirectory}/{script}";

    /// <summary>libxl's <c>libxl__device_disk_string_of_format</c>: raw and empty images are "aio".</summary>
    private static string FormatName(DiskFormat format) => format switch
    {
        DiskFormat.Qcow => "qcow",
        DiskFormat.Qcow2 => "qcow2",
        DiskFormat.Vhd => "vhd",
        DiskFormat.Raw or DiskFormat.Empty => "aio",
        DiskFormat.Qed => "qed",
        _ => "(null)",
    };

    /// <summary>libxl's <c>libxl__device_disk_string_of_backend</c> (tapdisk's backend is "vbd3").</summary>
    private static string TypeName(DiskBackend backend) => backend switch
    {
        DiskBackend.Qdisk => "qdisk",
        DiskBackend.Tap => "vbd3",
        DiskBackend.Phy => "phy",
        _ => "standalone",
    };

    /// <summary>libxl's <c>libxl_string_to_backend</c> for the names it writes (and the older "file" for tap).</summary>
    private static DiskBackend BackendOfType(string type) => type switch
    {
        "phy" => DiskBackend.Phy,
        "file" or "vbd3" => DiskBackend.Tap,
        "qdisk" => DiskBackend.Qdisk,
        "standalone" => DiskBackend.Standalone,
        _ => DiskBackend.Unknown,
    };

    /// <summary><c>strtoul(text, NULL, 10)</c> for well-formed values: the leading decimal digits, 0 when none.</summary>
    private static ulong LeadingDecimal(string text)
    {
        ulong value = 0;
        foreach (char c in text.AsSpan().TrimStart())
        {
            if (c is < '0' or > '9' || value > (ulong.MaxValue - 9) / 10)
            {
                break;
            }

            value = (value * 10) + (ulong)(c - '0');
        }

        return value;
    }
}
