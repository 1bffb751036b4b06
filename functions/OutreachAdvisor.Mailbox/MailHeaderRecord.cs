namespace OutreachAdvisor.Mailbox;

/// <summary>
/// The headers of one indexed message: all that is kept of it (never the body).
/// Addresses are bare, trimmed and lower-case.
/// </summary>
/// <param name="From">The author: the first From address, or Sender when From is missing.</param>
/// <param name="ThreadId">Opaque; equal for messages of the same thread.</param>
/// <param name="Subject">The subject as written (decoded), or empty.</param>
public sealed record MailHeaderRecord(
    string From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> Bcc,
    DateTimeOffset? Date,
    string? MessageId,
    string ThreadId,
    string Subject)
{
    /// <summary>To, Cc and Bcc together, each address once.</summary>
    public IEnumerable<string> Recipients => To.Concat(Cc).Concat(Bcc).Distinct(StringComparer.Ordinal);
}
