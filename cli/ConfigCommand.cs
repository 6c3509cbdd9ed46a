using System.Collections.Generic;
using System.CommandLine;
using Colo.Gen.Backends;
using Colo.Gen.Config;
using Colo.Gen.Qemu;

namespace Colo.Gen.Cli;

/// <summary>
/// <c>colo-disk config FILE</c>: the settings of an xl domain configuration file as libxlutil reads
/// them, and libxlutil's messages. Also the config half of <c>parse --config</c> and <c>qemu-args --config</c>.
/// </summary>
internal static class ConfigCommand
{
    /// <summary>Builds the command; it writes to <paramref name="io"/>.</summary>
    public static Command Create(CommandStreams io)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The xl domain configuration file (its name starts libxlutil's messages, as with xl).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("config", "Print the settings of an xl configuration file as libxlutil reads them: LINE: NAME = VALUE (or +=), the value as JSON.")
        {
            file,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(file) is not string path)
            {
                io.Error.WriteLine("colo-disk config: no configuration file given");
                return ExitStatus.UsageError;
            }

            XlConfig config = Read(io, path);
            foreach (XlConfigSetting setting in config.Settings)
            {
                // Straight to the output: after many `+=`, each setting's value is the whole string
                // joined so far, and building each line as a string would take memory in proportion
                // to all of them together (the square of the file's length).
                setting.WriteTo(io.Out);
                io.Out.Write('\n');
            }

            return config.Succeeded ? ExitStatus.Success : ExitStatus.Rejected;
        });
        return command;
    }

    /// <summary>Reads the file as xl does, writing libxlutil's messages to standard error.</summary>
    public static XlConfig Read(CommandStreams io, string path)
    {
        XlConfig config = XlConfig.Load(path);
        foreach (string message in config.Messages)
        {
            io.Error.WriteLine(message);
        }

        return config;
    }

    /// <summary>
    /// <c>colo-disk parse --config FILE</c>: each disk of the file's <c>disk</c> list as <c>parse</c>
    /// prints a disk, in order; at the first disk that does not parse, its errors and status 1 (xl
    /// stops there too).
    /// </summary>
    public static int ParseDisks(CommandStreams io, string path)
    {
        XlConfig config = Read(io, path);
        if (!config.Succeeded)
        {
            return ExitStatus.Rejected;
        }

        XlConfigDisks disks = ReadDisks(io, config);
        foreach (DiskParseResult disk in disks.Disks)
        {
            if (disk.Succeeded)
            {
                io.Out.Write("disk: ");
                io.Out.Write(disk.Disk.ToJson());
                io.Out.Write('\n');
            }
        }

        return disks.Succeeded ? ExitStatus.Success : ExitStatus.Rejected;
    }

    /// <summary>
    /// <c>colo-disk qemu-args --config FILE</c>: the QEMU arguments libxl gives the domain's disks. Only
    /// an HVM guest has emulated drives (libxl builds them for HVM alone); for a PV or PVH guest the
    /// disks are still parsed and given their defaults and backend, and a note says no drive is emulated.
    /// </summary>
    public static int QemuArgs(CommandStreams io, string path, QemuDialect dialect, DiskHost host)
    {
        XlConfig config = Read(io, path);
        if (!config.Succeeded)
        {
            return ExitStatus.Rejected;
        }

        XlDomainTypeResult type = XlDomainTypeResult.Of(config);
        foreach (string warning in type.Warnings)
        {
            io.Error.WriteLine(warning);
        }

        if (!type.Succeeded)
        {
            io.Error.WriteLine(type.Error);
            return ExitStatus.Rejected;
        }

        XlConfigDisks read = ReadDisks(io, config);
        if (!read.Succeeded)
        {
            return ExitStatus.Rejected;
        }

        // The disks get their defaults, backend and COLO role as for any guest (the parse errors were printed above).
        bool hvm = type.Type == XlDomainType.Hvm;
        DiskPreparationResult prepared = PreparedDisks.Prepare(read.Disks, host with { HvmGuest = hvm });
        if (prepared.Succeeded && !hvm)
        {
            string kind = type.Type == XlDomainType.Pvh ? "PVH" : "PV";
            io.Error.WriteLine($"colo-disk qemu-args: {path}: the guest is {kind}, and libxl emulates no drive for a {kind} guest: no QEMU drive arguments ({prepared.Disks.Count} disk(s) served by their PV backends)");
            return ExitStatus.Success;
        }

        return QemuArgsCommand.Print(io, prepared, dialect);
    }

    /// <summary>The file's disks as xl reads them; the warning and a failed disk's errors go to standard error.</summary>
    private static XlConfigDisks ReadDisks(CommandStreams io, XlConfig config)
    {
        XlConfigDisks disks = XlConfigDisks.Read(config);
        if (disks.Warning is not null)
        {
            io.Error.WriteLine(disks.Warning);
        }

        foreach (DiskParseResult disk in disks.Disks)
        {
            foreach (string error in disk.Errors)
            {
                io.Error.WriteLine(error);
            }
        }

        return disks;
    }
}
