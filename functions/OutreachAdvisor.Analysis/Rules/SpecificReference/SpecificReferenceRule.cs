using System.Collections.Frozen;
using System.Text.RegularExpressions;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.NoPersonalDetails;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules.SpecificReference;

/// <summary>
/// Article rule 4, "be specific and personal": an ask with no specific reference to the recipient's
/// own work, words or activity (an article, quote, talk, post, project, book, episode...). Generic
/// praise ("I love your work", "ho visto il suo profilo") is not a reference, nor is a private detail
/// ("your daughter's school"), nor a title the sender calls their own ("my ebook «Vendere casa»").
/// </summary>
public sealed class SpecificReferenceRule : Rule
{
    // What makes a clause point at something: a named work, a proper name, a number or a quotation.
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _workNouns;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _notAnchors;
    private readonly Regex _sendersOwn;

    public SpecificReferenceRule()
        : base("SpecificReference")
    {
        _workNouns = Description.Words("workNouns").GetAlternateLookup<ReadOnlySpan<char>>();
        _notAnchors = Description.Words("notAnchors").GetAlternateLookup<ReadOnlySpan<char>>();
        _sendersOwn = new Regex(
            @"\b(?:" + string.Join('|', Description.Words("senderPossessives")) + @")\s+(?:[\p{L}'’-]+,?\s+){0,3}[«""“]?$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public override RuleOutcome Evaluate(RuleInput input)
    {
        if (input.OutcomeWithoutColdRecipient() is { } early)
            return early;

        // The private-detail scan repeats no-personal-details' work, so it runs only when a reference needs it.
        List<TextSpan>? privateDetails = null;
        TextSpan? reference = input.Text.References
            .Where(r => IsSpecific(input.Text.SentenceAround(r.Start)) && !(privateDetails ??= NoPersonalDetailsRule.Mentions(input)).Any(p => p.Overlaps(r)))
            .Concat(input.Text.Quotations.Where(q => !IsSendersOwn(input.Text, q)))
            .OrderBy(s => s.Start)
            .Cast<TextSpan?>()
            .FirstOrDefault();
        if (reference is { } found)
            return RuleOutcome.Passed(Detail("refers", ("reference", input.Text[found])));

        // With Azure AI Language: an event or work named in a sentence addressed to the reader
        // ("your keynote at Design Days") is a specific reference the phrase lists may miss.
        if (input.Entities("Event", "Product").FirstOrDefault(e => input.SentenceAddressesReader(e.Offset)) is TextEntity named)
            return RuleOutcome.Passed(input.WithLanguageNote(Detail("refers", ("reference", named.Text))));

        return RuleOutcome.Failed(input.WithLanguageNote(Detail("no-reference")), Finding("no-reference", Severity.Warning) with { Evidence = input.FirstAsk });
    }

    /// <summary>
    /// The sentence of a reference points at something ("your piece on sourdough", "Loopcycle's pilot with Leeds
    /// council", "i dati del 2023"); "I admire your work" does not. The sentence, not the quoted clause: the
    /// detector quotes the clause that scored highest, which may be the praise after the name.
    /// </summary>
    private bool IsSpecific(ReadOnlySpan<char> sentence)
    {
        bool first = true;
        foreach (ReadOnlySpan<char> word in new WordEnumerator(sentence))
        {
            if (char.IsDigit(word[0]) || _workNouns.Contains(word))
                return true;
            if (!first && char.IsUpper(word[0]) && !_notAnchors.Contains(word))
                return true;
            first = false;
        }
        return sentence.IndexOfAny("\"“«") >= 0;
    }

    /// <summary>A title after "my"/"il nostro" ("my new ebook, «X»") is the sender's, not the reader's.</summary>
    private bool IsSendersOwn(TextView text, TextSpan quotation)
    {
        int from = Math.Max(0, quotation.Start - 60);
        return _sendersOwn.IsMatch(text.Text.AsSpan(from, quotation.Start - from));
    }
}
