using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules.EngageBeforeAsking;

/// <summary>
/// Article rule 1, "engage, then ask": an ask to someone the mailbox shows no two-way contact with
/// (nothing received from them, no thread where both wrote). Only cold recipients count (contract
/// section 6): colleagues, contacts and people the user says they engaged with elsewhere are left out.
/// </summary>
public sealed class EngageBeforeAskingRule() : Rule("EngageBeforeAsking")
{
    public override RuleOutcome Evaluate(RuleInput input)
    {
        if (input.OutcomeWithoutAsk() is { } early)
            return early;

        // Colleagues, contacts, people who wrote and people the user engaged with elsewhere are not cold.
        EmailAddress[] cold = input.ColdRecipients.ToArray();
        if (cold.Length == 0)
            return RuleOutcome.Passed(input.WhyNoneCold());

        IReadOnlyList<TextSpan> ask = input.FirstAsk;
        if (!input.Context.HasMailbox)
        {
            RuleFinding hint = Finding("no-mailbox", Severity.Info) with { Evidence = ask };
            return RuleOutcome.Skipped(Detail("not-checked", ("reason", input.Context.MailboxUnavailableReason!)), hint);
        }

        var findings = new List<RuleFinding>();
        foreach (EmailAddress recipient in cold)
        {
            findings.Add(Finding("cold", Severity.Warning) with
            {
                Args = Values(("recipient", recipient.Address), ("name", RecipientNames.FirstName(recipient) ?? recipient.Address)),
                Evidence = ask,
                Recipients = [recipient.Address],
            });
        }

        return RuleOutcome.Failed(Detail("cold", ("recipients", cold.Select(r => r.Address).ToArray())), findings);
    }
}
