using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Colo.Gen;

/// <summary>
/// What <see cref="PreparedDisks.Prepare(IEnumerable{DiskDevice}, DiskHost)"/> made of a domain's
/// disks: the prepared disks, or the errors and no disks at all.
/// </summary>
public sealed class DiskPreparationResult
{
    internal DiskPreparationResult(PreparedDisks? disks, IReadOnlyList<DiskPreparationError> errors)
    {
        Disks = disks;
        Errors = errors;
    }

    /// <summary>The prepared disks; null when any step failed for any disk.</summary>
    public PreparedDisks? Disks { get; }

    /// <summary>Why the disks could not be prepared, disk by disk in order; empty on success.</summary>
    public IReadOnlyList<DiskPreparationError> Errors { get; }

    /// <summary>True when every disk was prepared; then <see cref="Disks"/> is not null.</summary>
    [MemberNotNullWhen(true, nameof(Disks))]
    public bool Succeeded => Disks is not null;
}
