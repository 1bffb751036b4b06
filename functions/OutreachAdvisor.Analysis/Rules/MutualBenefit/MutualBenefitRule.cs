using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules.MutualBenefit;

/// <summary>
/// Article rule 3, "make networking mutually beneficial": an ask with nothing offered in return.
/// A message that talks mostly about the sender gets an info hint.
/// </summary>
public sealed class MutualBenefitRule() : Rule("MutualBenefit")
{
    // "Strongly self-focused": at least this many I/me/my words, and three times as many as you/your.
    private const int SelfFocusMinimum = 8;
    private const int SelfFocusRatio = 3;

    public override RuleOutcome Evaluate(RuleInput input)
    {
        if (!input.Text.IsChecked)
            return RuleOutcome.Skipped(input.LanguageNotChecked);

        var findings = new List<RuleFinding>();
        if (input.Text.MakesAsk && input.Text.Offers.Count == 0)
            findings.Add(Finding("nothing-offered", Severity.Warning) with { Evidence = input.FirstAsk });

        int me = input.Text.FirstPersonWords;
        int you = input.Text.SecondPersonWords;
        if (me >= SelfFocusMinimum && me >= SelfFocusRatio * Math.Max(1, you))
            findings.Add(Finding("self-focused", Severity.Info) with { Args = Values(("me", me), ("you", you)) });

        return RuleOutcome.From(findings,
            Detail("nothing-offered"),
            input.Text.MakesAsk ? Detail("offers") : new Reason("check/no-ask"));
    }
}
