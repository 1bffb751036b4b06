using System.Threading.RateLimiting;

namespace OutreachAdvisor.Graph;

/// <summary>
/// Holds one mailbox's Graph requests to <see cref="MaxConcurrent"/> in flight: Graph allows 4 concurrent
/// requests per app and mailbox, and 429s beyond that eat the call's budget. A <c>$batch</c> counts as up to 4
/// (Outlook runs up to 4 of its steps at once), a single request as 1. One gate per user, shared by every
/// request of that user in this process (<see cref="GraphRequestGates"/>), so two analyses at once stay within it too.
/// </summary>
public sealed class GraphRequestGate
{
    public const int MaxConcurrent = 4;

    private readonly Func<int, CancellationToken, ValueTask<RateLimitLease>> _acquire;

    private GraphRequestGate(Func<int, CancellationToken, ValueTask<RateLimitLease>> acquire) => _acquire = acquire;

    /// <summary>A gate of its own (one mailbox instance, as in tests).</summary>
    public static GraphRequestGate Private()
    {
        var limiter = new ConcurrencyLimiter(Options());
        return new GraphRequestGate(limiter.AcquireAsync);
    }

    internal static GraphRequestGate Shared(PartitionedRateLimiter<string> limiter, string mailbox) =>
        new((permits, cancellationToken) => limiter.AcquireAsync(mailbox, permits, cancellationToken));

    internal static ConcurrencyLimiterOptions Options() => new()
    {
        PermitLimit = MaxConcurrent,
        // Waiting is bounded by the call's budget (its cancellation token), not by the queue.
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };

    /// <summary>Waits for <paramref name="requests"/> slots (at most 4) and holds them until the lease is disposed.</summary>
    public async ValueTask<RateLimitLease> EnterAsync(int requests, CancellationToken cancellationToken)
    {
        RateLimitLease lease = await _acquire(Math.Clamp(requests, 1, MaxConcurrent), cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new GraphMailboxException("Microsoft Graph: too many requests are waiting for this mailbox");
        }
        return lease;
    }
}

/// <summary>The per-user gates of one process; idle users' gates are dropped by the partitioned limiter.</summary>
public sealed class GraphRequestGates : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter =
        PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetConcurrencyLimiter(user, _ => GraphRequestGate.Options()));

    /// <param name="user">A stable key of the mailbox's owner (tenant and object id), never an address.</param>
    public GraphRequestGate For(string user) => GraphRequestGate.Shared(_limiter, user);

    public void Dispose() => _limiter.Dispose();
}
