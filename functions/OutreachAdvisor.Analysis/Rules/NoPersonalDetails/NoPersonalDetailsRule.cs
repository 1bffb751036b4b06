using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules.NoPersonalDetails;

/// <summary>
/// Article rule 2, the "cyber-stalker" example: the message mentions the recipient's home address,
/// personal phone or other private details, or says the sender has them.
/// </summary>
public sealed class NoPersonalDetailsRule() : Rule("NoPersonalDetails")
{
    private const double MinimumConfidence = 0.6;

    public override RuleOutcome Evaluate(RuleInput input)
    {
        if (!input.Text.IsChecked)
            return RuleOutcome.Skipped(input.LanguageNotChecked);

        // Two phrases can name the same words ("il tuo indirizzo di casa"): one finding per place.
        var spans = new List<TextSpan>();
        foreach (TextSpan phrase in input.Text.Find(Description.Phrases("personalDetails", input.Text.Language)))
        {
            if (!spans.Any(s => s.Overlaps(phrase)))
                spans.Add(phrase);
        }
        // The learned private-details detector adds the sentences the phrase list has no words for
        // ("I've seen you walking your spaniel on Clapham Common", "tuo figlio è nella stessa classe del mio").
        // A sentence that names a public work channel ("your website's contact page", "l'ufficio stampa") is
        // where the sender found a work address, which is no private detail (corpus/LABELLING.md).
        IReadOnlyList<TextSpan> publicSources = input.Text.Find(Description.Phrases("publicSources", input.Text.Language));
        foreach (TextSpan sentence in input.Text.PrivateDetails)
        {
            if (!spans.Any(s => s.Overlaps(sentence)) && !publicSources.Any(p => p.Overlaps(sentence)))
                spans.Add(sentence);
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        // Azure AI Language, when configured, also finds street addresses and phone numbers; they count
        // when the sentence is about the reader ("see you at your place, 12 Elm Street"), not the sender's signature.
        foreach (TextEntity pii in input.PiiEntities("Address", "PhoneNumber"))
        {
            var span = new TextSpan(pii.Offset, pii.Length);
            if (pii.ConfidenceScore >= MinimumConfidence && input.SentenceAddressesReader(pii.Offset) && !spans.Any(s => s.Overlaps(span)))
                spans.Add(span);
        }

        RuleFinding[] findings = spans
            .Select(span => Finding("private-detail", Severity.Error) with { Args = Values(("phrase", input.Text[span])), Evidence = [span] })
            .ToArray();

        return RuleOutcome.From(findings, input.WithLanguageNote(Detail("mentions")), input.WithLanguageNote(Detail("none")));
    }
}
