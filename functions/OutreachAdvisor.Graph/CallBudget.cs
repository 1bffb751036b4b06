using System.Diagnostics;

namespace OutreachAdvisor.Graph;

/// <summary>
/// The time one public call may take, requests, retries and waits included. Its token fires when
/// the caller cancels or the budget runs out; <see cref="CallerCancelled"/> tells the two apart.
/// </summary>
internal sealed class CallBudget : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly CancellationToken caller;
    private readonly long started = Stopwatch.GetTimestamp();

    public CallBudget(TimeSpan limit, CancellationToken caller)
    {
        Limit = limit;
        this.caller = caller;
        source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        source.CancelAfter(limit);
    }

    public TimeSpan Limit { get; }

    public CancellationToken Token => source.Token;

    public TimeSpan Remaining => Limit - Stopwatch.GetElapsedTime(started);

    public bool CallerCancelled => caller.IsCancellationRequested;

    public void Dispose() => source.Dispose();
}
