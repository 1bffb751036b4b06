using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// Article rule 5, "the worst: auto-messaging": thanks-for-following formulas, "let's connect on
/// &lt;network&gt;: &lt;link&gt;", a dump of two or more self-promotional links, and a mass mailing hidden in Bcc.
/// (In sent-mail reports the same text sent to three or more people also counts.)
/// </summary>
public sealed class NoAutomationRule : IRule
{
    // How far before a link a promotional phrase may stand ("My ebooks: http://...").
    private const int PromotionReach = 60;
    private const int MassBccRecipients = 5;

    public RuleDescriptor Descriptor { get; } = new("no-automation", "automation", ArticleRule: 5, Order: 9, "Never automate");

    public RuleOutcome Evaluate(RuleInput input)
    {
        var findings = new List<Finding>();
        TextView text = input.Text;
        if (text.Lexicon is { } lexicon)
        {
            foreach (TextSpan formula in text.Find(lexicon.AutoMessage))
            {
                findings.Add(Descriptor.Finding(Severity.Error,
                    input.T($"\"{text[formula]}\" is an auto-message formula: it reads as spam.", $"\"{text[formula]}\" è una formula da messaggio automatico: sembra spam."),
                    input.T("Delete the canned line and write one sentence only this person could receive.", "Togli la frase fatta e scrivi una frase che solo questa persona potrebbe ricevere."),
                    [text.Evidence(formula)]));
            }

            IReadOnlyList<TextSpan> connects = text.Find(lexicon.ConnectOnNetwork);
            TextSpan[] promotions = [.. text.Find(lexicon.SelfPromotion), .. connects];
            TextSpan[] promotedLinks = text.Links.Where(link => promotions.Any(p => p.End <= link.Start && link.Start - p.End <= PromotionReach)).ToArray();
            if (promotedLinks.Length >= 2 || connects.Any(c => text.Links.Any(l => l.Start >= c.End && l.Start - c.End <= PromotionReach)))
            {
                findings.Add(Descriptor.Finding(Severity.Error,
                    input.T($"The message pushes {Math.Max(1, promotedLinks.Length)} self-promotional link(s) - the shape of an automatic message.",
                            $"Il messaggio spinge {Math.Max(1, promotedLinks.Length)} link promozionali: la forma tipica di un messaggio automatico."),
                    input.T("Leave your links out of a first message; if something is truly relevant to them, offer it in one sentence.",
                            "Non mettere i tuoi link in un primo messaggio; se qualcosa è davvero utile per la persona, proponilo in una frase."),
                    promotedLinks.Select(text.Evidence)));
            }
        }

        int hidden = input.Message.Bcc.Count(r => !input.Context.IsSameOrganization(r));
        if (hidden >= MassBccRecipients)
        {
            findings.Add(Descriptor.Finding(Severity.Warning,
                input.T($"The message goes to {hidden} people in Bcc: a mass mailing, not a personal note.", $"Il messaggio va a {hidden} persone in Ccn: un invio di massa, non un messaggio personale."),
                input.T("Write to each person individually, with a message of their own.", "Scrivi a ogni persona singolarmente, con un messaggio suo.")));
        }

        if (findings.Count == 0 && !text.IsChecked)
            return RuleOutcome.Skipped(input.LanguageNotChecked);
        return RuleOutcome.From(findings,
            input.T("The message looks automated.", "Il messaggio sembra automatico."),
            input.T("No sign of automation.", "Nessun segno di automazione."));
    }
}
