using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// Article rule 2, the "cyber-stalker" example: the message mentions the recipient's home address,
/// personal phone or other private details, or says the sender has them.
/// </summary>
public sealed class NoPersonalDetailsRule : IRule
{
    private const double MinimumConfidence = 0.6;

    public RuleDescriptor Descriptor { get; } = new("no-personal-details", "channel", ArticleRule: 2, Order: 4, "Leave private details out");

    public RuleOutcome Evaluate(RuleInput input)
    {
        if (input.Text.Lexicon is not { } lexicon)
            return RuleOutcome.Skipped(input.LanguageNotChecked);

        List<TextSpan> spans = [.. input.Text.Find(lexicon.PersonalDetails)];
        // Azure AI Language, when configured, also finds street addresses and phone numbers; they count
        // when the sentence is about the reader ("see you at your place, 12 Elm Street"), not the sender's signature.
        foreach (TextEntity pii in input.PiiEntities("Address", "PhoneNumber"))
        {
            var span = new TextSpan(pii.Offset, pii.Length);
            if (pii.ConfidenceScore >= MinimumConfidence && input.SentenceAddressesReader(pii.Offset) && !spans.Any(s => s.Start < span.End && span.Start < s.End))
                spans.Add(span);
        }

        Finding[] findings = spans
            .Select(span => Descriptor.Finding(Severity.Error,
                input.T($"\"{input.Text[span]}\": mentioning someone's private details reads as stalking, not networking.",
                        $"\"{input.Text[span]}\": citare dati privati di qualcuno sembra stalking, non networking."),
                input.T("Remove it. Use only the public channel the person offers, and never bring up their home, family or private numbers.",
                        "Toglilo. Usa solo il canale pubblico che la persona offre e non citare mai casa, famiglia o numeri privati."),
                [input.Text.Evidence(span)]))
            .ToArray();

        return RuleOutcome.From(findings,
            input.WithLanguageNote(input.T("The message mentions the recipient's private details.", "Il messaggio cita dati privati del destinatario.")),
            input.WithLanguageNote(input.T("No private details of the recipient are mentioned.", "Nessun dato privato del destinatario è citato.")));
    }
}
