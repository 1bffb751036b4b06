using System.Text.RegularExpressions;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// Article rule 4, the "perfect for Self" sent to a SHAPE writer: the greeting names someone who is not
/// a recipient, or the message names an outlet or company as the recipient's that is not theirs.
/// </summary>
public sealed class RightRecipientRule : IRule
{
    // Capitalised words that follow "perfect for" without being anyone's outlet.
    private static readonly HashSet<string> NotOutlets = new(StringComparer.OrdinalIgnoreCase)
    {
        "you", "your", "me", "us", "them", "him", "her", "everyone", "anyone", "this", "that", "it", "i", "lei", "te", "voi", "noi", "tutti",
        "facebook", "instagram", "linkedin", "twitter", "x", "tiktok", "youtube", "threads", "bluesky", "google", "spotify",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter", "summer", "winter", "spring", "autumn",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "natale", "pasqua", "estate", "inverno", "primavera", "autunno",
        "beginners", "startups", "students", "principianti", "studenti",
    };

    private static readonly HashSet<string> GenericDomainLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "org", "net", "it", "co", "uk", "io", "example", "mail", "email", "www", "info", "news", "media", "magazine", "press", "edu", "gov", "de", "fr", "es", "eu",
    };

    public RuleDescriptor Descriptor { get; } = new("right-recipient", "personalisation", ArticleRule: 4, Order: 7, "Write to the right person");

    public RuleOutcome Evaluate(RuleInput input)
    {
        var findings = new List<Finding>();
        CheckGreetingName(input, findings);
        CheckOutlets(input, findings);
        return RuleOutcome.From(findings,
            input.WithLanguageNote(input.T("The message names the wrong person or outlet.", "Il messaggio nomina la persona o la testata sbagliata.")),
            input.WithLanguageNote(input.T("Names and outlets in the message match the recipients.", "Nomi e testate nel messaggio corrispondono ai destinatari.")));
    }

    private void CheckGreetingName(RuleInput input, List<Finding> findings)
    {
        if (input.Text.Greeting is not { Kind: GreetingKind.Named } greeting)
            return;
        EmailAddress[] people = input.Message.To.Concat(input.Message.Cc).ToArray();
        (EmailAddress Recipient, IReadOnlyList<string> Tokens)[] known = people.Select(p => (Recipient: p, Tokens: RecipientNames.Tokens(p))).Where(p => p.Tokens.Count > 0).ToArray();
        if (known.Length == 0 || known.Any(p => RecipientNames.CanName(greeting.Name, p.Recipient, p.Tokens)))
            return;

        EmailAddress? only = input.Message.To.Count == 1 ? input.Message.To[0] : null;
        string? rightName = only is null ? null : RecipientNames.FirstName(only);
        string recipients = string.Join(", ", people.Select(p => p.ToString()));
        findings.Add(Descriptor.Finding(Severity.Error,
            input.T($"The greeting names \"{greeting.Name}\", but the message goes to {recipients}.",
                    $"Il saluto nomina \"{greeting.Name}\", ma il messaggio va a {recipients}."),
            input.T("Check that this message is for this person, and greet them by their own name.",
                    "Verifica che il messaggio sia per questa persona e salutala con il suo nome."),
            [input.Text.Evidence(greeting.NameSpan)],
            only?.Address,
            rightName is null ? null : new TextFix(input.T($"Greet {rightName}", $"Saluta {rightName}"), greeting.NameSpan.Start, greeting.NameSpan.Length, rightName)));
    }

    private void CheckOutlets(RuleInput input, List<Finding> findings)
    {
        if (input.Text.Lexicon is not { } lexicon)
            return;
        // Only recipients at an organisation's own domain tell us where they work.
        EmailAddress[] atOrganisations = input.Message.To
            .Where(r => r.Domain.Length > 0 && !PublicMailDomains.Contains(r.Domain) && !input.Context.IsSameOrganization(r))
            .ToArray();
        if (atOrganisations.Length == 0)
            return;

        foreach (TextSpan span in OutletMentions(input, lexicon))
        {
            string name = input.Text[span].Trim();
            if (NotOutlets.Contains(name) || NotOutlets.Contains(name.Split(' ')[0]))
                continue;
            if (atOrganisations.Any(r => IsOutletOf(name, r)) || input.Context.OrganizationDomains.Any(d => NameMatchesDomain(name, d)))
                continue;

            string where = string.Join(", ", atOrganisations.Select(r => r.Domain).Distinct());
            findings.Add(Descriptor.Finding(Severity.Error,
                input.T($"The message pitches \"{name}\", but the recipient is at {where}.", $"Il messaggio parla di \"{name}\", ma il destinatario lavora per {where}."),
                input.T("Name the outlet or company the person actually works for, and check the pitch fits it.",
                        "Nomina la testata o l'azienda per cui la persona lavora davvero e verifica che la proposta sia adatta."),
                [input.Text.Evidence(span)],
                atOrganisations.Length == 1 ? atOrganisations[0].Address : null));
        }
    }

    /// <summary>
    /// Outlets named as the recipient's: the lexicon's phrases ("perfect for X", "your readers at X"),
    /// and, with Azure AI Language, organisations right after "for/at/per/su" in a sentence addressed to the reader.
    /// </summary>
    private static List<TextSpan> OutletMentions(RuleInput input, Lexicon lexicon)
    {
        var spans = new List<TextSpan>();
        // Match within the new text without copying it out.
        for (Match mention = lexicon.OutletMention.Match(input.Text.Text, 0, input.Text.NewTextLength); mention.Success; mention = mention.NextMatch())
            spans.Add(new TextSpan(mention.Groups["outlet"].Index, mention.Groups["outlet"].Length));
        foreach (TextEntity organisation in input.Entities("Organization"))
        {
            var span = new TextSpan(organisation.Offset, organisation.Length);
            string before = input.Text.Text[..span.Start].TrimEnd();
            bool afterCue = OutletCues.Any(cue => before.EndsWith(cue, StringComparison.OrdinalIgnoreCase));
            if (afterCue && input.SentenceAddressesReader(span.Start) && !spans.Any(s => s.Start < span.End && span.Start < s.End))
                spans.Add(span);
        }
        return spans;
    }

    private static readonly string[] OutletCues = [" for", " at", " per", " su", " sul", " presso"];

    private static bool IsOutletOf(string outlet, EmailAddress recipient) =>
        NameMatchesDomain(outlet, recipient.Domain)
        || (recipient.Name?.Contains(outlet, StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>"SHAPE" matches shape.example, "The Times" matches thetimes.example, "New York Times" matches nytimes.example.</summary>
    private static bool NameMatchesDomain(string outlet, string domain)
    {
        string compact = Letters(RecipientNames.Fold(outlet));
        string withoutArticle = Letters(RecipientNames.Fold(Regex.Replace(outlet, @"^(?i:the|il|la|lo|l')\s*", string.Empty)));
        string initials = string.Concat(outlet.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToLowerInvariant(w[0])));
        foreach (string label in domain.Split('.').Where(l => !GenericDomainLabels.Contains(l)))
        {
            string l = Letters(label.ToLowerInvariant());
            if (l.Length < 2)
                continue;
            if (l == compact || l == withoutArticle || (withoutArticle.Length >= 4 && l.Contains(withoutArticle, StringComparison.Ordinal))
                || (l.Length >= 4 && withoutArticle.Contains(l, StringComparison.Ordinal)) || (initials.Length >= 3 && l.StartsWith(initials, StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    private static string Letters(string text) => new(text.Where(char.IsLetterOrDigit).ToArray());
}
