using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// Article rule 4, "be specific and personal": blank or placeholder greetings ("Dear _ __"), impersonal
/// ones ("Dear Sir or Madam", "Gentile Signore/Signora"), and unfilled merge fields anywhere. Works in
/// any language: greetings of every lexicon and merge-field shapes are language-independent.
/// </summary>
public sealed class PersonalGreetingRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("personal-greeting", "personalisation", ArticleRule: 4, Order: 6, "Greet the person by name");

    public RuleOutcome Evaluate(RuleInput input)
    {
        TextView text = input.Text;
        var findings = new List<Finding>();
        EmailAddress? only = input.Message.To.Count == 1 ? input.Message.To[0] : null;
        string? firstName = only is null ? null : RecipientNames.FirstName(only);
        string greetName = firstName ?? input.T("them", "la persona");

        switch (text.Greeting)
        {
            case { Kind: GreetingKind.Placeholder } placeholder:
                findings.Add(Descriptor.Finding(Severity.Error,
                    input.T($"The greeting \"{text[placeholder.Span]}\" is a blank placeholder: many people delete such mail unread.",
                            $"Il saluto \"{text[placeholder.Span]}\" è un segnaposto vuoto: molti cancellano queste e-mail senza leggerle."),
                    input.T($"Greet {greetName} by name.", $"Saluta {greetName} per nome."),
                    [text.Evidence(placeholder.Span)],
                    fix: firstName is null ? null : new TextFix(input.T($"Greet {firstName}", $"Saluta {firstName}"), placeholder.NameSpan.Start, placeholder.NameSpan.Length, PaddedName(text, placeholder.NameSpan, firstName))));
                break;
            case { Kind: GreetingKind.Impersonal } impersonal:
                findings.Add(Descriptor.Finding(Severity.Warning,
                    input.T($"The greeting \"{text[impersonal.Span]}\" could be for anyone.", $"Il saluto \"{text[impersonal.Span]}\" potrebbe essere per chiunque."),
                    input.T($"Greet {greetName} by name.", $"Saluta {greetName} per nome."),
                    [text.Evidence(impersonal.Span)],
                    fix: firstName is null ? null : new TextFix(input.T($"Greet {firstName}", $"Saluta {firstName}"), impersonal.Span.Start, impersonal.Span.Length, Salutation(text.Language, firstName))));
                break;
            case null:
                findings.Add(Descriptor.Finding(Severity.Info,
                    input.T("The message has no greeting.", "Il messaggio non ha un saluto iniziale."),
                    input.T($"Open with the person's name (\"{Salutation(text.Language, firstName ?? "Jane")},\"): it shows the message was written for them.",
                            $"Apri con il nome della persona (\"{Salutation(text.Language, firstName ?? "Giulia")},\"): mostra che il messaggio è scritto per lei.")));
                break;
        }

        foreach (TextSpan field in text.MergeFields.Where(f => text.Greeting is not { Kind: GreetingKind.Placeholder } g || !Overlaps(g.Span, f)))
        {
            findings.Add(Descriptor.Finding(Severity.Error,
                input.T($"\"{text[field]}\" is an unfilled mail-merge field.", $"\"{text[field]}\" è un campo di stampa unione non compilato."),
                input.T("Write the real words in; a leftover field tells the reader this was a mass mailing.", "Scrivi il testo vero: un campo rimasto vuoto rivela un invio di massa."),
                [text.Evidence(field)]));
        }
        foreach (string field in text.SubjectMergeFields)
        {
            findings.Add(Descriptor.Finding(Severity.Error,
                input.T($"The subject contains an unfilled mail-merge field: \"{field}\".", $"L'oggetto contiene un campo di stampa unione non compilato: \"{field}\"."),
                input.T("Write a real subject for this one person.", "Scrivi un oggetto vero, per questa persona.")));
        }

        return RuleOutcome.From(findings,
            input.T("The greeting or text is generic.", "Il saluto o il testo è generico."),
            text.Greeting is { Kind: GreetingKind.Named } named
                ? input.T($"The message greets {named.Name} by name.", $"Il messaggio saluta {named.Name} per nome.")
                : input.T("No placeholder or merge field found.", "Nessun segnaposto o campo di stampa unione."));
    }

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    /// <summary>"Dear _ __," becomes "Dear Jane," - keep one space before the name, none after it.</summary>
    private static string PaddedName(TextView text, TextSpan hole, string name) =>
        hole.Start > 0 && !char.IsWhiteSpace(text.Text[hole.Start - 1]) ? " " + name : name;

    private static string Salutation(string language, string name) => language == "it" ? $"Gentile {name}" : $"Dear {name}";
}
