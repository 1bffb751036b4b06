using System.Globalization;
using OutreachAdvisor.Analysis.Messages;

namespace OutreachAdvisor.Analysis.Context;

/// <summary>Runs one found-at check within its budget: a check that is too slow or fails becomes an <c>Unavailable</c> verdict with the reason.</summary>
public static class FoundAtBudget
{
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    public static async Task<FoundAtVerdict> RunAsync(Func<CancellationToken, Task<FoundAtVerdict>> check, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(budget);
        try
        {
            return await check(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TimedOut(budget);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new FoundAtVerdict(FoundAtStatus.Unavailable, new Reason("found-at/failed"));
        }
    }

    public static FoundAtVerdict TimedOut(TimeSpan budget) =>
        new(FoundAtStatus.Unavailable, Reason.With("found-at/timeout", ("seconds", budget.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture))));
}
