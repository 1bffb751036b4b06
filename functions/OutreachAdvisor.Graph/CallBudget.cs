using System.Diagnostics;

namespace OutreachAdvisor.Graph;

/// <summary>
/// The time one public call may take, requests, retries and waits included. Its token fires when
/// the caller cancels or the budget runs out; <see cref="CallerCancelled"/> tells the two apart.
/// </summary>
internal sealed class CallBudget : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;
    private readonly long _started = Stopwatch.GetTimestamp();

    public CallBudget(TimeSpan limit, CancellationToken caller)
    {
        Limit = limit;
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _source.CancelAfter(limit);
    }

    public TimeSpan Limit { get; }

    public CancellationToken Token => _source.Token;

    public TimeSpan Remaining => Limit - Stopwatch.GetElapsedTime(_started);

    public bool CallerCancelled => _caller.IsCancellationRequested;

    public void Dispose() => _source.Dispose();
}
