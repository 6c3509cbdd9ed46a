using System;
using Colo.Gen;
using Colo.Gen.Backends;
using Colo.Gen.Qemu;

namespace ColoTwoHosts;

/// <summary>
/// One COLO disk, two hosts: the same xl disk spec prepared for the primary (a domain created new) and
/// for the secondary (a domain restored from a COLO checkpoint stream), and each host's QEMU arguments.
/// Both are prepared here for other hosts (<see cref="DiskHost.Remote"/>), so no image has to exist on
/// this machine; on the host that runs the guest, <see cref="DiskHost.ThisHost"/> stats the targets as libxl does.
/// </summary>
public static class Program
{
    // target= takes the rest of the spec, commas included, so it comes last.
    private const string Disk =
        "format=raw,vdev=hda,colo,colo-host=192.0.2.2,colo-port=9000,colo-export=disk0," +
        "active-disk=/var/lib/xen/colo/active.qcow2,hidden-disk=/var/lib/xen/colo/hidden.qcow2," +
        "target=/var/lib/xen/images/guest.img";

    /// <summary>Prints both hosts' arguments, then what a spec missing its COLO host gets; 0 when all went as expected.</summary>
    public static int Main()
    {
        foreach (ColoRole role in new[] { ColoRole.Primary, ColoRole.Secondary })
        {
            DiskPreparationResult prepared = PreparedDisks.Prepare([Disk], DiskHost.Remote(role));
            if (!prepared.Succeeded)
            {
                foreach (DiskPreparationError error in prepared.Errors)
                {
                    Console.Error.WriteLine(error);
                }

                return 1;
            }

            DeviceModelResult qemu = DeviceModelArguments.Build(prepared.Disks);
            if (!qemu.Succeeded)
            {
                // e.g. a target the policy refuses: errors, and no arguments at all
                foreach (string error in qemu.Errors)
                {
                    Console.Error.WriteLine(error);
                }

                return 1;
            }

            Console.WriteLine($"{role} ({prepared.Disks[0].Backend.ToLibxlString()} backend):");
            foreach (string argument in qemu.Arguments)
            {
                Console.WriteLine("  " + argument);
            }
        }

        // A COLO option left out is named beside libxl's own line, and there is nothing to build from.
        DiskPreparationResult incomplete = PreparedDisks.Prepare([Disk.Replace("colo-host=192.0.2.2,", "", StringComparison.Ordinal)], DiskHost.Remote());
        Console.WriteLine("without colo-host:");
        foreach (DiskPreparationError error in incomplete.Errors)
        {
            Console.WriteLine($"  {error} [{error.Option ?? "libxl"}]");
        }

        return incomplete.Succeeded ? 1 : 0;
    }
}
