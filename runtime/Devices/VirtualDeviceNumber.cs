using System;
using System.Globalization;

namespace Colo.Gen.Devices;

/// <summary>How a virtual device name was written.</summary>
public enum VirtualDeviceNaming
{
    /// <summary><c>hdX[N]</c>: an IDE disk (disks 0-3, partitions 0-63).</summary>
    Ide,

    /// <summary><c>sdX[N]</c>: a SCSI disk (disks 0-15, partitions 0-15).</summary>
    Scsi,

    /// <summary><c>xvdX[N]</c>: a Xen PV disk (disks below 2^20, partitions below 256).</summary>
    Xen,

    /// <summary><c>dNpM</c>: a Xen PV disk by number (same limits as <see cref="Xen"/>).</summary>
    XenNumbered,

    /// <summary>A plain device number; libxl cannot tell its disk and partition.</summary>
    Number,
}

/// <summary>
/// A disk's <c>vdev</c> decoded as libxl's <c>libxl__device_disk_dev_number</c> decodes it:
/// the Xen device number, and for named devices the disk index (the emulated disk index
/// QEMU gets) and the partition.
/// </summary>
/// <remarks>
/// Departures from libxl, all of them names libxl accepts only by accident and turns into
/// nonsense numbers: a name with no drive letter (<c>xvd</c>, <c>hd5</c>), a negative or
/// space-led number in <c>dNpM</c> or a partition, and an empty vdev are refused here.
/// </remarks>
public readonly record struct VirtualDeviceNumber
{
    // Xen's block major numbers (linux/major.h) and the extended-id flag libxl uses
    // once a xvd disk or partition no longer fits the 202 major's 4+4 bits.
    private const int XenVbdMajor = 202;
    private const int ScsiDiskMajor = 8;
    private const int IdeMajorFirstPair = 3;
    private const int IdeMajorSecondPair = 22;
    private const int Extended = 1 << 28;

    private VirtualDeviceNumber(int number, int? disk, int? partition, VirtualDeviceNaming naming)
    {
        Number = number;
        Disk = disk;
        Partition = partition;
        Naming = naming;
    }

    /// <summary>The Xen device number (the <c>devid</c> of the vbd).</summary>
    public int Number { get; }

    /// <summary>The disk index (the letters read as a base-26 number); null for a plain number.</summary>
    public int? Disk { get; }

    /// <summary>The partition (0: the whole disk); null for a plain number.</summary>
    public int? Partition { get; }

    /// <summary>Which of libxl's vdev forms the name was written in (<c>hdX</c>, <c>sdX</c>, <c>xvdX</c>, <c>dNpM</c> or a plain number), which sets its ranges.</summary>
    public VirtualDeviceNaming Naming { get; }

    /// <summary>Decodes <paramref name="vdev"/>; false when libxl would return -1 for it.</summary>
    public static bool TryParse(string? vdev, out VirtualDeviceNumber number)
    {
        number = default;
        if (string.IsNullOrEmpty(vdev))
        {
            return false;
        }

        // libxl tries dNpM and xvd first, then a plain number, then hd and sd.
        if (TryNumbered(vdev, out int disk, out int partition)
            || TryLettered(vdev, "xvd", (1 << 20) - 1, 255, out disk, out partition))
        {
            // Small xvd devices keep the classic 202:disk<<4|part numbering; larger ones
            // use the extended form, 8 bits of partition under the disk.
            int xen = disk <= 15 && partition <= 15
                ? (XenVbdMajor << 8) | (disk << 4) | partition
                : Extended | (disk << 8) | partition;
            number = new VirtualDeviceNumber(xen, disk, partition, vdev[0] == 'd' ? VirtualDeviceNaming.XenNumbered : VirtualDeviceNaming.Xen);
            return true;
        }

        if (TryPlainNumber(vdev, out int plain))
        {
            number = new VirtualDeviceNumber(plain, null, null, VirtualDeviceNaming.Number);
            return true;
        }

        if (TryLettered(vdev, "hd", 3, 63, out disk, out partition))
        {
            // IDE: hda/hdb on major 3, hdc/hdd on major 22; the slave takes minor 64.
            int major = disk < 2 ? IdeMajorFirstPair : IdeMajorSecondPair;
            number = new VirtualDeviceNumber((major << 8) | ((disk & 1) << 6) | partition, disk, partition, VirtualDeviceNaming.Ide);
            return true;
        }

        if (TryLettered(vdev, "sd", 15, 15, out disk, out partition))
        {
            number = new VirtualDeviceNumber((ScsiDiskMajor << 8) | (disk << 4) | partition, disk, partition, VirtualDeviceNaming.Scsi);
            return true;
        }

        return false;
    }

    /// <summary>
    /// libxl's <c>device_virtdisk_matches</c>: PREFIX, lower-case letters read as a bijective
    /// base-26 number (a=0, z=25, aa=26), then nothing or a partition without leading zero.
    /// </summary>
    private static bool TryLettered(string vdev, string prefix, int maxDisk, int maxPartition, out int disk, out int partition)
    {
        disk = -1;
        partition = 0;
        if (!vdev.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        int i = prefix.Length;
        for (; i < vdev.Length && vdev[i] is >= 'a' and <= 'z'; i++)
        {
            disk = ((disk + 1) * 26) + (vdev[i] - 'a');
            if (disk > maxDisk)
            {
                return false;
            }
        }

        if (disk < 0)
        {
            return false;
        }

        if (i == vdev.Length)
        {
            return true;
        }

        if (vdev[i] == '0')
        {
            return false; // libxl: leading zeroes are not permitted in a partition number
        }

        return TryDecimal(vdev.AsSpan(i), maxPartition, out partition);
    }

    /// <summary><c>dNpM</c>, the numbers read as C's <c>%i</c> reads them (decimal, 0x hex, 0 octal).</summary>
    private static bool TryNumbered(string vdev, out int disk, out int partition)
    {
        disk = 0;
        partition = 0;
        if (vdev.Length < 4 || vdev[0] != 'd')
        {
            return false;
        }

        int p = vdev.IndexOf('p', 1);
        return p > 1
            && TryCInteger(vdev.AsSpan(1, p - 1), (1 << 20) - 1, out disk)
            && TryCInteger(vdev.AsSpan(p + 1), 255, out partition);
    }

    /// <summary>A plain number as <c>strtoul(vdev, &amp;end, 0)</c> reads it, up to INT_MAX.</summary>
    private static bool TryPlainNumber(string vdev, out int number) => TryCInteger(vdev, int.MaxValue, out number);

    private static bool TryCInteger(ReadOnlySpan<char> text, int max, out int value)
    {
        value = 0;
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            return long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex)
                && Fits(hex, max, out value);
        }

        if (text.Length > 1 && text[0] == '0')
        {
            long octal = 0;
            foreach (char c in text[1..])
            {
                if (c is < '0' or > '7' || octal > max)
                {
                    return false;
                }

                octal = (octal * 8) + (c - '0');
            }

            return Fits(octal, max, out value);
        }

        return TryDecimal(text, max, out value);
    }

    /// <summary>ASCII digits only (NumberStyles.None: no sign, no spaces, not empty), at most <paramref name="max"/>.</summary>
    private static bool TryDecimal(ReadOnlySpan<char> text, int max, out int value)
    {
        value = 0;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed) && Fits(parsed, max, out value);
    }

    private static bool Fits(long parsed, int max, out int value)
    {
        bool fits = parsed >= 0 && parsed <= max;
        value = fits ? (int)parsed : 0;
        return fits;
    }

    /// <inheritdoc/>
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture);
}
