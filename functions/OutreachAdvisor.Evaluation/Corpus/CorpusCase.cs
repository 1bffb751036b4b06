using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Evaluation.Corpus;

/// <summary>One labelled message of the corpus: the request, the mailbox it assumes, its found-at pages and its labels.</summary>
public sealed record CorpusCase
{
    public required string Id { get; init; }
    /// <summary>The file the case was read from, as given to the reader (for error lines and failure lists).</summary>
    public required string File { get; init; }
    /// <summary>"en" or "it": the language the body is written in.</summary>
    public required string Language { get; init; }
    public string? Genre { get; init; }
    public required MessageInput Message { get; init; }
    /// <summary>The sender's organisation's domains, or null for "the sender's own domain unless it is webmail".</summary>
    public IReadOnlyList<string>? OrganizationDomains { get; init; }
    /// <summary>Per recipient address (case-insensitive): the mailbox history and whether they are a contact.</summary>
    public required IReadOnlyDictionary<string, CaseRecipient> Recipients { get; init; }
    /// <summary>The found-at pages by URL, so the check runs offline.</summary>
    public required IReadOnlyDictionary<string, string> Pages { get; init; }
    /// <summary>Rule name to label: true when a careful expert wants a warning.</summary>
    public required IReadOnlyDictionary<string, bool> Labels { get; init; }
    public string? Note { get; init; }
    /// <summary>The addresses of the message's <c>priorContact</c>: people the user says they engaged with elsewhere.</summary>
    public IReadOnlyCollection<string> PriorContact { get; init; } = [];

    /// <summary>
    /// Whether some recipient is cold (corpus/LABELLING.md, section 2): outside the organisation, no
    /// two-way history, not a contact, not in priorContact. Computed from the case's facts, not by the analysis.
    /// </summary>
    public bool HasColdRecipient
    {
        get
        {
            Organization organization = OrganizationDomains is { } domains ? new Organization(domains) : Organization.OfSender(Message.From);
            return Message.AllRecipients.Any(r =>
                !organization.Contains(r)
                && Recipients.TryGetValue(r.Address.Trim(), out CaseRecipient? facts) && facts.History != RecipientHistoryLabel.TwoWay && !facts.Contact
                && !PriorContact.Contains(r.Address.Trim(), StringComparer.OrdinalIgnoreCase));
        }
    }
}

/// <summary>What the case's mailbox knows about one recipient.</summary>
public sealed record CaseRecipient(RecipientHistoryLabel History, bool Contact);
