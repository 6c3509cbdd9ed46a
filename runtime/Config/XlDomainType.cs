using System;
using System.Collections.Generic;

namespace Colo.Gen.Config;

/// <summary>The kind of guest a configuration describes, as xl decides it (its <c>type</c> and legacy <c>builder</c>).</summary>
public enum XlDomainType
{
    /// <summary>Paravirtualised: no emulated devices, so QEMU emulates no drive (xl's default on x86).</summary>
    Pv,

    /// <summary>Hardware-virtualised: QEMU emulates the disks (IDE, SCSI) for the device model.</summary>
    Hvm,

    /// <summary>PVH: hardware virtualisation with PV devices only; no drive is emulated.</summary>
    Pvh,
}

/// <summary>
/// What xl's <c>parse_config_data</c> makes of <c>type</c> and <c>builder</c>: the domain type, the
/// getters' warnings on the way, or xl's error (xl exits with status 1 there).
/// </summary>
/// <param name="Type">The type when there is no error; PV when neither setting is given (xl on x86).</param>
/// <param name="Warnings">libxlutil's warnings from reading the two settings (a list where a value belongs).</param>
/// <param name="Error">xl's message for a type it does not know or two that contradict, or null.</param>
public sealed record XlDomainTypeResult(XlDomainType Type, IReadOnlyList<string> Warnings, string? Error)
{
    /// <summary>
    /// Reads the domain type as xl does. <c>type</c> names hvm, pv or pvh, and xl compares only as
    /// many characters as the value has (<c>strncmp(value, "hvm", strlen(value))</c>), so any prefix
    /// counts: "h" and even "" are hvm, "p" is pv. <c>builder</c> (deprecated) is "hvm" or
    /// "generic" (pv) by the same rule, and must agree with <c>type</c> when both are given.
    /// </summary>
    public static XlDomainTypeResult Of(XlConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var warnings = new List<string>();
        XlDomainType? type = null;

        XlConfigLookup<ReadOnlyMemory<byte>> typeSetting = config.GetBytes("type");
        Collect(warnings, typeSetting.Warning);
        if (typeSetting.Found)
        {
            ReadOnlySpan<byte> value = typeSetting.Value.Span;
            type = IsPrefixOf(value, "hvm"u8) ? XlDomainType.Hvm
                : IsPrefixOf(value, "pv"u8) ? XlDomainType.Pv
                : IsPrefixOf(value, "pvh"u8) ? XlDomainType.Pvh
                : null;
            if (type is null)
            {
                return new(XlDomainType.Pv, warnings, $"Invalid domain type {XlConfigText.Render(value)}.");
            }
        }

        XlConfigLookup<ReadOnlyMemory<byte>> builder = config.GetBytes("builder");
        Collect(warnings, builder.Warning);
        if (builder.Found)
        {
            ReadOnlySpan<byte> value = builder.Value.Span;
            XlDomainType? built = IsPrefixOf(value, "hvm"u8) ? XlDomainType.Hvm
                : IsPrefixOf(value, "generic"u8) ? XlDomainType.Pv
                : null;
            if (built is null)
            {
                return new(XlDomainType.Pv, warnings, $"Invalid domain type {XlConfigText.Render(value)}.");
            }

            if (type is not null && type != built)
            {
                return new(XlDomainType.Pv, warnings, "Contradicting \"builder\" and \"type\" options specified.");
            }

            type = built;
        }

        return new(type ?? XlDomainType.Pv, warnings, null);
    }

    /// <summary>C's <c>strncmp(value, name, strlen(value)) == 0</c>: the value is a prefix of the name (an empty value too).</summary>
    private static bool IsPrefixOf(ReadOnlySpan<byte> value, ReadOnlySpan<byte> name) =>
        value.Length <= name.Length && name.StartsWith(value);

    private static void Collect(List<string> warnings, string? warning)
    {
        if (warning is not null)
        {
            warnings.Add(warning);
        }
    }
}
