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
/// getters' warnings on the way, or xl's error (xl exits with status 1 there). Only <see cref="Of"/>
/// makes one.
/// </summary>
public sealed class XlDomainTypeResult
{
    private XlDomainTypeResult(XlDomainType type, IReadOnlyList<string> warnings, string? error)
    {
        Type = type;
        Warnings = warnings;
        Error = error;
    }

    /// <summary>The type when there is no error; PV when neither setting is given (xl on x86).</summary>
    public XlDomainType Type { get; }

    /// <summary>libxlutil's warnings from reading the two settings (a list where a value belongs).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>xl's message for a type it does not know or two that contradict, or null.</summary>
    public string? Error { get; }

    /// <summary>True when xl would go on: there is no <see cref="Error"/>.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

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
