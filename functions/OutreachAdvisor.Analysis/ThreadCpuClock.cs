using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OutreachAdvisor.Analysis;

/// <summary>
/// The CPU time of the calling thread as a clock, for the analysis's budget: the rules run synchronously on
/// one thread, so this is the CPU they used, whatever else the machine does (a wall clock on a loaded
/// machine would run a real message out of time). Linux and macOS read <c>CLOCK_THREAD_CPUTIME_ID</c>,
/// Windows <c>GetThreadTimes</c>; where neither answers, the wall clock.
/// </summary>
public sealed class ThreadCpuClock : TimeProvider
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    private ThreadCpuClock()
    {
    }

    public static ThreadCpuClock Instance { get; } = new();

    /// <summary>Whether the thread's CPU time can be read here (otherwise the clock is the wall clock).</summary>
    public static bool IsCpuTime { get; } = TryRead(out _);

    public override long TimestampFrequency => IsCpuTime ? NanosecondsPerSecond : Stopwatch.Frequency;

    public override long GetTimestamp() => IsCpuTime && TryRead(out long nanoseconds) ? nanoseconds : Stopwatch.GetTimestamp();

    private static bool TryRead(out long nanoseconds)
    {
        nanoseconds = 0;
        try
        {
            if (OperatingSystem.IsWindows())
            {
                if (!NativeMethods.GetThreadTimes(NativeMethods.GetCurrentThread(), out _, out _, out long kernel, out long user))
                    return false;
                nanoseconds = (kernel + user) * 100;
                return true;
            }
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                int clock = OperatingSystem.IsLinux() ? 3 : 16; // CLOCK_THREAD_CPUTIME_ID
                if (NativeMethods.clock_gettime(clock, out NativeMethods.TimeSpec time) != 0)
                    return false;
                nanoseconds = (time.Seconds * NanosecondsPerSecond) + time.Nanoseconds;
                return true;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
        return false;
    }

    private static class NativeMethods
    {
        [StructLayout(LayoutKind.Sequential)]
        public struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable CA1707, IDE1006 // the C name
        public static extern int clock_gettime(int clockId, out TimeSpec time);
#pragma warning restore CA1707, IDE1006

        [DllImport("kernel32", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool GetThreadTimes(IntPtr thread, out long creation, out long exit, out long kernel, out long user);

        [DllImport("kernel32", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        public static extern IntPtr GetCurrentThread();
    }
}
