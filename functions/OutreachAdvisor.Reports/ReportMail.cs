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

    /// <summary>Where <see cref="Date"/> came from (<see cref="ReportDateSources"/>): the report counts messages by it.</summary>
    public string DateSource { get; init; } = ReportDateSources.Date;

    /// <summary>The body, only for messages the owner sent (the ones analysed); null when not read.</summary>
    public string? Body { get; init; }

    public BodyFormat BodyFormat { get; init; } = BodyFormat.Text;

    /// <summary>Recipient headers nothing could be read from (local files): the analysis skips the rules that judge recipients.</summary>
    public IReadOnlyList<string> UnreadableRecipientHeaders { get; init; } = [];

    /// <summary>Recipient headers only partly readable (local files): the rules that judge recipients do not pass on the part read.</summary>
    public IReadOnlyList<string> PartlyReadableRecipientHeaders { get; init; } = [];
}
