using System;
using System.Runtime.InteropServices;

namespace Colo.Gen.Backends;

/// <summary>
/// <see cref="IHostProbe"/> on Linux through <c>statx(2)</c>, whose buffer layout is the same
/// on every architecture (unlike <c>struct stat</c>), so no per-architecture marshalling is needed.
/// </summary>
public sealed partial class LinuxHostProbe : IHostProbe
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxBufferSize = 256;
    private const int StatxModeOffset = 0x1C;
    private const int FileTypeMask = 0xF000; // S_IFMT
    private const int BlockDeviceType = 0x6000; // S_IFBLK

    /// <summary>The one instance; it holds no state.</summary>
    public static LinuxHostProbe Instance { get; } = new();

    /// <inheritdoc/>
    public HostPathStatus Stat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return HostPathStatus.Missing();
        }

        Span<byte> buffer = stackalloc byte[StatxBufferSize];
        int result;
        unsafe
        {
            fixed (byte* start = buffer)
            {
                result = Statx(AtFdCwd, path, 0, StatxType, start);
            }
        }

        if (result != 0)
        {
            return HostPathStatus.Missing(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        }

        int mode = BitConverter.ToUInt16(buffer.Slice(StatxModeOffset, 2));
        return (mode & FileTypeMask) == BlockDeviceType ? HostPathStatus.BlockDevice : HostPathStatus.File;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directoryFd, string path, int flags, uint mask, byte* buffer);
}
