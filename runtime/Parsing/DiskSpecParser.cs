using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Colo.Gen;

/// <summary>
/// Parses xl disk specifications exactly as Xen's libxlutil (<c>xlu_disk_parse</c>) does:
/// the same values, the same defaults after the scan, the same error lines.
/// </summary>
public static class DiskSpecParser
{
    /// <summary>The source name xl's command line reports errors under.</summary>
    public const string CommandLine = "command line";

    [ThreadStatic]
    private static DiskSpecScanner? threadScanner;

    /// <summary>Parses a disk given as one spec string.</summary>
    /// <param name="spec">The spec, e.g. <c>format=raw,vdev=hda,target=/dev/vg/guest</c>.</param>
    /// <param name="source">The name errors start with (libxlutil's config source).</param>
    public static DiskParseResult Parse(string spec, string source = CommandLine) => Parse([spec], source);

    /// <summary>
    /// Parses the specs of one disk, in order, into one <see cref="DiskDevice"/>. Like
    /// libxlutil, the first spec with an error ends the parse. Never throws for any spec
    /// text; a null spec counts as an empty one.
    /// </summary>
    /// <param name="specs">The spec strings of one disk (xl's arguments after the domain).</param>
    /// <param name="source">The name errors start with (libxlutil's config source).</param>
    public static DiskParseResult Parse(IReadOnlyList<string> specs, string source = CommandLine)
    {
        ArgumentNullException.ThrowIfNull(specs);
        return specs switch
        {
            // No interface calls per spec for the usual collections.
            string[] array => Parse(new ReadOnlySpan<string>(array), source),
            List<string> list => Parse(CollectionsMarshal.AsSpan(list), source),
            _ => Parse(CollectionsMarshal.AsSpan(new List<string>(specs)), source),
        };
    }

    /// <inheritdoc cref="Parse(IReadOnlyList{string}, string)"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in loops over many disks: skip the slow tiers
    public static DiskParseResult Parse(ReadOnlySpan<string> specs, string source = CommandLine)
    {
        ArgumentNullException.ThrowIfNull(source);

        DiskSpecScanner scanner = threadScanner ??= new DiskSpecScanner();
        var disk = new DiskDevice();
        scanner.StartDisk(disk, source);
        disk.Readwrite = 1;

        foreach (string spec in specs)
        {
            scanner.StartSpec(spec ?? string.Empty);
            scanner.Lex();
            if (scanner.IsJammed)
            {
                scanner.ReportJam();
            }

            if (scanner.HasError)
            {
                return Finish(scanner, disk);
            }
        }

        ApplyPostScanRules(scanner, disk);
        return Finish(scanner, disk);
    }

    /// <summary>What xlu_disk_parse does once every spec is scanned.</summary>
    private static void ApplyPostScanRules(DiskSpecScanner scanner, DiskDevice disk)
    {
        if (disk.Format == DiskFormat.Unknown)
        {
            disk.Format = DiskFormat.Raw;
        }

        if (disk.IsCdrom != 0)
        {
            disk.Removable = 1;
            disk.Readwrite = 0;
            if (string.IsNullOrEmpty(disk.PdevPath))
            {
                disk.Format = DiskFormat.Empty;
            }
        }

        if (disk.Vdev is null)
        {
            scanner.Error("no vdev specified");
        }
        else if (disk.PdevPath is null && disk.Removable == 0)
        {
            scanner.Error("no target specified (and device not removable)");
        }
    }

    private static DiskParseResult Finish(DiskSpecScanner scanner, DiskDevice disk)
    {
        return new DiskParseResult(disk, scanner.HasError ? scanner.Errors : null);
    }
}
