using System.Diagnostics;

namespace OutreachAdvisor.Reports.Benchmarks;

/// <summary>The process's CPU time: on two cores shared with other work, wall-clock time says more about the neighbours than about the code.</summary>
public static class CpuClock
{
    public static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
