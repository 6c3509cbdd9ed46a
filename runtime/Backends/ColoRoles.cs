using System;
using System.Collections.Generic;

namespace Colo.Gen.Backends;

/// <summary>
/// Which host is which in COLO, the way the seed's <c>libxl_domain_create_new</c> and
/// <c>libxl_domain_create_restore</c> decide it: through every disk's <c>colo_restore_enable</c>.
/// </summary>
internal static class ColoRoles
{
    /// <summary>
    /// Marks a domain's disks for the way it is being started. <see cref="ColoRole.Secondary"/>:
    /// restored from a COLO checkpoint stream, so every disk gets <c>colo_restore_enable</c> true.
    /// <see cref="ColoRole.Primary"/> (created new) and <see cref="ColoRole.None"/> (restored
    /// from any other stream): every disk gets it false. Only COLO-enabled disks act on it.
    /// </summary>
    /// <param name="disks">The domain's disks, changed in place.</param>
    /// <param name="hostRole">The role this host's QEMU takes.</param>
    public static void Assign(IEnumerable<DiskDevice> disks, ColoRole hostRole)
    {
        ArgumentNullException.ThrowIfNull(disks);
        Defbool restore = Defbool.From(hostRole == ColoRole.Secondary);
        foreach (DiskDevice disk in disks)
        {
            disk.ColoRestoreEnable = restore;
        }
    }

    /// <summary>
    /// The role of one disk once its defaults are set (libxl_dm.c): COLO off is
    /// <see cref="ColoRole.None"/>; on, <c>colo_restore_enable</c> picks secondary over primary.
    /// Unset defbools count as false, as <c>libxl__device_disk_setdefault</c> leaves them.
    /// </summary>
    /// <param name="disk">The disk.</param>
    public static ColoRole Of(DiskDevice disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        if (!disk.ColoEnable.WithDefault(false).Value)
        {
            return ColoRole.None;
        }

        return disk.ColoRestoreEnable.WithDefault(false).Value ? ColoRole.Secondary : ColoRole.Primary;
    }
}
