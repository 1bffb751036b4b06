using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules.MutualBenefit;

/// <summary>
/// Article rule 3, "make networking mutually beneficial": an ask to a cold recipient with nothing offered
/// in return. Info hints when the message talks mostly about the sender, or when a cold ask runs long or
/// reads hard (the reader pays for it before agreeing to anything; docs/rules/mutual-benefit.md cites the
/// published reply rates).
/// </summary>
public sealed class MutualBenefitRule() : Rule("MutualBenefit")
{
    // "Strongly self-focused": at least this many I/me/my words, and three times as many as you/your.
    private const int SelfFocusMinimum = 8;
    private const int SelfFocusRatio = 3;

    // Boomerang's 40M e-mails: 50-125 words were answered most; past 200 a cold ask asks a lot of reading.
    private const int LongAskWords = 200;

    // Flesch below 50 reads as "fairly difficult" (college level); Gulpease below 40 is hard for readers with a secondary education.
    private const double HardFlesch = 50;
    private const double HardGulpease = 40;

    public override RuleOutcome Evaluate(RuleInput input)
    {
        if (!input.Text.IsChecked)
            return RuleOutcome.Skipped(input.LanguageNotChecked);
        if (!input.ColdRecipients.Any())
            return RuleOutcome.Passed(input.WhyNoneCold());

        var findings = new List<RuleFinding>();
        if (input.Text.MakesAsk && input.Text.Offers.Count == 0)
            findings.Add(Finding("nothing-offered", Severity.Warning) with { Evidence = input.FirstAsk });

        int me = input.Text.FirstPersonWords;
        int you = input.Text.SecondPersonWords;
        if (me >= SelfFocusMinimum && me >= SelfFocusRatio * Math.Max(1, you))
            findings.Add(Finding("self-focused", Severity.Info) with { Args = Values(("me", me), ("you", you)) });

        if (input.Text.MakesAsk)
        {
            MessageMetrics metrics = input.Metrics;
            if (metrics.Words > LongAskWords)
                findings.Add(Finding("long-ask", Severity.Info) with { Args = Values(("words", metrics.Words)) });
            if (metrics.ReadingEase is double ease && ease < (metrics.ReadingScale == "gulpease" ? HardGulpease : HardFlesch) && metrics.Words >= 30)
                findings.Add(Finding("hard-to-read", Severity.Info) with { Args = Values(("ease", Math.Round(ease)), ("scale", metrics.ReadingScale!)) });
        }

        return RuleOutcome.From(findings,
            Detail("nothing-offered"),
            input.Text.MakesAsk ? Detail("offers") : new Reason("check/no-ask"));
    }
}
