using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// Article rule 4, "be specific and personal": an ask with no specific reference to the recipient's
/// own work, words or activity (an article, quote, talk, post, project, book, episode...). Generic
/// praise ("I love your work") is not a reference.
/// </summary>
public sealed class SpecificReferenceRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("specific-reference", "personalisation", ArticleRule: 4, Order: 8, "Show you know their work");

    public RuleOutcome Evaluate(RuleInput input)
    {
        if (input.OutcomeWithoutAsk() is { } early)
            return early;

        if (input.Text.References.Count > 0 || input.Text.Quotations.Count > 0)
        {
            string reference = input.Text[input.Text.References.Concat(input.Text.Quotations).MinBy(s => s.Start)];
            return RuleOutcome.Passed(input.T($"The message refers to the recipient's work: \"{reference}\".", $"Il messaggio cita il lavoro del destinatario: \"{reference}\"."));
        }

        // With Azure AI Language: an event or work named in a sentence addressed to the reader
        // ("your keynote at Design Days") is a specific reference the phrase lists may miss.
        if (input.Entities("Event", "Product").FirstOrDefault(e => input.SentenceAddressesReader(e.Offset)) is { } named)
            return RuleOutcome.Passed(input.WithLanguageNote(input.T($"The message refers to the recipient's work: \"{named.Text}\".", $"Il messaggio cita il lavoro del destinatario: \"{named.Text}\".")));

        Finding finding = Descriptor.Finding(Severity.Warning,
            input.T("The message asks without mentioning anything specific the person wrote, said or made.",
                    "Il messaggio chiede senza citare nulla di specifico che la persona abbia scritto, detto o fatto."),
            input.T("Show you targeted this person: name their article, talk or project and say what struck you, e.g. \"I saw you quoted in the Times on ..., and what you said struck a chord.\"",
                    "Mostra che hai scelto proprio questa persona: cita un suo articolo, intervento o progetto e di' cosa ti ha colpito, ad es. \"Ti ho visto citato sul Times riguardo a ..., e quello che hai detto mi ha colpito.\""),
            input.FirstAsk);
        return new RuleOutcome(CheckStatus.Failed, input.WithLanguageNote(input.T("No specific reference to the recipient's work.", "Nessun riferimento specifico al lavoro del destinatario.")), [finding]);
    }
}
