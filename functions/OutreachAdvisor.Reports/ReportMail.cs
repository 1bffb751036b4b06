using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Reports;

/// <summary>
/// One message of the user's mailbox as the report engine reads it: sent by the owner (candidate
/// outreach) or received (a possible reply). Local files and Microsoft Graph both produce these.
/// </summary>
public sealed record ReportMail
{
    /// <summary>Message-Id for local files, the Graph message id otherwise.</summary>
    public required string Id { get; init; }

    /// <summary>The thread: Graph's conversationId, or the root Message-Id of the References chain for local files.</summary>
    public string? ConversationId { get; init; }

    public required EmailAddress From { get; init; }
    public IReadOnlyList<EmailAddress> To { get; init; } = [];
    public IReadOnlyList<EmailAddress> Cc { get; init; } = [];
    public IReadOnlyList<EmailAddress> Bcc { get; init; } = [];
    public string Subject { get; init; } = string.Empty;
    public required DateTimeOffset Date { get; init; }

    /// <summary>The body, only for messages the owner sent (the ones analysed); null when not read.</summary>
    public string? Body { get; init; }

    public BodyFormat BodyFormat { get; init; } = BodyFormat.Text;
}

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
    /// The mailbox owner's address (the report's "me"), when the source can tell without being told:
    /// Graph reads it from the owner's Sent Items. Null when unknown or the folder is empty.
    /// </summary>
    Task<string?> FindOwnerAddressAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
