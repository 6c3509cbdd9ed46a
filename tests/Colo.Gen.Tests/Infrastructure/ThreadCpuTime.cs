using System;
using System.Runtime.InteropServices;

namespace Colo.Gen.Tests.Infrastructure;

/// <summary>
/// The CPU time the calling thread has used (Linux's CLOCK_THREAD_CPUTIME_ID). Hostile-input tests
/// compare how the cost of an input grows with its length; wall-clock time also counts the time the
/// thread waited for a core, which on a loaded two-core machine blurs a linear ratio into a quadratic
/// one. The thread's own CPU time does not (gen0 collections run on the allocating thread and count).
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTime = 3;

    /// <summary>The thread's CPU time so far; falls back to wall-clock time where the clock is missing.</summary>
    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out Timespec now) == 0)
        {
            return TimeSpan.FromTicks(now.Seconds * TimeSpan.TicksPerSecond + now.Nanoseconds / 100);
        }

        return TimeSpan.FromTicks(DateTime.UtcNow.Ticks);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);
}
