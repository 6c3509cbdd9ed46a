using System;
using System.Collections.Generic;
using System.Globalization;
using Colo.Gen.Qemu;

namespace Colo.Gen.Backends;

/// <summary>
/// What is wrong with a COLO disk's options, each problem naming the option (issue 14): libxl says only
/// "no suitable backend for disk hda" when the address, active-disk or hidden-disk is missing, and
/// accepts a port QEMU cannot listen on. These lines go beside libxl's own line, never instead of it.
/// </summary>
internal static class ColoOptions
{
    /// <summary>The highest TCP port.</summary>
    public const int MaxPort = 65535;

    /// <summary>The problems of <paramref name="disk"/>'s COLO options, in option order; empty when COLO is off or all is well.</summary>
    /// <param name="disk">A disk whose defaults are set (COLO off is then a set false).</param>
    public static List<DiskOptionProblem> Problems(DiskDevice disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        var problems = new List<DiskOptionProblem>();
        if (!disk.ColoEnable.WithDefault(false).Value)
        {
            return problems;
        }

        string vdev = disk.Vdev ?? "(null)";
        void Add(string option, string message) => problems.Add(new DiskOptionProblem(option, $"disk {vdev}: {message}"));

        if (disk.Backend is DiskBackend.Phy or DiskBackend.Tap or DiskBackend.Standalone)
        {
            Add("backendtype", $"COLO replicates through QEMU, so it needs backendtype=qdisk, not backendtype={disk.Backend.ToLibxlString()}");
        }

        // The address in use is the one ColoAddress.Of takes: all three upstream options, else colo-params.
        if (disk.ColoParams is not null && !ColoAddress.HasUpstreamFields(disk))
        {
            SeedAddressProblems(disk.ColoParams, Add);
        }
        else
        {
            UpstreamAddressProblems(disk, Add);
        }

        if (string.IsNullOrEmpty(disk.ActiveDisk))
        {
            Add("active-disk", "COLO needs active-disk=IMAGE, the image that takes the secondary VM's own writes");
        }

        if (string.IsNullOrEmpty(disk.HiddenDisk))
        {
            Add("hidden-disk", "COLO needs hidden-disk=IMAGE, the image that keeps what the primary's writes overwrote");
        }

        return problems;
    }

    /// <summary>Today's Xen: <c>colo-host</c>, <c>colo-port</c> (1 to 65535) and <c>colo-export</c> (a QEMU identifier).</summary>
    private static void UpstreamAddressProblems(DiskDevice disk, Action<string, string> add)
    {
        if (string.IsNullOrEmpty(disk.ColoHost))
        {
            add("colo-host", "COLO needs colo-host=HOST, the address of the secondary's NBD server");
        }

        if (disk.ColoPort == 0)
        {
            add("colo-port", $"COLO needs colo-port=PORT, the port of the secondary's NBD server (1 to {MaxPort})");
        }
        else if (disk.ColoPort is < 1 or > MaxPort)
        {
            add("colo-port", string.Create(CultureInfo.InvariantCulture, $"colo-port={disk.ColoPort} is out of range: a TCP port is 1 to {MaxPort}"));
        }

        if (disk.ColoExport is null)
        {
            add("colo-export", "COLO needs colo-export=NAME, the export the secondary's NBD server serves the disk as");
        }
        else if (QemuIdentifier.Problem(disk.ColoExport, "colo-export") is string notAnIdentifier)
        {
            add("colo-export", notAnIdentifier);
        }
    }

    /// <summary>The seed's <c>colo-params=HOST:PORT:exportname=NAME</c>, each part present, the port 1 to 65535.</summary>
    private static void SeedAddressProblems(string coloParams, Action<string, string> add)
    {
        if (ColoAddress.ParseSeedParams(coloParams) is not ColoAddress address)
        {
            add("colo-params", $"colo-params={coloParams} is not HOST:PORT:exportname=NAME");
            return;
        }

        if (PortNumber(address.Port) is null)
        {
            add("colo-params", $"the port `{address.Port}' in colo-params is not a TCP port (1 to {MaxPort})");
        }

        if (QemuIdentifier.Problem(address.Export, "colo-params exportname") is string notAnIdentifier)
        {
            add("colo-params", notAnIdentifier);
        }
    }

    /// <summary>A port written in decimal digits, 1 to 65535; null for anything else.</summary>
    public static int? PortNumber(string port) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number is >= 1 and <= MaxPort ? number : null;
}

/// <summary>One problem with a disk's options: the option at fault (as xl spells it) and the line that says what is wrong.</summary>
/// <param name="Option">The option, e.g. <c>colo-port</c>.</param>
/// <param name="Message">The line, starting with the disk's vdev.</param>
internal readonly record struct DiskOptionProblem(string Option, string Message);
