using System.Diagnostics.CodeAnalysis;

namespace Colo.Gen.Xenstore;

/// <summary>What <see cref="DiskBackendNodes.Read"/> found: the disk read back, or libxl's error and no disk.</summary>
public sealed class DiskBackendRead
{
    internal DiskBackendRead(DiskDevice? disk, string? error)
    {
        Disk = error is null ? disk : null;
        Error = error;
    }

    /// <summary>The disk read back (a new value the caller owns); null on error.</summary>
    public DiskDevice? Disk { get; }

    /// <summary>libxl's error line (e.g. "Missing xenstore node PATH/NAME"); null on success.</summary>
    public string? Error { get; }

    /// <summary>True when the disk was read; then <see cref="Disk"/> is not null and <see cref="Error"/> is.</summary>
    [MemberNotNullWhen(true, nameof(Disk))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null && Disk is not null;
}
