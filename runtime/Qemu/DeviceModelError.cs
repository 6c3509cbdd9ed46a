namespace Colo.Gen.Qemu;

/// <summary>
/// One reason <see cref="DeviceModelArguments.Build(PreparedDisks, QemuDialect, QemuTargetPolicy?)"/>
/// gave no arguments: which disk, the disk option at fault when there is one, and the line to print.
/// libxl's lines (<c>qemu-xen doesn't support read-only IDE disk drivers</c>) are word for word;
/// this library's own (a target the policy refuses, a value QEMU cannot take) name the option.
/// </summary>
public sealed class DeviceModelError
{
    internal DeviceModelError(int diskIndex, string? vdev, string? option, string message)
    {
        DiskIndex = diskIndex;
        Vdev = vdev;
        Option = option;
        Message = message;
    }

    /// <summary>The disk's place in the prepared disks (0 for the first); -1 when the line is about all of them (a PV guest's disks).</summary>
    public int DiskIndex { get; }

    /// <summary>The disk's virtual device (<c>hda</c>, <c>xvdb</c>), as the spec gave it.</summary>
    public string? Vdev { get; }

    /// <summary>
    /// The disk option whose value is at fault, as xl spells it (<c>target</c>, <c>active-disk</c>,
    /// <c>hidden-disk</c>, <c>colo-host</c>, <c>colo-port</c>, <c>colo-export</c>, <c>colo-params</c>,
    /// <c>access</c>); null when the line is about the disk as a whole.
    /// </summary>
    public string? Option { get; }

    /// <summary>The whole line, without a newline.</summary>
    public string Message { get; }

    /// <summary>The line to print: <see cref="Message"/>.</summary>
    public override string ToString() => Message;
}
