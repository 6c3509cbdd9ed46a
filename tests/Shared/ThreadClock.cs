using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Colo.Gen.TestSupport;

/// <summary>
/// The processor time the current thread has used since <see cref="Start"/> (Linux's
/// CLOCK_THREAD_CPUTIME_ID): work done, not time waited while a shared machine runs other
/// builds. Elsewhere it falls back to wall time. For bounds on pathological inputs, never for
/// speed claims (those come from bench/). One file, linked into both test projects.
/// </summary>
internal sealed class ThreadClock
{
    private const int ThreadCpuClock = 3;

    private readonly double _startMilliseconds;
    private readonly Stopwatch? _wall;

    private ThreadClock()
    {
        if (TryNow(out double now))
        {
            _startMilliseconds = now;
        }
        else
        {
            _wall = Stopwatch.StartNew();
        }
    }

    /// <summary>Processor time since the clock started (wall time where the system cannot tell).</summary>
    public TimeSpan Elapsed => _wall is not null ? _wall.Elapsed : TimeSpan.FromMilliseconds((TryNow(out double now) ? now : _startMilliseconds) - _startMilliseconds);

    public static ThreadClock Start() => new();

    /// <summary>
    /// Runs <paramref name="work"/> three times: the least processor time of the three, and what the
    /// last run allocated on this thread (the same each run for a deterministic input).
    /// </summary>
    public static (TimeSpan Elapsed, long Allocated) BestOfThree(Action work)
    {
        TimeSpan best = TimeSpan.MaxValue;
        long allocated = 0;
        for (int i = 0; i < 3; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            ThreadClock clock = Start();
            work();
            TimeSpan elapsed = clock.Elapsed;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = elapsed < best ? elapsed : best;
        }

        return (best, allocated);
    }

    private static bool TryNow(out double milliseconds)
    {
        milliseconds = 0;
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        if (clock_gettime(ThreadCpuClock, out TimeSpec time) != 0)
        {
            return false;
        }

        milliseconds = time.Seconds * 1000.0 + time.Nanoseconds / 1e6;
        return true;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
