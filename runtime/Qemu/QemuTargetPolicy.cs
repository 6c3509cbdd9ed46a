using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace Colo.Gen.Qemu;

/// <summary>
/// Which QEMU block protocols a disk spec may choose through its image names (<c>target=</c>,
/// <c>active-disk=</c>, <c>hidden-disk=</c>). QEMU reads <c>NAME:rest</c> as protocol NAME when the
/// colon comes before any slash, and <c>json:{...}</c> as a whole set of driver options; escaping
/// commas does not stop that. So every image name goes through a policy:
/// <list type="bullet">
/// <item>no protocol prefix (<c>/dev/vg/guest</c>, <c>images/a.img</c>): written as it is;</item>
/// <item>an allowed protocol (<see cref="Default"/>: the network protocols libxl users pass with
/// <c>backendtype=qdisk</c>, such as Ceph's <c>rbd:pool/image</c>): written as it is, and QEMU
/// opens that protocol;</item>
/// <item>any other protocol QEMU knows (<c>json:</c>, <c>fat:</c> and <c>vvfat</c>, <c>null-co:</c>,
/// <c>blkdebug:</c>, <c>http:</c>, ...): an error, before QEMU is started;</item>
/// <item>a word QEMU knows no protocol by (<c>dir:x.img</c>): a relative path with a colon,
/// written <c>./dir:x.img</c> so that QEMU opens that very file instead of failing with
/// "Unknown protocol".</item>
/// </list>
/// A caller widens or narrows the policy with <see cref="Allowing"/> and <see cref="Without"/>.
/// </summary>
/// <remarks>
/// Why <c>./</c> and not QEMU's <c>file:</c> prefix: QEMU 7.2 strips <c>file:</c> only from a
/// drive's top-level <c>file=</c>; inside nested options (the COLO drives'
/// <c>children.0.file.filename=</c>, <c>file.file.filename=</c>) it reads names as plain file names,
/// and there <c>file:dir:x.img</c> names another file. <c>./NAME</c> is the same file in both places.
/// The same nesting means a protocol in a COLO drive's image name is opened as a file name by QEMU;
/// the policy still refuses the ones it does not allow there, so one rule covers every image name.
/// </remarks>
public sealed class QemuTargetPolicy
{
    /// <summary>
    /// The protocol prefixes QEMU's block layer knows (7.2, with modules, and the ones added or
    /// removed around it), plus <c>json</c> (QEMU's pseudo-protocol of inline options) and
    /// <c>vvfat</c> (the driver behind <c>fat:</c>). A prefix not listed is no protocol to QEMU.
    /// </summary>
    public static readonly IReadOnlySet<string> KnownProtocols = FrozenSet.Create(StringComparer.Ordinal,
    [
        "json", "file", "host_device", "host_cdrom", "fat", "vvfat", "null-co", "null-aio", "blkdebug", "blkverify",
        "nvme", "io_uring", "nvme-io_uring", "virtio-blk-vfio-pci", "virtio-blk-vhost-user", "virtio-blk-vhost-vdpa",
        "nbd", "nbd+tcp", "nbd+unix", "rbd", "iscsi", "iser", "gluster", "gluster+tcp", "gluster+unix", "gluster+rdma",
        "http", "https", "ftp", "ftps", "ssh", "nfs", "sheepdog", "sheepdog+tcp", "sheepdog+unix", "vxhs",
    ]);

    /// <summary>
    /// The default: the network block protocols Xen users put in <c>target=</c> with
    /// <c>backendtype=qdisk</c> — Ceph (<c>rbd</c>, in libvirt's and Xen's documentation), NBD
    /// (<c>nbd</c>, <c>nbd+tcp</c>; QEMU's NBD syntax also reaches a local unix socket), iSCSI
    /// (<c>iscsi</c>) and GlusterFS (<c>gluster</c>, <c>gluster+tcp</c>). Nothing that exposes the
    /// host (<c>fat:</c> serves a directory, <c>host_device:</c>, <c>nvme:</c>), makes up data
    /// (<c>null-co:</c>), reads options from a file (<c>blkdebug:</c>) or sets any driver option (<c>json:</c>).
    /// </summary>
    public static QemuTargetPolicy Default { get; } = new(FrozenSet.Create(StringComparer.Ordinal,
        ["rbd", "nbd", "nbd+tcp", "iscsi", "gluster", "gluster+tcp"]));

    /// <summary>No protocol at all: every image name is a file on this host.</summary>
    public static QemuTargetPolicy FilesOnly { get; } = new(FrozenSet<string>.Empty);

    private QemuTargetPolicy(FrozenSet<string> allowed) => AllowedProtocols = allowed;

    /// <summary>The protocol prefixes a spec may choose (QEMU compares them case-sensitively, and so does the policy).</summary>
    public IReadOnlySet<string> AllowedProtocols { get; }

    /// <summary>This policy, also allowing <paramref name="protocols"/> (e.g. <c>"http"</c>, or even <c>"json"</c>).</summary>
    /// <param name="protocols">Protocol prefixes without the colon.</param>
    public QemuTargetPolicy Allowing(params IEnumerable<string> protocols)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        var allowed = new HashSet<string>(AllowedProtocols, StringComparer.Ordinal);
        foreach (string protocol in protocols)
        {
            allowed.Add(CheckName(protocol));
        }

        return new QemuTargetPolicy(allowed.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>This policy, no longer allowing <paramref name="protocols"/> (e.g. <c>"nbd"</c> for no outgoing NBD).</summary>
    /// <param name="protocols">Protocol prefixes without the colon.</param>
    public QemuTargetPolicy Without(params IEnumerable<string> protocols)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        var allowed = new HashSet<string>(AllowedProtocols, StringComparer.Ordinal);
        foreach (string protocol in protocols)
        {
            allowed.Remove(CheckName(protocol));
        }

        return new QemuTargetPolicy(allowed.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The protocol QEMU reads in <paramref name="imageName"/>, or null when it reads a file name:
    /// <c>json</c> for a <c>json:</c> prefix (checked before anything else), else the text before the
    /// first colon when no slash comes before it (QEMU's <c>path_has_protocol</c>); it may be a word
    /// QEMU knows no protocol by, or even empty (<c>:x</c>).
    /// </summary>
    /// <param name="imageName">A target, active-disk or hidden-disk as the spec gave it.</param>
    public static string? ProtocolOf(string imageName)
    {
        ArgumentNullException.ThrowIfNull(imageName);
        if (imageName.StartsWith("json:", StringComparison.Ordinal))
        {
            return "json";
        }

        int stop = imageName.AsSpan().IndexOfAny(':', '/');
        return stop >= 0 && imageName[stop] == ':' ? imageName[..stop] : null;
    }

    /// <summary>
    /// The value to write for <paramref name="imageName"/>, escaped for QEMU's option syntax, or why
    /// the policy refuses it: a file name as it is, an allowed protocol as it is, an unknown
    /// <c>word:</c> prefix as <c>./word:...</c> (the literal file), a known protocol not allowed: an error.
    /// </summary>
    /// <param name="imageName">The user's image name.</param>
    /// <param name="what">What it is, for the message (<c>target</c>, <c>active-disk</c>, <c>hidden-disk</c>).</param>
    public QemuOptionValueResult Apply(string imageName, string what)
    {
        ArgumentNullException.ThrowIfNull(imageName);
        ArgumentNullException.ThrowIfNull(what);
        string? protocol = ProtocolOf(imageName);
        if (protocol is null || AllowedProtocols.Contains(protocol))
        {
            return QemuOptionValue.Escape(imageName, what);
        }

        if (KnownProtocols.Contains(protocol))
        {
            QemuOptionValueResult checkedValue = QemuOptionValue.Escape(imageName, what);
            return QemuOptionValueResult.Refused(checkedValue.Error ??
                $"{what} \"{imageName}\" would make QEMU use its \"{protocol}\" protocol, which the target policy does not allow (a file of that name is written ./{imageName})");
        }

        // Not a protocol QEMU has: the user means the file, relative to QEMU's working directory.
        return QemuOptionValue.Escape(imageName, what, written: "./" + imageName);
    }

    private static string CheckName(string protocol)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        if (protocol.AsSpan().IndexOfAny(':', '/') >= 0)
        {
            throw new ArgumentException($"\"{protocol}\" is not a protocol name (give it without the colon)", nameof(protocol));
        }

        return protocol;
    }
}
