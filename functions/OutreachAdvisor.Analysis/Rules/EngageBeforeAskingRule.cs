using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// Article rule 1, "engage, then ask": an ask to someone the mailbox shows no two-way contact with
/// (nothing received from them, no thread where both wrote). Colleagues in the sender's organisation
/// are not cold contacts and are left out.
/// </summary>
public sealed class EngageBeforeAskingRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("engage-before-asking", "relationship", ArticleRule: 1, Order: 1, "Engage before you ask");

    public RuleOutcome Evaluate(RuleInput input)
    {
        if (input.OutcomeWithoutAsk() is { } early)
            return early;

        Evidence[] ask = input.FirstAsk;
        if (!input.Context.HasMailbox)
        {
            Finding hint = Descriptor.Finding(Severity.Info,
                input.T("Prior contact with the recipients could not be checked.", "Non è stato possibile verificare i contatti precedenti con i destinatari."),
                input.T("Give a mailbox (--mailbox) or sign in so earlier mail can be checked; ask only people you have already interacted with.",
                        "Indica una casella di posta (--mailbox) o accedi per verificare la posta precedente; chiedi solo a chi conosci già."),
                ask);
            return RuleOutcome.Skipped(input.T($"Prior contact not checked: {input.Context.MailboxUnavailableReason}.", $"Contatti precedenti non verificati: {input.Context.MailboxUnavailableReason}."), hint);
        }

        var findings = new List<Finding>();
        var cold = new List<string>();
        foreach (EmailAddress recipient in input.ExternalRecipients)
        {
            if (input.Context.For(recipient).History is { HasTwoWayContact: true })
                continue;
            cold.Add(recipient.Address);
            string name = RecipientNames.FirstName(recipient) ?? recipient.Address;
            findings.Add(Descriptor.Finding(Severity.Warning,
                input.T($"You are asking {recipient.Address} for something, but you have never exchanged mail with them.",
                        $"Stai chiedendo qualcosa a {recipient.Address}, ma non vi siete mai scritti."),
                input.T($"Engage first: comment on, share or reply to {name}'s work for a while, then ask. Or start with a note that asks for nothing.",
                        $"Prima interagisci: commenta, condividi o rispondi ai contenuti di {name} per un po', poi chiedi. Oppure inizia con un messaggio che non chiede nulla."),
                ask, recipient.Address));
        }

        return RuleOutcome.From(findings,
            input.T($"No earlier two-way mail with {string.Join(", ", cold)}.", $"Nessuno scambio precedente con {string.Join(", ", cold)}."),
            input.T("Every recipient of the ask has written with you before.", "Tutti i destinatari della richiesta vi hanno già scritto."));
    }
}
