using System.Diagnostics;

namespace OutreachAdvisor.Reports.Benchmarks;

/// <summary>Samples the process's working set every 50 ms on a thread of its own, to tell when the peak happens (reading or deciding).</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public MemorySampler()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    public long PeakWorkingSet { get; private set; }

    public TimeSpan PeakAt { get; private set; }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.Token.WaitHandle.WaitOne(50))
        {
            process.Refresh();
            if (process.WorkingSet64 > PeakWorkingSet)
            {
                PeakWorkingSet = process.WorkingSet64;
                PeakAt = _clock.Elapsed;
            }
        }
    }
}
