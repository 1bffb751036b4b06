namespace OutreachAdvisor.Graph.SentItems;

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
