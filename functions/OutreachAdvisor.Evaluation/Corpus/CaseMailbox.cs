using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Evaluation.Corpus;

/// <summary>
/// The mailbox a case assumes, in memory: <c>none</c> is no mail, <c>sent-only</c> one message sent and
/// none received, <c>two-way</c> a thread where both wrote; contacts and organisation domains as labelled.
/// </summary>
public sealed class CaseMailbox(CorpusCase corpusCase) : IMailbox
{
    public string Name => "corpus";

    public Task<RecipientHistory> GetHistoryAsync(string sender, string recipient, CancellationToken cancellationToken) =>
        Task.FromResult(corpusCase.Recipients.TryGetValue(recipient.Trim(), out CaseRecipient? facts)
            ? facts.History switch
            {
                RecipientHistoryLabel.SentOnly => new RecipientHistory(SentTo: 1, ReceivedFrom: 0, TwoWayThreads: 0),
                RecipientHistoryLabel.TwoWay => new RecipientHistory(SentTo: 1, ReceivedFrom: 1, TwoWayThreads: 1),
                _ => RecipientHistory.None,
            }
            : RecipientHistory.None);

    public Task<bool> IsContactAsync(string address, CancellationToken cancellationToken) =>
        Task.FromResult(corpusCase.Recipients.TryGetValue(address.Trim(), out CaseRecipient? facts) && facts.Contact);

    public Task<IReadOnlyCollection<string>> GetOrganizationDomainsAsync(string sender, CancellationToken cancellationToken) =>
        Task.FromResult(corpusCase.OrganizationDomains is { } domains
            ? (IReadOnlyCollection<string>)domains
            : Organization.OfSender(corpusCase.Message.From).Domains);
}
