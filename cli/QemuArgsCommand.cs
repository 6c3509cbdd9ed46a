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
        var noProbe = new Option<bool>("--no-probe")
        {
            Description = "Build the arguments for another host: nothing on this one is examined (no target is stat'ed; a missing one is no error). The backend is the spec's backendtype=, else qdisk (tap when qdisk does not fit): phy and standalone need a stat to tell a block device, so they are taken only when the spec names them, and that check is left to the host that runs the guest.",
        };
        var config = new Option<string?>("--config")
        {
            Description = "Take the disks from this xl configuration file (HVM guests only have emulated drives).",
        };

        var command = new Command("qemu-args", "Print the QEMU arguments for these disks, one argument a line.")
        {
            disks, dialect, coloRestore, noProbe, config,
        };
        command.SetAction(result =>
        {
            // libxl_domain_create_new makes this host the primary; a restore from a COLO checkpoint
            // stream makes it the secondary. Then parse, setdefault and the backend choice, in one step.
            ColoRole role = result.GetValue(coloRestore) ? ColoRole.Secondary : ColoRole.Primary;
            DiskHost host = result.GetValue(noProbe) ? DiskHost.Remote(role) : DiskHost.ThisHost(role);
            QemuDialect chosen = result.GetValue(dialect) == "seed" ? QemuDialect.Seed : QemuDialect.Upstream;
            string[] given = result.GetValue(disks) ?? [];
            if (result.GetValue(config) is string path)
            {
                if (given.Length > 0)
                {
                    io.Error.WriteLine("colo-disk qemu-args: --config takes the disks from the file; give no DISK with it");
                    return ExitStatus.UsageError;
                }

                return ConfigCommand.QemuArgs(io, path, chosen, host);
            }

            if (given.Length == 0)
            {
                io.Error.WriteLine("colo-disk qemu-args: no disk given (DISK... or --config FILE)");
                return ExitStatus.UsageError;
            }

            return Print(io, PreparedDisks.Prepare(given, host, ParseCommand.Source), chosen);
        });
        return command;
    }

    /// <summary>
    /// Writes the arguments for prepared disks one a line, or the preparation's and the builder's
    /// errors on standard error (libxl's lines, with ours naming the option beside them).
    /// </summary>
    /// <returns><see cref="ExitStatus.Success"/> when arguments were written, <see cref="ExitStatus.Rejected"/> when a disk was refused.</returns>
    public static int Print(CommandStreams io, DiskPreparationResult prepared, QemuDialect dialect)
    {
        if (!prepared.Succeeded)
        {
            foreach (DiskPreparationError error in prepared.Errors)
            {
                error.WriteTo(io.Error);
                io.Error.WriteLine();
            }

            return ExitStatus.Rejected;
        }

        DeviceModelResult built = DeviceModelArguments.Build(prepared.Disks, dialect);
        foreach (string warning in built.Warnings)
        {
            io.Error.WriteLine(warning);
        }

        foreach (string error in built.Errors)
        {
            io.Error.WriteLine(error);
        }

        if (!built.Succeeded)
        {
            return ExitStatus.Rejected;
        }

        foreach (string argument in built.Arguments)
        {
            io.Out.WriteLine(argument);
        }

        return ExitStatus.Success;
    }
}
