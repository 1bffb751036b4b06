namespace OutreachAdvisor.Graph;

/// <summary>
/// Whether and how sent items are searched for a recipient. Two-way contact never needs them (someone who
/// wrote to you is not cold, and received-from is a <c>Mail.ReadBasic</c> filter); they only fill
/// <c>SentTo</c>. See docs/graph.md.
/// </summary>
public enum SentItemsQuery
{
    /// <summary>
    /// <c>$filter=toRecipients/any(r:r/emailAddress/address eq '...')</c> on sent items. Graph refuses this
    /// lambda on messages with 400 <c>ErrorInvalidUrlQueryFilter</c> ("The query filter contains one or more
    /// invalid nodes"): kept only for mailboxes known to accept it; a refusal leaves <c>SentTo</c> at 0.
    /// </summary>
    ToRecipientsFilter,

    /// <summary>
    /// <c>$search="recipients:..."</c> (KQL over To, Cc and Bcc) on sent items. Microsoft documents that
    /// <c>Mail.ReadBasic</c> does not include searching messages, so this needs <c>Mail.Read</c>.
    /// </summary>
    RecipientsSearch,

    /// <summary>
    /// The default: sent items are not queried, so the app needs no more than <c>Mail.ReadBasic</c> and sends half
    /// the requests. <c>SentTo</c> is always 0: a "sent-only" history (you wrote, they never did) cannot be told
    /// from no history, and both are cold - which is what the contract's two-way rule says anyway.
    /// </summary>
    NotQueried,
}

/// <summary>Limits and choices for <see cref="GraphMailbox"/>.</summary>
public sealed record GraphMailboxOptions
{
    /// <summary>Budget for one public call (all its requests, retries and waits together).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Most messages read per query (received-from, sent-to), over all pages; counts stop there.</summary>
    public int MaxMessagesPerQuery { get; init; } = 50;

    /// <summary>Retries after a 429 or 503 (each waits Retry-After, if it fits in the budget).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Wait before a retry when a 429/503 carries no Retry-After.</summary>
    public TimeSpan DefaultRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Send the per-recipient message queries in JSON <c>$batch</c> requests (20 per batch) instead of one by one.</summary>
    public bool UseJsonBatch { get; init; } = true;

    public SentItemsQuery SentItemsQuery { get; init; } = SentItemsQuery.NotQueried;
}
