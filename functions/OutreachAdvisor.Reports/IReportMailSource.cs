namespace OutreachAdvisor.Reports;

/// <summary>Where a report's mail comes from: a local mailbox folder, or the signed-in user's Graph mailbox.</summary>
public interface IReportMailSource
{
    /// <summary>"local-files" or "graph".</summary>
    string Name { get; }

    /// <summary>
    /// The owner's sent and received messages dated on or after <paramref name="since"/>, in any order,
    /// streamed (bodies only for sent messages): the engine never needs them all in memory at once.
    /// </summary>
    IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// After <see cref="ReadAsync"/> has run to its end: messages (and files or folders) the source read
    /// but did not yield, by reason (e.g. "no-sender", "duplicate", "before-period", "unreadable-file").
    /// The report adds them to its own <c>skipped</c>, so every message read is accounted for.
    /// </summary>
    IReadOnlyDictionary<string, int> Skipped => EmptySkipped.Instance;

    /// <summary>
    /// The mailbox owner's address (the report's "me"), when the source can tell without being told:
    /// Graph reads it from the owner's Sent Items. Null when unknown or the folder is empty.
    /// </summary>
    Task<string?> FindOwnerAddressAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
