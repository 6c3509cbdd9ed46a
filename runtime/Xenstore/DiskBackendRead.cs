namespace Colo.Gen.Xenstore;

/// <summary>The outcome of <see cref="DiskBackendNodes.Read"/>.</summary>
/// <param name="Disk">The disk read back; null on error.</param>
/// <param name="Error">libxl's error line (e.g. "Missing xenstore node PATH/NAME"); null on success.</param>
public sealed record DiskBackendRead(DiskDevice? Disk, string? Error)
{
    /// <summary>True when the disk was read.</summary>
    public bool Succeeded => Error is null;
}
