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
            Description = "One disk specification per argument, in the domain's disk order. A spec that begins with '-' goes after '--', which ends the options.",
            Arity = ArgumentArity.OneOrMore,
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

        var noProbe = new Option<bool>("--no-probe")
        {
            Description = "Build the arguments for another host: nothing on this one is examined (no target is stat'ed, a missing one is no error). The backend is the spec's backendtype=, else qdisk (tap when qdisk does not fit); phy and standalone, which need a block device, are neither chosen nor accepted.",
        };

        var command = new Command("qemu-args", "Print the QEMU arguments for these disks, one argument a line.")
        {
            disks, dialect, coloRestore, noProbe,
        };
        command.SetAction(result =>
        {
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
                return ExitStatus.Rejected;
            }

            // libxl_domain_create_new makes this host the primary; a restore from a COLO
            // checkpoint stream makes it the secondary. Then setdefault and the backend choice.
            ColoRoles.Assign(parsedDisks, result.GetValue(coloRestore) ? ColoRole.Secondary : ColoRole.Primary);
            IHostProbe probe = result.GetValue(noProbe) ? UnexaminedHostProbe.Instance : LinuxHostProbe.Instance;
            foreach (DiskDevice disk in parsedDisks)
            {
                BackendSelection selection = DiskDefaults.Apply(disk, probe);
                if (!selection.Succeeded)
                {
                    io.Error.WriteLine(selection.Error);
                    failures++;
                }
            }

            if (failures > 0)
            {
                return ExitStatus.Rejected;
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
                return ExitStatus.Rejected;
            }

            foreach (string argument in built.Arguments)
            {
                io.Out.WriteLine(argument);
            }

            return ExitStatus.Success;
        });
        return command;
    }
}
