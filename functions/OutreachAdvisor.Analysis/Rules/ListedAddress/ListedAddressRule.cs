using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules.ListedAddress;

/// <summary>
/// Article rule 2, "e-mail only if the person listed an address": for a recipient with no legitimate
/// source (no mail received from them, not a contact, not a colleague), the page where the sender
/// found the address must list it.
/// </summary>
public sealed class ListedAddressRule() : Rule("ListedAddress")
{
    public override RuleOutcome Evaluate(RuleInput input)
    {
        var findings = new List<RuleFinding>();
        var unverified = new List<object>();
        int checkedPages = 0;
        // Only cold recipients: a colleague, a contact, someone who wrote or someone met elsewhere needs no listing.
        foreach (EmailAddress recipient in input.ColdRecipients)
        {
            RecipientFacts facts = input.Context.For(recipient);

            switch (facts.FoundAt?.Status)
            {
                case FoundAtStatus.Listed:
                    checkedPages++;
                    break;
                case FoundAtStatus.NotListed:
                    checkedPages++;
                    findings.Add(Finding("not-on-page", Severity.Warning) with
                    {
                        Args = Values(("recipient", recipient.Address), ("source", facts.FoundAtSource!)),
                        Recipients = [recipient.Address],
                    });
                    break;
                case FoundAtStatus.Unavailable:
                    unverified.Add(Detail("unverified-page", ("recipient", recipient.Address), ("reason", facts.FoundAt.Detail)));
                    break;
                default:
                    unverified.Add(recipient.Address);
                    findings.Add(Finding("where-found", Severity.Info) with { Args = Values(("recipient", recipient.Address)), Recipients = [recipient.Address] });
                    break;
            }
        }

        if (findings.Any(f => f.Severity >= Severity.Warning))
            return RuleOutcome.Failed(Detail("not-on-page"), findings);
        if (unverified.Count > 0)
            return RuleOutcome.Skipped(Detail("not-verified", ("recipients", new ReasonList(unverified, "; "))), findings);
        return RuleOutcome.Passed(checkedPages > 0 ? Detail("all-on-page") : input.WhyNoneCold());
    }
}
