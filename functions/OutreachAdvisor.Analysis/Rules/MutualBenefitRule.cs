using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// Article rule 3, "make networking mutually beneficial": an ask with nothing offered in return.
/// A message that talks mostly about the sender gets an info hint.
/// </summary>
public sealed class MutualBenefitRule : IRule
{
    // "Strongly self-focused": at least this many I/me/my words, and three times as many as you/your.
    private const int SelfFocusMinimum = 8;
    private const int SelfFocusRatio = 3;

    public RuleDescriptor Descriptor { get; } = new("mutual-benefit", "reciprocity", ArticleRule: 3, Order: 5, "Offer something in return");

    public RuleOutcome Evaluate(RuleInput input)
    {
        if (!input.Text.IsChecked)
            return RuleOutcome.Skipped(input.LanguageNotChecked);

        var findings = new List<Finding>();
        if (input.Text.MakesAsk && input.Text.Offers.Count == 0)
        {
            findings.Add(Descriptor.Finding(Severity.Warning,
                input.T("The message asks for something and offers nothing in return.", "Il messaggio chiede qualcosa e non offre nulla in cambio."),
                input.T("Say what you can do for them: share something useful, offer an introduction, or at least offer to return the favour.",
                        "Di' cosa puoi fare tu: condividi qualcosa di utile, offri un contatto o almeno offriti di ricambiare il favore."),
                input.FirstAsk));
        }

        int me = input.Text.FirstPersonWords;
        int you = input.Text.SecondPersonWords;
        if (me >= SelfFocusMinimum && me >= SelfFocusRatio * Math.Max(1, you))
        {
            findings.Add(Descriptor.Finding(Severity.Info,
                input.T($"The message is mostly about you: {me} words like I/me/my against {you} like you/your.",
                        $"Il messaggio parla soprattutto di te: {me} parole come io/mi/mio contro {you} come tu/ti/tuo."),
                input.T("Turn it around: why would this person want to hear from you?", "Ribalta il punto di vista: perché questa persona dovrebbe voler sentire te?")));
        }

        return RuleOutcome.From(findings,
            input.T("An ask with nothing offered in return.", "Una richiesta senza nulla in cambio."),
            input.Text.MakesAsk
                ? input.T("The message offers something in return.", "Il messaggio offre qualcosa in cambio.")
                : input.T("The message makes no ask.", "Il messaggio non contiene richieste."));
    }
}
