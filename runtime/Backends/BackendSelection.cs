using System.Collections.Generic;

namespace Colo.Gen.Backends;

/// <summary>The outcome of <see cref="BackendSelector.Select"/>.</summary>
/// <param name="Backend">The backend chosen; <see cref="DiskBackend.Unknown"/> when none fits.</param>
/// <param name="Reasons">libxl's debug lines: why each backend tried was refused or taken.</param>
/// <param name="Error">libxl's error line when no backend fits or the target cannot be examined.</param>
public sealed record BackendSelection(DiskBackend Backend, IReadOnlyList<string> Reasons, string? Error)
{
    /// <summary>True when a backend was chosen.</summary>
    public bool Succeeded => Error is null;
}
