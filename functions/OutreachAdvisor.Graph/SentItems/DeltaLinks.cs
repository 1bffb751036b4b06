namespace OutreachAdvisor.Graph.SentItems;

/// <summary>A folder's <c>@odata.deltaLink</c> and when the round that produced it started.</summary>
/// <param name="Link">The opaque delta link, exactly as Graph returned it (it carries the state token).</param>
/// <param name="SyncedAt">
/// When the round that ended with this link began. The next round from the link returns what changed
/// after (about) that time; beginning the clock at the start of the round errs on overlap, never on loss.
/// </param>
public sealed record DeltaLinkState(string Link, DateTimeOffset SyncedAt);

/// <summary>Where delta links are kept between report runs, per owner and folder (Table "deltaLinks" in Azure).</summary>
public interface IDeltaLinkStore
{
    Task<DeltaLinkState?> GetAsync(string owner, string folder, CancellationToken cancellationToken);

    Task SaveAsync(string owner, string folder, DeltaLinkState state, CancellationToken cancellationToken);

    Task DeleteAsync(string owner, string folder, CancellationToken cancellationToken);
}

/// <summary>Graph could not give the report its mail. <see cref="IsTransient"/>: worth retrying later (throttling, outages).</summary>
public sealed class GraphReportSourceException : Exception
{
    public GraphReportSourceException()
    {
    }

    public GraphReportSourceException(string message) : base(message)
    {
    }

    public GraphReportSourceException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    public GraphReportSourceException(string message, bool isTransient, Exception? innerException = null) : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; }
}

/// <summary>How <see cref="GraphReportMailSource"/> reads.</summary>
public sealed record GraphReportSourceOptions
{
    /// <summary>
    /// Whose mailbox: null reads <c>/me</c> (a delegated token); a user id reads <c>/users/{id}</c>
    /// (an app-only token, as the queue function uses; see docs/reports-azure.md).
    /// </summary>
    public string? UserId { get; init; }

    /// <summary>
    /// Read the body of sent messages (the engine analyses them), as text. Needs <c>Mail.Read</c>
    /// (delegated) or <c>Mail.Read</c> application permission; <c>Mail.ReadBasic</c> returns no body.
    /// </summary>
    public bool ReadSentBodies { get; init; } = true;

    /// <summary>Asked for with <c>Prefer: odata.maxpagesize</c>; Graph may page smaller.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>
    /// A stored delta link is used only when the report starts no more than this before the link's
    /// round began; an older start needs mail the link no longer returns, so a full round is read.
    /// </summary>
    public TimeSpan MaxIncrementalGap { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Safety stop: at most this many pages per folder and run.</summary>
    public int MaxPages { get; init; } = 2000;
}
