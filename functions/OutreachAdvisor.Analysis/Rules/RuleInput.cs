using System.Collections.Frozen;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>What a rule is given: the message, its text view and the gathered context. Rules report message ids; words are chosen later.</summary>
public sealed class RuleInput
{
    private readonly TextView _text = null!;
    private readonly MessageMetrics _metrics = MessageMetrics.Empty;

    public required MessageInput Message { get; init; }

    public required TextView Text
    {
        get
        {
            ReadText = true;
            return _text;
        }
        init => _text = value;
    }

    public required AnalysisContext Context { get; init; }

    /// <summary>Words, sentences, questions, reading ease of the new text (computed once; also the result's <c>metrics</c>).</summary>
    public MessageMetrics Metrics
    {
        get
        {
            ReadText = true;
            return _metrics;
        }
        init => _metrics = value;
    }

    /// <summary>The analysis's time budget; a rule with a long loop calls <see cref="AnalysisBudget.ThrowIfSpent"/> in it.</summary>
    public AnalysisBudget Budget { get; init; } = AnalysisBudget.Unlimited;

    /// <summary>
    /// Whether the body's text (or its metrics) was read since the pipeline last reset it: when the analysis
    /// read only part of a long text, the checks of the rules that read it say so.
    /// </summary>
    public bool ReadText { get; set; }

    /// <summary>Recipients outside the sender's organisation, in To, Cc and Bcc.</summary>
    public IEnumerable<EmailAddress> ExternalRecipients => Message.AllRecipients.Where(r => !Context.Organization.Contains(r));

    /// <summary>
    /// Cold recipients (contract section 6): outside the sender's organisation, with no two-way contact in the
    /// mailbox, not a contact, and not someone the user says they engaged with elsewhere (priorContact).
    /// Without a mailbox nobody can be shown to be known, so every outside recipient counts as cold.
    /// </summary>
    public IEnumerable<EmailAddress> ColdRecipients => ExternalRecipients.Where(r => WhyKnown(r) is null);

    /// <summary>Why an outside recipient is not cold, or null when they are.</summary>
    public Reason? WhyKnown(EmailAddress recipient)
    {
        RecipientFacts facts = Context.For(recipient);
        if (Message.PriorContactFor(recipient) is { } where)
            return Reason.With("known/engaged-elsewhere", ("recipient", recipient.Address), ("where", where));
        if (facts.History is { HasTwoWayContact: true })
            return Reason.With("known/two-way", ("recipient", recipient.Address));
        if (facts.IsContact == true)
            return Reason.With("known/contact", ("recipient", recipient.Address));
        return null;
    }

    /// <summary>
    /// The start of the cold-outreach rules (engage-before-asking, mutual-benefit, specific-reference): after
    /// <see cref="OutcomeWithoutAsk"/>, passed with the reason when no recipient is cold, else null (go on).
    /// </summary>
    public RuleOutcome? OutcomeWithoutColdRecipient()
    {
        if (OutcomeWithoutAsk() is { } early)
            return early;
        if (ColdRecipients.Any())
            return null;
        return RuleOutcome.Passed(WhyNoneCold());
    }

    /// <summary>"Every recipient is a colleague or someone you know: ..." with each one's reason.</summary>
    public Reason WhyNoneCold()
    {
        object[] reasons = Message.AllRecipients
            .Select(r => Context.Organization.Contains(r) ? Reason.With("known/colleague", ("recipient", r.Address)) : WhyKnown(r)!)
            .Cast<object>()
            .ToArray();
        return reasons.Length == 0
            ? new Reason("known/no-recipients")
            : Reason.With("check/no-cold-recipient", ("reasons", new ReasonList(reasons, "; ")));
    }

    /// <summary>The reason language-dependent rules give when the message's language is not checked.</summary>
    public Reason LanguageNotChecked => Reason.With("check/language-not-checked", ("language", Text.Language));

    /// <summary>
    /// The shared start of the rules about asks: skipped when the message's language is not checked,
    /// passed when there is no ask, and null (go on) otherwise.
    /// </summary>
    public RuleOutcome? OutcomeWithoutAsk() =>
        !Text.IsChecked ? RuleOutcome.Skipped(LanguageNotChecked)
        : !Text.MakesAsk ? RuleOutcome.Passed(new Reason("check/no-ask"))
        : null;

    /// <summary>The first ask in the body, as evidence (empty when the ask is only in the subject).</summary>
    public IReadOnlyList<TextSpan> FirstAsk => Text.Asks.Count > 0 ? [Text.Asks[0]] : [];

    /// <summary>
    /// The check detail of a rule that uses language-service signals, saying whether they were used
    /// or why the built-in analyzer ran alone.
    /// </summary>
    public Reason WithLanguageNote(Reason detail) => Context switch
    {
        { LanguageUnavailableReason: { } reason } => Reason.With("check/language-service-unavailable", ("detail", detail), ("reason", reason)),
        { LanguageSignals: not null, LanguageService: { } service } => Reason.With("check/with-language-service", ("detail", detail), ("service", service)),
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

    private static bool ContainsAny(ReadOnlySpan<char> text, FrozenSet<string> words)
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
