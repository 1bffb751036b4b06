using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace OutreachAdvisor.Reports.Benchmarks;

/// <summary>
/// Passes a mail source through and, when it has yielded its last message, measures what the engine
/// holds: a full collection then the live heap (what the records of the whole mailbox cost, before the
/// decisions allocate their own).
/// </summary>
public sealed class MeasuredSource(IReportMailSource inner) : IReportMailSource
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public string Name => inner.Name;

    public long LiveAfterReading { get; private set; }

    public TimeSpan EndedAt { get; private set; }

    public async IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (ReportMail mail in inner.ReadAsync(since, cancellationToken).ConfigureAwait(false))
            yield return mail;
        EndedAt = _clock.Elapsed;
        LiveAfterReading = GC.GetTotalMemory(forceFullCollection: true);
        // OUTREACH_BENCH_PAUSE=S: wait S seconds here, for a heap snapshot of the records (dotnet-gcdump collect -p PID).
        if (int.TryParse(Environment.GetEnvironmentVariable("OUTREACH_BENCH_PAUSE"), out int seconds) && seconds > 0)
        {
            Console.WriteLine($"reading done, pausing {seconds} s (pid {Environment.ProcessId})");
            await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
        }
    }
}
