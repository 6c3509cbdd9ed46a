using System;
using System.Globalization;

namespace Colo.Gen.Backends;

/// <summary>
/// Where the secondary's NBD server listens and what it exports: upstream Xen's
/// <c>colo-host</c>, <c>colo-port</c>, <c>colo-export</c>, or the seed's single
/// <c>colo-params=HOST:PORT:exportname=NAME</c>. A prepared COLO disk's address
/// (<see cref="PreparedDisk.ColoAddress"/>) has been checked: a port of 1 to 65535, an export that is a
/// QEMU identifier.
/// </summary>
/// <param name="Host">The secondary's host name or IP address, where its NBD server listens (<c>colo-host</c>).</param>
/// <param name="Port">The NBD server's TCP port as the spec wrote it (<c>colo-port</c>, or the seed's second part); 1 to 65535 in a prepared disk.</param>
/// <param name="Export">The NBD export name, also the disk's drive id in QEMU (<c>colo-export</c>); a QEMU identifier in a prepared disk.</param>
public sealed record ColoAddress(string Host, string Port, string Export)
{
    private const string ExportPrefix = "exportname=";

    /// <summary>
    /// True when the disk names an address at all, valid or not: what the seed's qdisk rule
    /// checks (<c>colo_params</c> set), or all three upstream fields set.
    /// </summary>
    /// <param name="disk">The disk.</param>
    internal static bool IsGiven(DiskDevice disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        return disk.ColoParams is not null || HasUpstreamFields(disk);
    }

    /// <summary>
    /// The disk's address: the upstream fields when all three are set, else the seed's
    /// <c>colo-params</c> split as the seed's <c>parse_colo_params</c> splits it.
    /// Null when neither gives one.
    /// </summary>
    /// <param name="disk">The disk.</param>
    internal static ColoAddress? Of(DiskDevice disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        if (HasUpstreamFields(disk))
        {
            return new ColoAddress(disk.ColoHost!, disk.ColoPort.ToString(CultureInfo.InvariantCulture), disk.ColoExport!);
        }

        return disk.ColoParams is null ? null : ParseSeedParams(disk.ColoParams);
    }

    /// <summary>
    /// The seed's <c>parse_colo_params</c>: HOST up to the first colon, PORT up to the next,
    /// then the literal <c>exportname=</c> and the name; each part non-empty, or null.
    /// </summary>
    /// <param name="coloParams">The <c>colo-params</c> value.</param>
    internal static ColoAddress? ParseSeedParams(string coloParams)
    {
        ArgumentNullException.ThrowIfNull(coloParams);
        int first = coloParams.IndexOf(':', StringComparison.Ordinal);
        if (first <= 0)
        {
            return null;
        }

        int second = coloParams.IndexOf(':', first + 1);
        if (second <= first + 1)
        {
            return null;
        }

        string rest = coloParams[(second + 1)..];
        if (!rest.StartsWith(ExportPrefix, StringComparison.Ordinal) || rest.Length == ExportPrefix.Length)
        {
            return null;
        }

        return new ColoAddress(coloParams[..first], coloParams[(first + 1)..second], rest[ExportPrefix.Length..]);
    }

    /// <summary>True when <see cref="Of"/> takes the upstream fields (all three set) rather than <c>colo-params</c>.</summary>
    internal static bool HasUpstreamFields(DiskDevice disk) =>
        disk.ColoHost is not null && disk.ColoPort != 0 && disk.ColoExport is not null;

    /// <summary>
    /// The option, as xl spells it, that gave the disk's address part <paramref name="upstreamOption"/>
    /// (<c>colo-host</c>, <c>colo-port</c> or <c>colo-export</c>): that option, or <c>colo-params</c>
    /// when the address came from there.
    /// </summary>
    internal static string OptionOf(DiskDevice disk, string upstreamOption) =>
        HasUpstreamFields(disk) ? upstreamOption : "colo-params";
}
