using System.Collections.Frozen;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// An etiquette rule: a pure function from the message's text view and its gathered context to a
/// check and findings. One rule, one file, one doc page (docs/rules/&lt;name&gt;.md), one test class.
/// Rules are discovered by reflection, so adding a rule adds no registration code.
/// </summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }

    RuleOutcome Evaluate(RuleInput input);
}

/// <summary>A rule's identity, as the contract fixes it.</summary>
/// <param name="Name">Stable kebab-case name (contract section 1).</param>
/// <param name="Category">relationship, channel, reciprocity, personalisation or automation.</param>
/// <param name="ArticleRule">The source article's rule (1-5) it comes from.</param>
/// <param name="Order">Where it stands in lists (the contract's table order).</param>
public sealed record RuleDescriptor(string Name, string Category, int ArticleRule, int Order, string Title)
{
    public const string DocsBase = "https://github.com/outreachadvisor/outreachadvisor/blob/main/docs/rules/";

    public string HelpUri => DocsBase + Name + ".md";

    public Finding Finding(Severity severity, string message, string suggestion, IEnumerable<Evidence>? evidence = null, string? recipient = null, TextFix? fix = null) => new()
    {
        Rule = Name,
        Category = Category,
        HelpUri = HelpUri,
        Severity = severity,
        Message = message,
        Suggestion = suggestion,
        Recipient = recipient,
        Evidence = evidence?.ToArray() ?? [],
        Fix = fix,
    };
}

/// <summary>What a rule is given: the message, its text view, the gathered context, and the reader's language.</summary>
public sealed class RuleInput
{
    public required MessageInput Message { get; init; }
    public required TextView Text { get; init; }
    public required AnalysisContext Context { get; init; }
    /// <summary>"en" or "it": the language finding messages are written in (not the message's language).</summary>
    public string UiLanguage { get; init; } = "en";

    /// <summary>Picks the English or Italian wording for the reader.</summary>
    public string T(string english, string italian) => UiLanguage == "it" ? italian : english;

    /// <summary>Recipients outside the sender's organisation, in To, Cc and Bcc.</summary>
    public IEnumerable<EmailAddress> ExternalRecipients => Message.AllRecipients.Where(r => !Context.IsSameOrganization(r));

    /// <summary>The reason language-dependent rules give when the message's language is not checked.</summary>
    public string LanguageNotChecked => T(
        $"the message's language ({Text.Language}) is not one the built-in analyzer checks (English, Italian)",
        $"la lingua del messaggio ({Text.Language}) non è tra quelle controllate (inglese, italiano)");

    /// <summary>
    /// The shared start of the rules about asks: skipped when the message's language is not checked,
    /// passed when there is no ask, and null (go on) otherwise.
    /// </summary>
    public RuleOutcome? OutcomeWithoutAsk() =>
        !Text.IsChecked ? RuleOutcome.Skipped(LanguageNotChecked)
        : !Text.MakesAsk ? RuleOutcome.Passed(T("The message makes no ask.", "Il messaggio non contiene richieste."))
        : null;

    /// <summary>The first ask in the body, as evidence (empty when the ask is only in the subject).</summary>
    public Evidence[] FirstAsk => Text.Asks.Take(1).Select(Text.Evidence).ToArray();

    /// <summary>
    /// The check detail of a rule that uses language-service signals, saying whether they were used
    /// or why the built-in analyzer ran alone.
    /// </summary>
    public string WithLanguageNote(string detail) => Context switch
    {
        { LanguageUnavailableReason: { } reason } => $"{detail} ({reason})",
        { LanguageSignals: not null, LanguageService: { } service } => T($"{detail} (with {service})", $"{detail} (con {service})"),
        _ => detail,
    };

    /// <summary>Entities of the given categories that the language service found in the new text.</summary>
    public IEnumerable<TextEntity> Entities(params string[] categories) =>
        (Context.LanguageSignals?.Entities ?? []).Where(e => categories.Contains(e.Category, StringComparer.OrdinalIgnoreCase) && e.Offset + e.Length <= Text.NewTextLength);

    /// <summary>Personal data of the given categories that the language service found in the new text.</summary>
    public IEnumerable<TextEntity> PiiEntities(params string[] categories) =>
        (Context.LanguageSignals?.PiiEntities ?? []).Where(e => categories.Contains(e.Category, StringComparer.OrdinalIgnoreCase) && e.Offset + e.Length <= Text.NewTextLength);

    /// <summary>Whether the sentence around an offset addresses the reader (you/your, tu/tuo/Lei...).</summary>
    public bool SentenceAddressesReader(int offset) => Text.Lexicon is { } lexicon && Text.SentenceAround(offset) is var sentence && ContainsAny(sentence, lexicon.SecondPerson);

    private static bool ContainsAny(ReadOnlySpan<char> text, System.Collections.Frozen.FrozenSet<string> words)
    {
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (ReadOnlySpan<char> word in new WordEnumerator(text))
        {
            if (lookup.Contains(word))
                return true;
        }
        return false;
    }

}

/// <summary>A rule's result: its check line and the findings it reports.</summary>
public sealed record RuleOutcome(CheckStatus Status, string Detail, IReadOnlyList<Finding> Findings)
{
    public static RuleOutcome Passed(string detail, params IEnumerable<Finding> hints) => new(CheckStatus.Passed, detail, hints.ToArray());

    public static RuleOutcome Skipped(string detail, params IEnumerable<Finding> hints) => new(CheckStatus.Skipped, detail, hints.ToArray());

    /// <summary>Failed when any finding is a warning or worse; passed when there are only info hints.</summary>
    public static RuleOutcome From(IReadOnlyList<Finding> findings, string failedDetail, string passedDetail) =>
        findings.Any(f => f.Severity >= Severity.Warning)
            ? new(CheckStatus.Failed, failedDetail, findings)
            : new(CheckStatus.Passed, passedDetail, findings);
}
