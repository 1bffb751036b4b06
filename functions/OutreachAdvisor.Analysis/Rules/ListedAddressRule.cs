using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// Article rule 2, "e-mail only if the person listed an address": for a recipient with no legitimate
/// source (no mail received from them, not a contact, not a colleague), the page where the sender
/// found the address must list it.
/// </summary>
public sealed class ListedAddressRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("listed-address", "channel", ArticleRule: 2, Order: 3, "Write only to listed addresses");

    public RuleOutcome Evaluate(RuleInput input)
    {
        var findings = new List<Finding>();
        var unverified = new List<string>();
        int checkedPages = 0;
        foreach (EmailAddress recipient in input.ExternalRecipients)
        {
            RecipientFacts facts = input.Context.For(recipient);
            if (HasLegitimateSource(facts))
                continue;

            switch (facts.FoundAt?.Status)
            {
                case FoundAtStatus.Listed:
                    checkedPages++;
                    break;
                case FoundAtStatus.NotListed:
                    checkedPages++;
                    findings.Add(Descriptor.Finding(Severity.Warning,
                        input.T($"{recipient.Address} does not appear on the page where you found it ({facts.FoundAtSource}).",
                                $"{recipient.Address} non compare nella pagina dove l'hai trovato ({facts.FoundAtSource})."),
                        input.T("Write only to an address the person lists publicly; otherwise use the contact channel their page offers.",
                                "Scrivi solo a un indirizzo che la persona pubblica; altrimenti usa il canale di contatto indicato nella sua pagina."),
                        recipient: recipient.Address));
                    break;
                case FoundAtStatus.Unavailable:
                    unverified.Add($"{recipient.Address} ({facts.FoundAt.Detail})");
                    break;
                default:
                    unverified.Add(recipient.Address);
                    findings.Add(Descriptor.Finding(Severity.Info,
                        input.T($"Where did you find {recipient.Address}? Nothing shows an earlier contact.",
                                $"Dove hai trovato {recipient.Address}? Non risultano contatti precedenti."),
                        input.T("Record the page that lists the address (found-at) so it can be checked.",
                                "Indica la pagina che pubblica l'indirizzo (found-at) così che possa essere verificata."),
                        recipient: recipient.Address));
                    break;
            }
        }

        if (findings.Any(f => f.Severity >= Severity.Warning))
            return new RuleOutcome(CheckStatus.Failed, input.T("An address is not on the page it was found on.", "Un indirizzo non compare nella pagina indicata."), findings);
        if (unverified.Count > 0)
            return RuleOutcome.Skipped(input.T($"Not verified: {string.Join("; ", unverified)}.", $"Non verificato: {string.Join("; ", unverified)}."), findings);
        return RuleOutcome.Passed(checkedPages > 0
            ? input.T("Every new address appears on the page it was found on.", "Ogni nuovo indirizzo compare nella pagina indicata.")
            : input.T("Every recipient is a colleague, a contact, or has written to you.", "Ogni destinatario è un collega, un contatto o ti ha già scritto."));
    }

    /// <summary>An address the sender knows from the recipient themselves, their contacts, or their organisation.</summary>
    private static bool HasLegitimateSource(RecipientFacts facts) =>
        facts.IsSameOrganization || facts.IsContact == true || facts.History is { ReceivedFrom: > 0 } || facts.History is { HasTwoWayContact: true };
}
