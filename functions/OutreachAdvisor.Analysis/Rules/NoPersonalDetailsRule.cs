using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// Article rule 2, the "cyber-stalker" example: the message mentions the recipient's home address,
/// personal phone or other private details, or says the sender has them.
/// </summary>
public sealed class NoPersonalDetailsRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("no-personal-details", "channel", ArticleRule: 2, Order: 4, "Leave private details out");

    public RuleOutcome Evaluate(RuleInput input)
    {
        if (input.Text.Lexicon is not { } lexicon)
            return RuleOutcome.Skipped(input.LanguageNotChecked);

        Finding[] findings = input.Text.Find(lexicon.PersonalDetails)
            .Select(span => Descriptor.Finding(Severity.Error,
                input.T($"\"{input.Text[span]}\": mentioning someone's private details reads as stalking, not networking.",
                        $"\"{input.Text[span]}\": citare dati privati di qualcuno sembra stalking, non networking."),
                input.T("Remove it. Use only the public channel the person offers, and never bring up their home, family or private numbers.",
                        "Toglilo. Usa solo il canale pubblico che la persona offre e non citare mai casa, famiglia o numeri privati."),
                [input.Text.Evidence(span)]))
            .ToArray();

        return RuleOutcome.From(findings,
            input.T("The message mentions the recipient's private details.", "Il messaggio cita dati privati del destinatario."),
            input.T("No private details of the recipient are mentioned.", "Nessun dato privato del destinatario è citato."));
    }
}
