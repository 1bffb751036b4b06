using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules.PersonalGreeting;

/// <summary>
/// Article rule 4, "be specific and personal": blank or placeholder greetings ("Dear _ __"), impersonal
/// ones ("Dear Sir or Madam", "Gentile Signore/Signora"), and unfilled merge fields anywhere. Works in
/// any language: greetings of every lexicon and merge-field shapes are language-independent.
/// </summary>
public sealed class PersonalGreetingRule() : Rule("PersonalGreeting")
{
    public override RuleOutcome Evaluate(RuleInput input)
    {
        TextView text = input.Text;
        var findings = new List<RuleFinding>();
        string? firstName = RecipientNames.OnlyToFirstName(input.Message);
        // Fixes write an English or Italian salutation; in a language the analyzer only names, none is offered.
        string? fixName = Lexicon.For(text.Language) is null ? null : firstName;
        object greetName = firstName is null ? new Reason("word/them") : firstName;

        switch (text.Greeting)
        {
            case { Kind: GreetingKind.Placeholder } placeholder:
                findings.Add(Finding("placeholder", Severity.Error) with
                {
                    Args = Values(("greeting", text[placeholder.Span]), ("name", greetName)),
                    Evidence = [placeholder.Span],
                    Fix = firstName is null ? null : PlaceholderFix(text, placeholder, firstName),
                });
                break;
            case { Kind: GreetingKind.Impersonal } impersonal when IsAProblem(input, impersonal):
                findings.Add(Finding("impersonal", Severity.Warning) with
                {
                    Args = Values(("greeting", text[impersonal.Span]), ("name", greetName)),
                    Evidence = [impersonal.Span],
                    Fix = fixName is null ? null : new RuleFix(impersonal.Span.Start, impersonal.Span.Length, Salutation(text.Language, fixName)),
                });
                break;
            case null:
                object example = firstName is null ? new Reason(text.Language == "it" ? "word/example-greeting-it" : "word/example-greeting-en") : Salutation(text.Language, firstName);
                findings.Add(Finding("no-greeting", Severity.Info) with { Args = Values(("example", example)) });
                break;
        }

        foreach (TextSpan field in text.MergeFields.Where(f => text.Greeting is not { Kind: GreetingKind.Placeholder } g || !g.Span.Overlaps(f)))
            findings.Add(Finding("merge-field", Severity.Error) with { Args = Values(("field", text[field])), Evidence = [field] });
        foreach (string field in text.SubjectMergeFields)
            findings.Add(Finding("subject-merge-field", Severity.Error) with { Args = Values(("field", field)) });

        return RuleOutcome.From(findings,
            Detail("generic"),
            text.Greeting is { Kind: GreetingKind.Named } named ? Detail("named", ("name", named.Name)) : Detail("no-placeholder"));
    }

    /// <summary>
    /// A formula always is ("Dear Sir or Madam"); a group greeting is wrong only for a single person ("Hi all" to
    /// one recipient who is not a list; people in Bcc are readers too, so a mass mailing in Bcc is a group); a bare greeting ("Hi,", "Buongiorno,") only to someone who does not know you.
    /// In a language the analyzer only names, a bare greeting is never one: "Chère Madame," and "Sehr geehrte
    /// Frau," are the formal norm there, and the analyzer does not judge that language's etiquette.
    /// </summary>
    private static bool IsAProblem(RuleInput input, Greeting greeting) => greeting.Impersonal switch
    {
        // A list or group address ("team@", "soci@") is many people behind one address.
        ImpersonalKind.Group => input.Message.To.Count + input.Message.Cc.Count + input.Message.Bcc.Count < 2
            && !input.Message.To.Concat(input.Message.Cc).Any(PrivateChannel.PrivateChannelRule.IsListAddress),
        ImpersonalKind.Bare => Lexicon.For(input.Text.Language) is not null && input.ColdRecipients.Any(r => input.Message.To.Contains(r)),
        _ => true,
    };

    /// <summary>
    /// "Dear _ __," becomes "Dear Jane,". Italian salutations that carry a gender ("Caro", "Cara", "Egregio")
    /// are replaced as a whole by a neutral one ("Ciao Giulia", "Gentile Giulia"): the gender is never certain.
    /// </summary>
    private static RuleFix PlaceholderFix(TextView text, Greeting greeting, string name)
    {
        if (NeutralItalian(greeting.Salutation) is { } neutral)
        {
            int start = greeting.Span.Start;
            return new RuleFix(start, greeting.NameSpan.End - start, $"{neutral} {name}");
        }
        TextSpan hole = greeting.NameSpan;
        return new RuleFix(hole.Start, hole.Length, hole.Start > 0 && !char.IsWhiteSpace(text.Text[hole.Start - 1]) ? " " + name : name);
    }

    /// <summary>The gender-neutral salutation for a gendered Italian one, or null when it is neutral already.</summary>
    private static string? NeutralItalian(string salutation) => salutation.ToLowerInvariant() switch
    {
        "caro" or "cara" or "cari" or "care" or "carissimo" or "carissima" => "Ciao",
        "egregio" or "egregia" or "gentilissimo" or "gentilissima" or "gent.mo" or "gent.ma" => "Gentile",
        _ => null,
    };

    private static string Salutation(string language, string name) => language == "it" ? $"Gentile {name}" : $"Dear {name}";
}
