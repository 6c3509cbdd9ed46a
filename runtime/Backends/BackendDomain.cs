using System;
using System.Collections.Generic;
using System.Globalization;
using Colo.Gen.Xenstore;

namespace Colo.Gen.Backends;

/// <summary>
/// libxl's <c>libxl__resolve_domid</c> for a disk's <c>backend=</c> (<c>backend_domname</c>), through
/// <c>libxl_domain_qualifier_to_domid</c>: a name of decimal digits only (also the empty name) is the
/// domain id itself, read as <c>strtoul</c> reads it into a 32-bit id; any other name is looked up
/// among the domains' <c>/local/domain/ID/name</c> nodes in xenstore, the first with exactly that name
/// in ascending id order (libxl walks its domain list, which is ordered so). No name leaves the disk's
/// <c>backend_domid</c> as it is.
/// </summary>
internal static class BackendDomain
{
    /// <summary>Where xenstore keeps each domain's directory, and in it the domain's <c>name</c>.</summary>
    public const string DomainsPath = "/local/domain";

    /// <summary>The domain id <paramref name="name"/> stands for, or an error naming it.</summary>
    /// <param name="name">The disk's <c>backend_domname</c>.</param>
    /// <param name="xenstore">Where names are looked up; null when there is none to ask.</param>
    public static BackendDomainResolution Resolve(string name, IXenstoreNodes? xenstore)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsAllDigits(name))
        {
            return new BackendDomainResolution(StrtoulToDomid(name), null);
        }

        if (xenstore is null)
        {
            return new BackendDomainResolution(null, $"backend={name} names a domain, and no xenstore was given to look its name up in");
        }

        var ids = new List<uint>();
        foreach (string child in xenstore.Directory(DomainsPath))
        {
            // Only a canonical decimal id is a domain directory (libxl reads /local/domain/%u/name).
            if (IsAllDigits(child) && child.Length > 0 && uint.TryParse(child, NumberStyles.None, CultureInfo.InvariantCulture, out uint id)
                && id.ToString(CultureInfo.InvariantCulture) == child)
            {
                ids.Add(id);
            }
        }

        ids.Sort();
        foreach (uint id in ids)
        {
            if (string.Equals(xenstore.Read($"{DomainsPath}/{id.ToString(CultureInfo.InvariantCulture)}/name"), name, StringComparison.Ordinal))
            {
                return new BackendDomainResolution(id, null);
            }
        }

        return new BackendDomainResolution(null, $"backend={name}: no domain has that name (no {DomainsPath}/*/name is `{name}')");
    }

    /// <summary>libxl's loop over <c>isdigit</c>: true for the empty name too.</summary>
    private static bool IsAllDigits(string name)
    {
        foreach (char c in name)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>strtoul(name, NULL, 10)</c> stored in a <c>uint32_t</c>: "" is 0, a value past
    /// <c>ULONG_MAX</c> saturates there, and the 64-bit value is cut to its low 32 bits.
    /// </summary>
    private static uint StrtoulToDomid(string digits)
    {
        ulong value = 0;
        foreach (char c in digits)
        {
            ulong digit = (ulong)(c - '0');
            if (value > (ulong.MaxValue - digit) / 10)
            {
                value = ulong.MaxValue;
                break;
            }

            value = (value * 10) + digit;
        }

        return unchecked((uint)value);
    }
}

/// <summary>A backend domain name resolved: the domain id, or why there is none.</summary>
/// <param name="Domid">The domain id; null on error.</param>
/// <param name="Error">Why the name names no domain; null on success.</param>
internal readonly record struct BackendDomainResolution(uint? Domid, string? Error);
