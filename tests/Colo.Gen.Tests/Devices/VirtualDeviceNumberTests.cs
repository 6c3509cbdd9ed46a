using Colo.Gen.Devices;
using Xunit;

namespace Colo.Gen.Tests.Devices;

public sealed class VirtualDeviceNumberTests
{
    [Theory]
    // hd: hda/hdb on major 3, hdc/hdd on major 22, the slave at minor 64, partitions to 63.
    [InlineData("hda", 768, 0, 0, VirtualDeviceNaming.Ide)]
    [InlineData("hdb", 832, 1, 0, VirtualDeviceNaming.Ide)]
    [InlineData("hdc", 5632, 2, 0, VirtualDeviceNaming.Ide)]
    [InlineData("hdd", 5696, 3, 0, VirtualDeviceNaming.Ide)]
    [InlineData("hda1", 769, 0, 1, VirtualDeviceNaming.Ide)]
    [InlineData("hdd63", 5759, 3, 63, VirtualDeviceNaming.Ide)]
    // sd: major 8, 16 minors a disk.
    [InlineData("sda", 2048, 0, 0, VirtualDeviceNaming.Scsi)]
    [InlineData("sdb", 2064, 1, 0, VirtualDeviceNaming.Scsi)]
    [InlineData("sdp15", 2303, 15, 15, VirtualDeviceNaming.Scsi)]
    // xvd: 202:disk<<4|part while both fit in 4 bits, else the extended form.
    [InlineData("xvda", 51712, 0, 0, VirtualDeviceNaming.Xen)]
    [InlineData("xvdb3", 51731, 1, 3, VirtualDeviceNaming.Xen)]
    [InlineData("xvdp15", 51967, 15, 15, VirtualDeviceNaming.Xen)]
    [InlineData("xvdq", 268439552, 16, 0, VirtualDeviceNaming.Xen)]
    [InlineData("xvda16", 268435472, 0, 16, VirtualDeviceNaming.Xen)]
    [InlineData("xvdaa", 268442112, 26, 0, VirtualDeviceNaming.Xen)]
    [InlineData("xvdz255", 268442111, 25, 255, VirtualDeviceNaming.Xen)]
    [InlineData("xvdbgqcv", (1 << 28) | ((1 << 20) - 1) << 8, (1 << 20) - 1, 0, VirtualDeviceNaming.Xen)]
    // dNpM: the same numbers by digits; C's %i reads hex and octal too.
    [InlineData("d0p0", 51712, 0, 0, VirtualDeviceNaming.XenNumbered)]
    [InlineData("d1p3", 51731, 1, 3, VirtualDeviceNaming.XenNumbered)]
    [InlineData("d16p0", 268439552, 16, 0, VirtualDeviceNaming.XenNumbered)]
    [InlineData("d0x10p0", 268439552, 16, 0, VirtualDeviceNaming.XenNumbered)]
    [InlineData("d010p0", 51840, 8, 0, VirtualDeviceNaming.XenNumbered)]
    [InlineData("d1048575p255", (1 << 28) | (1048575 << 8) | 255, 1048575, 255, VirtualDeviceNaming.XenNumbered)]
    public void A_named_device_decodes_to_libxls_number_disk_and_partition(string vdev, int number, int disk, int partition, VirtualDeviceNaming naming)
    {
        Assert.True(VirtualDeviceNumber.TryParse(vdev, out VirtualDeviceNumber decoded));
        Assert.Equal(number, decoded.Number);
        Assert.Equal(disk, decoded.Disk);
        Assert.Equal(partition, decoded.Partition);
        Assert.Equal(naming, decoded.Naming);
    }

    [Theory]
    [InlineData("51712", 51712)]
    [InlineData("0", 0)]
    [InlineData("0xca00", 51712)]
    [InlineData("0145000", 51712)]
    [InlineData("2147483647", int.MaxValue)]
    public void A_plain_number_is_the_device_number_with_no_disk_index(string vdev, int number)
    {
        Assert.True(VirtualDeviceNumber.TryParse(vdev, out VirtualDeviceNumber decoded));
        Assert.Equal(number, decoded.Number);
        Assert.Null(decoded.Disk);
        Assert.Null(decoded.Partition);
        Assert.Equal(VirtualDeviceNaming.Number, decoded.Naming);
    }

    [Theory]
    [InlineData("hde")] // IDE has four disks
    [InlineData("hda64")] // and 63 partitions
    [InlineData("sdq")] // SCSI sixteen disks
    [InlineData("sda16")] // and 15 partitions
    [InlineData("xvda256")] // xvd 255 partitions
    [InlineData("xvdbgqcw")] // and disks below 2^20
    [InlineData("d1048576p0")]
    [InlineData("d0p256")]
    [InlineData("xvda0")] // a partition may not have a leading zero
    [InlineData("hda01")]
    [InlineData("xvdA")] // upper case is not a drive letter
    [InlineData("xvda1x")]
    [InlineData("2147483648")] // beyond INT_MAX
    [InlineData("09")] // not octal
    [InlineData("vda")]
    [InlineData("xvd")] // libxl takes these as disk -1 and computes a nonsense number
    [InlineData("hd")]
    [InlineData("d-1p0")]
    [InlineData("xvda-1")]
    [InlineData("")]
    [InlineData(null)]
    public void A_name_outside_libxls_limits_has_no_number(string? vdev) =>
        Assert.False(VirtualDeviceNumber.TryParse(vdev, out _));
}
