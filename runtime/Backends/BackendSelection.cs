using System.Collections.Generic;

namespace Colo.Gen.Backends;

/// <summary>The outcome of <see cref="BackendSelector.Select"/> and <see cref="DiskDefaults.Apply"/>.</summary>
/// <param name="Backend">The backend chosen; <see cref="DiskBackend.Unknown"/> when none fits.</param>
/// <param name="Reasons">libxl's debug lines: why each backend tried was refused or taken.</param>
/// <param name="Error">libxl's error line when no backend fits or the target cannot be examined.</param>
internal sealed record BackendSelection(DiskBackend Backend, IReadOnlyList<string> Reasons, string? Error)
{
    /// <summary>True when a backend was chosen.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>
    /// False when the choice rested on a target nobody examined (<see cref="RemoteHostProbe"/>): a
    /// block-device check was skipped or a backend passed over for want of it.
    /// </summary>
    public bool TargetExamined { get; init; } = true;

    /// <summary>The error is that <c>backend=NAME</c> names no domain (libxl has no line of its own for it).</summary>
    public bool BackendDomainUnresolved { get; init; }
}
