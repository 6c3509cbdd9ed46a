using System.Collections.Generic;
using System.CommandLine;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;

namespace Colo.Gen.Cli;

/// <summary>
/// <c>colo-disk qemu-args</c>: the QEMU arguments libxl's device model code gives a domain's disks.
/// </summary>
internal static class QemuArgsCommand
{
    /// <summary>Builds the command; it writes to <paramref name="io"/>.</summary>
    public static Command Create(CommandStreams io)
    {
        var disks = new Argument<string[]>("DISK")
        {
            Description = "One disk specification per argument, in the domain's disk order.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var dialect = new Option<string>("--dialect")
        {
            Description = "upstream: today's libxl strings, what QEMU accepts (default); seed: the COLO patch's strings, byte for byte.",
            DefaultValueFactory = _ => "upstream",
        };
        dialect.AcceptOnlyFromAmong("upstream", "seed");
        var coloRestore = new Option<bool>("--colo-restore")
        {
            Description = "The domain is restored from a COLO checkpoint stream: this host is the COLO secondary.",
        };

        var config = new Option<string?>("--config")
        {
            Description = "Take the disks from this xl configuration file (HVM guests only have emulated drives).",
        };

        var command = new Command("qemu-args", "Print the QEMU arguments for these disks, one argument a line.")
        {
            disks, dialect, coloRestore, config,
        };
        command.SetAction(result =>
        {
            if (RunConfig(io, result, disks, config, dialect, coloRestore) is int configStatus)
            {
                return configStatus;
            }

            var parsedDisks = new List<DiskDevice>();
            int failures = 0;
            foreach (string spec in result.GetValue(disks) ?? [])
            {
                DiskParseResult parsed = DiskSpecParser.Parse([spec], ParseCommand.Source);
                foreach (string error in parsed.Errors)
                {
                    io.Error.WriteLine(error);
                }

                if (!parsed.Succeeded)
                {
                    failures++;
                    continue;
                }

                parsedDisks.Add(parsed.Disk);
            }

            if (failures > 0)
            {
                return 1;
            }

            // libxl_domain_create_new makes this host the primary; a restore from a COLO
            // checkpoint stream makes it the secondary. Then setdefault and the backend choice.
            ColoRoles.Assign(parsedDisks, result.GetValue(coloRestore) ? ColoRole.Secondary : ColoRole.Primary);
            foreach (DiskDevice disk in parsedDisks)
            {
                BackendSelection selection = DiskDefaults.Apply(disk, LinuxHostProbe.Instance);
                if (!selection.Succeeded)
                {
                    io.Error.WriteLine(selection.Error);
                    failures++;
                }
            }

            if (failures > 0)
            {
                return 1;
            }

            QemuDialect chosen = result.GetValue(dialect) == "seed" ? QemuDialect.Seed : QemuDialect.Upstream;
            DeviceModelResult built = DeviceModelArguments.Build(parsedDisks, chosen);
            foreach (string warning in built.Warnings)
            {
                io.Error.WriteLine(warning);
            }

            foreach (string error in built.Errors)
            {
                io.Error.WriteLine(error);
            }

            if (built.Errors.Count > 0)
            {
                return 1;
            }

            foreach (string argument in built.Arguments)
            {
                io.Out.WriteLine(argument);
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// <c>--config FILE</c> (cli/ConfigCommand.cs), or no disks at all (a usage error); null when DISK
    /// arguments are given and this command goes on with them.
    /// </summary>
    private static int? RunConfig(CommandStreams io, ParseResult result, Argument<string[]> disks, Option<string?> config, Option<string> dialect, Option<bool> coloRestore)
    {
        bool given = (result.GetValue(disks) ?? []).Length > 0;
        if (result.GetValue(config) is not string path)
        {
            if (given)
            {
                return null;
            }

            io.Error.WriteLine("colo-disk qemu-args: no disk given (DISK... or --config FILE)");
            return 2;
        }

        if (given)
        {
            io.Error.WriteLine("colo-disk qemu-args: --config takes the disks from the file; give no DISK with it");
            return 2;
        }

        QemuDialect chosen = result.GetValue(dialect) == "seed" ? QemuDialect.Seed : QemuDialect.Upstream;
        return ConfigCommand.QemuArgs(io, path, chosen, result.GetValue(coloRestore));
    }
}
