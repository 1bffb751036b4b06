using System.Collections.Frozen;
using System.Text.RegularExpressions;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules.RightRecipient;

/// <summary>
/// Article rule 4, the "perfect for Self" sent to a SHAPE writer: the greeting names someone who is not
/// a recipient, or the message names an outlet or company as the recipient's that is not theirs.
/// </summary>
public sealed class RightRecipientRule : Rule
{
    // Capitalised words that follow "perfect for" without being anyone's outlet, and domain labels that name no one.
    private readonly FrozenSet<string> _notOutlets;
    private readonly FrozenSet<string> _genericDomainLabels;
    // "your", "vostra": naming an outlet as the reader's ("nella vostra collana «Nord»") says it is theirs.
    private readonly string _readerPossessive;
    // Words an outlet's name may carry that its domain leaves out ("Homes & Gardens Monthly" at homesgardens-mag).
    private readonly FrozenSet<string> _outletFillerWords;
    private readonly string _prepositions;

    public RightRecipientRule()
        : base("RightRecipient")
    {
        _notOutlets = Description.Words("notOutlets");
        _genericDomainLabels = Description.Words("genericDomainLabels");
        _readerPossessive = string.Join('|', Description.Words("readerPossessives"));
        _outletFillerWords = Description.Words("outletFillerWords");
        _prepositions = @"(?:" + string.Join('|', Description.Words("prepositions")) + @")\b";
    }

    public override RuleOutcome Evaluate(RuleInput input)
    {
        // Names and outlets are read only in the languages the analyzer understands: "Chère Madame" is no name.
        if (!input.Text.IsChecked)
            return RuleOutcome.Skipped(input.LanguageNotChecked);

        var findings = new List<RuleFinding>();
        CheckGreetingName(input, findings);
        CheckOutlets(input, findings);
        return RuleOutcome.From(findings, input.WithLanguageNote(Detail("mismatch")), input.WithLanguageNote(Detail("match")));
    }

    private void CheckGreetingName(RuleInput input, List<RuleFinding> findings)
    {
        if (input.Text.Greeting is not { Kind: GreetingKind.Named } greeting)
            return;
        EmailAddress[] people = input.Message.To.Concat(input.Message.Cc).ToArray();
        (EmailAddress Recipient, IReadOnlyList<string> Tokens)[] known = people.Select(p => (Recipient: p, Tokens: RecipientNames.Tokens(p))).Where(p => p.Tokens.Count > 0).ToArray();
        if (known.Length == 0)
            return;

        // "Hi Ravi and Jo," greets two people: each name must be one of the recipients.
        var names = new List<(string Name, TextSpan Span)> { (greeting.Name, greeting.NameSpan) };
        int after = greeting.NameSpan.End;
        Match second = SecondName.Match(input.Text.Text, after, Math.Max(0, Math.Min(greeting.Span.End, input.Text.NewTextLength) - after));
        if (second.Success)
            names.Add((second.Groups["name"].Value, new TextSpan(second.Groups["name"].Index, second.Groups["name"].Length)));
        (string Name, TextSpan Span) wrong = names.FirstOrDefault(n => !known.Any(p => RecipientNames.CanName(n.Name, p.Recipient, p.Tokens)));
        if (wrong.Name is null)
            return;
        bool whole = names.Count == 1;

        string? rightName = RecipientNames.OnlyToFirstName(input.Message);
        findings.Add(Finding("wrong-name", Severity.Error) with
        {
            Args = Values(("greeting", wrong.Name), ("recipients", people.Select(p => p.ToString()).ToArray()), ("name", rightName ?? string.Empty)),
            Evidence = [wrong.Span],
            Recipients = input.Message.To.Count == 1 ? [input.Message.To[0].Address] : [],
            Fix = rightName is null || !whole ? null : new RuleFix(greeting.NameSpan.Start, greeting.NameSpan.Length, rightName),
        });
    }

    // The second name of "Hi Ravi and Jo" / "Ciao Paola e Ilaria" (the greeting's name stops at the first),
    // after any title: "Dear Dr Patel and Prof. Holm" greets Holm, not someone called Prof.
    private static readonly Regex SecondName = new(
        @"\G[ \t]*(?:and|e|&)[ \t]+(?:(?i:" + string.Join('|', GreetingLexicon.Honorifics.OrderByDescending(h => h.Length)) + @")\.?[ \t]+)*(?<name>\p{Lu}[\p{L}'’-]+)",
        RegexOptions.CultureInvariant);

    private void CheckOutlets(RuleInput input, List<RuleFinding> findings)
    {
        if (!input.Text.IsChecked)
            return;
        // Only recipients at an organisation's own domain tell us where they work.
        // Bcc counts: a press release goes to its journalists in Bcc.
        EmailAddress[] atOrganisations = input.Message.AllRecipients
            .Where(r => r.Domain.Length > 0 && !PublicMailDomains.Contains(r.Domain) && !input.Context.Organization.Contains(r))
            .ToArray();
        if (atOrganisations.Length == 0)
            return;

        // The verdict on a name is the same wherever it stands: each name is compared with the recipients once
        // (a long text repeats "perfect for Self" thousands of times, and there may be 500 recipients).
        var theirs = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (TextSpan span in OutletMentions(input))
        {
            input.Budget.ThrowIfSpent();
            string name = input.Text[span].Trim();
            if (_notOutlets.Contains(name) || _notOutlets.Contains(name.Split(' ')[0]))
                continue;
            if (!theirs.TryGetValue(name, out bool known))
            {
                theirs[name] = known = atOrganisations.Any(r => IsOutletOf(name, r)) || input.Context.Organization.Domains.Any(d => NameMatchesDomain(name, d))
                    || NamedAsTheReaders(input, name);
            }
            if (known)
                continue;

            findings.Add(Finding("wrong-outlet", Severity.Error) with
            {
                Args = Values(("outlet", name), ("domains", atOrganisations.Select(r => r.Domain).Distinct().ToArray())),
                Evidence = [span],
                Recipients = atOrganisations.Length == 1 ? [atOrganisations[0].Address] : [],
            });
        }
    }

    /// <summary>
    /// Outlets the message pitches something for: the rule's phrases ("perfect for X", "for your readers at X",
    /// "per la rivista X"), and, with Azure AI Language, organisations right after "for/per" in a sentence
    /// addressed to the reader. Naming where the recipient's own work appeared ("your column in X") is a
    /// reference, not a pitch, and is not looked at here.
    /// </summary>
    private List<TextSpan> OutletMentions(RuleInput input)
    {
        // Each pitch shape on its own (match within the new text without copying it out); two shapes can name one
        // outlet. Their order does not matter: the analyzer orders findings by position.
        var spans = new List<TextSpan>();
        foreach (Regex pattern in Description.Patterns("outletMention", input.Text.Language))
        {
            for (Match mention = pattern.Match(input.Text.Text, 0, input.Text.NewTextLength); mention.Success; mention = mention.NextMatch())
            {
                var outlet = new TextSpan(mention.Groups["outlet"].Index, mention.Groups["outlet"].Length);
                if (!spans.Any(s => s.Overlaps(outlet)))
                    spans.Add(outlet);
            }
        }
        foreach (TextEntity organisation in input.Entities("Organization"))
        {
            var span = new TextSpan(organisation.Offset, organisation.Length);
            string before = input.Text.Text[..span.Start].TrimEnd();
            bool afterCue = OutletCues.Any(cue => before.EndsWith(cue, StringComparison.OrdinalIgnoreCase));
            if (afterCue && input.SentenceAddressesReader(span.Start) && !spans.Any(s => s.Overlaps(span)))
                spans.Add(span);
        }
        return spans;
    }

    // Only "for": naming where someone works or was published ("your talk at X") is a reference, not a pitch.
    private static readonly string[] OutletCues = [" for", " per"];

    /// <summary>
    /// "la vostra collana «Nord»" / "your magazine, Coastline": somewhere in the message the outlet is called the
    /// reader's own. A preposition between breaks the tie: "your readers at Gadget Weekly" is the pitch, not ownership.
    /// </summary>
    private bool NamedAsTheReaders(RuleInput input, string outlet) =>
        Regex.IsMatch(
            input.Text.Text.AsSpan(0, input.Text.NewTextLength),
            @"\b(?:" + _readerPossessive + @")\s+(?:(?!" + _prepositions + @")[\p{L}'’-]+,?\s+){0,2}[«""“]?" + Regex.Escape(outlet) + @"(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private bool IsOutletOf(string outlet, EmailAddress recipient) =>
        NameMatchesDomain(outlet, recipient.Domain)
        || (recipient.Name?.Contains(outlet, StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>"SHAPE" matches shape.example, "The Times" matches thetimes.example, "New York Times" matches nytimes.example.</summary>
    private bool NameMatchesDomain(string outlet, string domain)
    {
        string compact = Letters(RecipientNames.Fold(outlet));
        string withoutArticle = Letters(RecipientNames.Fold(Regex.Replace(outlet, @"^(?i:the|il|la|lo|l')\s*", string.Empty)));
        string significant = Letters(RecipientNames.Fold(string.Join(' ', outlet.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !_outletFillerWords.Contains(w)))));
        string initials = string.Concat(outlet.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToLowerInvariant(w[0])));
        foreach (string label in domain.Split('.').Where(l => !_genericDomainLabels.Contains(l)))
        {
            string l = Letters(label.ToLowerInvariant());
            if (l.Length < 2)
                continue;
            if (l == compact || l == withoutArticle || (withoutArticle.Length >= 4 && l.Contains(withoutArticle, StringComparison.Ordinal))
                || (l.Length >= 4 && withoutArticle.Contains(l, StringComparison.Ordinal)) || (initials.Length >= 3 && l.StartsWith(initials, StringComparison.Ordinal))
                || (significant.Length >= 5 && l.Contains(significant, StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    private static string Letters(string text) => new(text.Where(char.IsLetterOrDigit).ToArray());
}
