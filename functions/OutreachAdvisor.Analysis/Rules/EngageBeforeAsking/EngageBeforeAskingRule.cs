using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules.EngageBeforeAsking;

/// <summary>
/// Article rule 1, "engage, then ask": an ask to someone the mailbox shows no two-way contact with
/// (nothing received from them, no thread where both wrote). Colleagues in the sender's organisation
/// are not cold contacts and are left out.
/// </summary>
public sealed class EngageBeforeAskingRule() : Rule("EngageBeforeAsking")
{
    public override RuleOutcome Evaluate(RuleInput input)
    {
        if (input.OutcomeWithoutAsk() is { } early)
            return early;

        IReadOnlyList<TextSpan> ask = input.FirstAsk;
        if (!input.Context.HasMailbox)
        {
            RuleFinding hint = Finding("no-mailbox", Severity.Info) with { Evidence = ask };
            return RuleOutcome.Skipped(Detail("not-checked", ("reason", input.Context.MailboxUnavailableReason!)), hint);
        }

        var findings = new List<RuleFinding>();
        var cold = new List<string>();
        foreach (EmailAddress recipient in input.ExternalRecipients)
        {
            if (input.Context.For(recipient).History is { HasTwoWayContact: true })
                continue;
            cold.Add(recipient.Address);
            findings.Add(Finding("cold", Severity.Warning) with
            {
                Args = Values(("recipient", recipient.Address), ("name", RecipientNames.FirstName(recipient) ?? recipient.Address)),
                Evidence = ask,
                Recipients = [recipient.Address],
            });
        }

        return RuleOutcome.From(findings,
            Detail("cold", ("recipients", cold)),
            Detail("all-known"));
    }
}
