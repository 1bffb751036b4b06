using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules.SpecificReference;

/// <summary>
/// Article rule 4, "be specific and personal": an ask with no specific reference to the recipient's
/// own work, words or activity (an article, quote, talk, post, project, book, episode...). Generic
/// praise ("I love your work") is not a reference.
/// </summary>
public sealed class SpecificReferenceRule() : Rule("SpecificReference")
{
    public override RuleOutcome Evaluate(RuleInput input)
    {
        if (input.OutcomeWithoutColdRecipient() is { } early)
            return early;

        if (input.Text.References.Count > 0 || input.Text.Quotations.Count > 0)
        {
            string reference = input.Text[input.Text.References.Concat(input.Text.Quotations).MinBy(s => s.Start)];
            return RuleOutcome.Passed(Detail("refers", ("reference", reference)));
        }

        // With Azure AI Language: an event or work named in a sentence addressed to the reader
        // ("your keynote at Design Days") is a specific reference the phrase lists may miss.
        if (input.Entities("Event", "Product").FirstOrDefault(e => input.SentenceAddressesReader(e.Offset)) is TextEntity named)
            return RuleOutcome.Passed(input.WithLanguageNote(Detail("refers", ("reference", named.Text))));

        return RuleOutcome.Failed(input.WithLanguageNote(Detail("no-reference")), Finding("no-reference", Severity.Warning) with { Evidence = input.FirstAsk });
    }
}
