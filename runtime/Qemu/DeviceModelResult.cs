using System.Collections.Generic;
using System.Linq;

namespace Colo.Gen.Qemu;

/// <summary>
/// What <see cref="DeviceModelArguments.Build(PreparedDisks, QemuDialect, QemuTargetPolicy?)"/> made of a
/// domain's disks: QEMU's arguments, or the errors and no arguments at all.
/// </summary>
public sealed class DeviceModelResult
{
    internal DeviceModelResult(IReadOnlyList<string> arguments, IReadOnlyList<string> warnings, IReadOnlyList<DeviceModelError> errors)
    {
        // Half a command line is not something to start QEMU with: with any error there are no arguments.
        Arguments = errors.Count == 0 ? arguments : [];
        Warnings = warnings;
        ErrorDetails = errors;
        Errors = errors.Select(e => e.Message).ToArray();
    }

    /// <summary>QEMU's arguments, one element each (<c>-drive</c>, then its option string); empty when there are errors.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>libxl's warnings for disks left out (they stay available to the guest through PV drivers).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Why QEMU cannot be started for these disks, a line each; empty on success.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The same errors as values: which disk, which option, the line (<see cref="Errors"/> holds their lines).</summary>
    public IReadOnlyList<DeviceModelError> ErrorDetails { get; }

    /// <summary>True when there are no errors (and so <see cref="Arguments"/> is the whole disk part of the command line).</summary>
    public bool Succeeded => Errors.Count == 0;
}
