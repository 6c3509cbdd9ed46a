using System.Collections.Generic;

namespace Colo.Gen.Qemu;

/// <summary>What <see cref="DeviceModelArguments.Build"/> made of a domain's disks.</summary>
/// <param name="Arguments">QEMU's arguments, one element each (<c>-drive</c>, then its option string).</param>
/// <param name="Warnings">libxl's warnings for disks left out (they stay available to the guest through PV drivers).</param>
/// <param name="Errors">Why QEMU cannot be started for these disks; the arguments are incomplete when there are any.</param>
public sealed record DeviceModelResult(IReadOnlyList<string> Arguments, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors)
{
    /// <summary>True when there are no errors.</summary>
    public bool Succeeded => Errors.Count == 0;
}
