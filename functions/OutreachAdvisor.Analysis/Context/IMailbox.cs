namespace OutreachAdvisor.Analysis.Context;

/// <summary>
/// What the sender's mailbox says about one recipient. Implemented over local .eml/.mbox files
/// and over Microsoft Graph; rules never call it, the context stage does.
/// </summary>
public interface IMailbox
{
    /// <summary>A short name for <c>checks</c> and health output, e.g. "local-files" or "graph".</summary>
    string Name { get; }

    /// <summary>Earlier mail between <paramref name="sender"/> and <paramref name="recipient"/>.</summary>
    Task<RecipientHistory> GetHistoryAsync(string sender, string recipient, CancellationToken cancellationToken);

    /// <summary>
    /// The histories of several recipients, in order. Providers that can answer many at once (Graph's
    /// JSON batching) override it; the default asks about each recipient concurrently.
    /// </summary>
    async Task<IReadOnlyList<RecipientHistory>> GetHistoriesAsync(string sender, IReadOnlyList<string> recipients, CancellationToken cancellationToken) =>
        await Task.WhenAll(recipients.Select(r => GetHistoryAsync(sender, r, cancellationToken))).ConfigureAwait(false);

    /// <summary>Whether <paramref name="address"/> is in the sender's contacts.</summary>
    Task<bool> IsContactAsync(string address, CancellationToken cancellationToken);

    /// <summary>The domains of the sender's organisation (empty for public webmail senders).</summary>
    Task<IReadOnlyCollection<string>> GetOrganizationDomainsAsync(string sender, CancellationToken cancellationToken);
}
