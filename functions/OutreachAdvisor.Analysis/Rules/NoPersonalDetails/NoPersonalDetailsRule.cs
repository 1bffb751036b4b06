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

        List<TextSpan> spans = Mentions(input, Description);
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

    private static readonly Lazy<RuleDescription> SharedDescription = new(() => RuleDescription.Load("NoPersonalDetails"));

    /// <summary>
    /// Where the new text touches the recipient's private details: this rule's phrases and the private-details
    /// model's sentences, in order. Specific-reference reads it too: "I saw your daughter is in my son's class"
    /// is no reference to their work.
    /// </summary>
    public static List<TextSpan> Mentions(RuleInput input) => Mentions(input, SharedDescription.Value);

    private static List<TextSpan> Mentions(RuleInput input, RuleDescription description)
    {
        // Two phrases can name the same words ("il tuo indirizzo di casa"): one finding per place.
        var spans = new List<TextSpan>();
        foreach (TextSpan phrase in input.Text.Find(description.Phrases("personalDetails", input.Text.Language)))
        {
            if (!spans.Any(s => s.Overlaps(phrase)))
                spans.Add(phrase);
        }
        // The learned private-details detector adds the sentences the phrase list has no words for
        // ("I've seen you walking your spaniel on Clapham Common", "tuo figlio è nella stessa classe del mio").
        // A sentence that names a public work channel ("your website's contact page", "l'ufficio stampa") is
        // where the sender found a work address, which is no private detail (corpus/LABELLING.md).
        // A pleasantry ("Hope you're well!", "spero che stia bene") asks after them and knows nothing private.
        IReadOnlyList<TextSpan> publicSources = input.Text.Find(description.Phrases("publicSources", input.Text.Language));
        IReadOnlyList<TextSpan> pleasantries = input.Text.Find(description.Phrases("pleasantries", input.Text.Language));
        foreach (TextSpan sentence in input.Text.PrivateDetails)
        {
            if (!spans.Any(s => s.Overlaps(sentence)) && !publicSources.Any(p => p.Overlaps(sentence)) && !pleasantries.Any(p => p.Overlaps(sentence)))
                spans.Add(sentence);
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }
}
