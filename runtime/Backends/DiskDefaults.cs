using System;
using Colo.Gen.Xenstore;

namespace Colo.Gen.Backends;

/// <summary>
/// libxl's <c>libxl__device_disk_setdefault</c>: the defaults a parsed disk gets before it is
/// added to a domain, with the backend domain resolved, ending with the backend choice
/// (<see cref="BackendSelector"/>). Callers outside go through <see cref="PreparedDisks.Prepare(System.Collections.Generic.IEnumerable{DiskDevice}, DiskHost)"/>.
/// </summary>
internal static class DiskDefaults
{
    /// <summary>The line libxl's domain creation logs when a disk's defaults fail without a line of their own (an unknown backend domain).</summary>
    public static string UnableToSetDefaults(int diskIndex) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Unable to set disk defaults for disk {diskIndex}");

    /// <summary>
    /// Sets the disk's defaults in place and chooses its backend:
    /// discard follows read-write, COLO and COLO-restore default to off, trusted to on;
    /// a backend domain name becomes its domain id (<see cref="BackendDomain"/>);
    /// no specification means xen, whose disks take no transport; virtio gets mmio and a
    /// grant_usage that defaults to "backend in a driver domain"; an HVM guest's CD-ROM
    /// is qdisk unless phy was asked for, and no other backend is allowed.
    /// </summary>
    /// <param name="disk">The disk, as parsed.</param>
    /// <param name="probe">Stats the target for the backend choice.</param>
    /// <param name="hvmGuest">The guest is HVM (true for any guest QEMU emulates disks for).</param>
    /// <param name="xenstore">Where a backend domain name is looked up; null when there is none.</param>
    /// <returns>The backend choice, or the first error libxl would report.</returns>
    public static BackendSelection Apply(DiskDevice disk, IHostProbe probe, bool hvmGuest = true, IXenstoreNodes? xenstore = null)
    {
        ArgumentNullException.ThrowIfNull(disk);
        ArgumentNullException.ThrowIfNull(probe);

        disk.DiscardEnable = disk.DiscardEnable.WithDefault(disk.Readwrite);
        disk.ColoEnable = disk.ColoEnable.WithDefault(false);
        disk.ColoRestoreEnable = disk.ColoRestoreEnable.WithDefault(false);
        disk.Trusted = disk.Trusted.WithDefault(true);

        // One resolved id serves every later step: the backend choice's "local" test, grant_usage's
        // default, and the QEMU arguments' local path (libxl tests the name there; see DeviceModelArguments).
        if (disk.BackendDomname is string backendName)
        {
            BackendDomainResolution resolved = BackendDomain.Resolve(backendName, xenstore);
            if (resolved.Domid is not uint domid)
            {
                return new BackendSelection(DiskBackend.Unknown, [], resolved.Error) { BackendDomainUnresolved = true };
            }

            disk.BackendDomid = domid;
        }

        if (disk.Specification == DiskSpecification.Unknown)
        {
            disk.Specification = DiskSpecification.Xen;
        }

        if (disk.Specification == DiskSpecification.Xen && disk.Transport != DiskTransport.Unknown)
        {
            return Fail("Transport is only supported for specification virtio");
        }

        if (disk.Specification == DiskSpecification.Virtio)
        {
            // Only MMIO is implemented for virtio disks, so it is forced.
            if (disk.Transport is not (DiskTransport.Unknown or DiskTransport.Mmio))
            {
                return Fail("Unsupported transport for specification virtio");
            }

            disk.Transport = DiskTransport.Mmio;
            disk.GrantUsage = disk.GrantUsage.WithDefault(disk.BackendDomid != 0);
        }

        if (disk.IsCdrom && hvmGuest)
        {
            // QEMU emulates an HVM guest's CD-ROM, so only qdisk or phy can back it.
            if (disk.Backend == DiskBackend.Unknown)
            {
                disk.Backend = DiskBackend.Qdisk;
            }

            if (disk.Backend is not (DiskBackend.Qdisk or DiskBackend.Phy))
            {
                return Fail("Backend for CD devices on HVM guests must be Qdisk or Phy");
            }
        }

        BackendSelection selection = BackendSelector.Select(disk, probe);
        if (selection.Succeeded)
        {
            disk.Backend = selection.Backend;
        }

        return selection;
    }

    private static BackendSelection Fail(string error) => new(DiskBackend.Unknown, [], error);
}
