using System.Globalization;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Detection;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis;

/// <summary>
/// Runs the analysis: builds the text view once, runs every rule on it with the gathered context,
/// puts the findings into the reader's words, and scores them. Analyze does no I/O; AnalyzeAsync
/// first gathers the context from the given sources.
/// </summary>
/// <param name="detectors">The learned sentence detectors beside the lexicons; null: the committed models.</param>
/// <param name="budget">The time the rules of one analysis may take; null: <see cref="AnalysisBudget.DefaultLimit"/>.</param>
/// <param name="time">The clock the budget reads (tests give their own).</param>
public sealed class OutreachAnalyzer(IReadOnlyList<IRule> rules, SentenceDetectors? detectors = null, TimeSpan? budget = null, TimeProvider? time = null)
{
    /// <summary>
    /// The most characters of a message's new text the rules read (docs/operations.md): about 5,000 words, far
    /// more than any outreach message, and what keeps one analysis's work bounded whatever the body holds. A
    /// longer text is read up to a line, sentence or word end before it; the result's <c>truncated</c> says so,
    /// and the checks of the rules that read the text say only part was read (a pass on it becomes skipped).
    /// </summary>
    public const int MaxTextChars = 32_768;

    /// <summary>How far before <see cref="MaxTextChars"/> a cut looks for a line, sentence or word end.</summary>
    private const int CutReach = 1_000;

    /// <summary>
    /// The built-in rules with the committed sentence models; OUTREACH_DETECTORS=lexicon switches the models
    /// off (phrase lists only), for measuring what they cost (docs/performance.md) or as a fallback.
    /// </summary>
    public static OutreachAnalyzer Default { get; } = new(RuleCatalog.BuiltIn,
        string.Equals(Environment.GetEnvironmentVariable("OUTREACH_DETECTORS"), "lexicon", StringComparison.OrdinalIgnoreCase) ? SentenceDetectors.LexiconOnly : null);

    public IReadOnlyList<IRule> Rules { get; } = rules;

    public SentenceDetectors Detectors => detectors ?? SentenceDetectors.Default;

    /// <summary>Analyses with what the message alone tells (no mailbox, no found-at pages).</summary>
    public AnalysisResult Analyze(MessageInput message, string uiLanguage = "en") =>
        Analyze(message, AnalysisContext.FromMessageOnly(message), uiLanguage);

    public AnalysisResult Analyze(MessageInput message, AnalysisContext context, string uiLanguage = "en") =>
        Analyze(message, PlainText.Of(message), context, uiLanguage);

    private AnalysisResult Analyze(MessageInput message, string plainText, AnalysisContext context, string uiLanguage)
    {
        string language = UiLanguages.Normalize(uiLanguage);
        // The rules read at most MaxTextChars of the text: a prefix, so every offset still points into the plain text.
        string read = Cut(plainText);
        var text = TextView.Create(message, read, context.LanguageSignals is { LanguageConfidence: >= 0.8 } signals ? signals.Language : null, Detectors);
        int? newTextLength = read.Length < plainText.Length && text.NewTextLength == read.Length ? QuotedHistory.NewTextLength(plainText) : null;
        Reason? textCut = newTextLength > read.Length
            ? Reason.With("check/text-cut", ("read", read.Length), ("total", newTextLength.Value))
            : null;
        MessageMetrics metrics = TextMetrics.Measure(text.NewText, message.Subject, text.Language);
        // The text view's work is bounded by the cut; the budget bounds the rules' (which also grows with recipients).
        var spend = new AnalysisBudget(budget ?? AnalysisBudget.DefaultLimit, time);
        var input = new RuleInput { Message = message, Text = text, Context = context, Metrics = metrics, Budget = spend };

        var findings = new List<Finding>();
        var checks = new RuleCheck[Rules.Count];
        bool empty = !HasWords(text.NewText);
        Reason? recipientsUnknown = message.UnreadableRecipientHeaders.Count == 0 ? null
            : Reason.With("check/recipients-unreadable", ("headers", string.Join(", ", message.UnreadableRecipientHeaders)));
        string? partlyReadable = message.PartlyReadableRecipientHeaders.Count == 0 ? null : string.Join(", ", message.PartlyReadableRecipientHeaders);
        var outOfTime = Reason.With("check/out-of-time", ("seconds", spend.Limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)));
        int rulesOutOfTime = 0;
        for (int i = 0; i < Rules.Count; i++)
        {
            RuleDescription rule = Rules[i].Description;
            // An empty draft is not judged: "no greeting" or a perfect score would both be untrue. Nor are the
            // recipients when a recipient header could not be read: a pass on the rest would pretend they were.
            RuleOutcome outcome = empty ? RuleOutcome.Skipped(new Reason("check/empty-body"))
                : recipientsUnknown is not null && rule.JudgesRecipients ? RuleOutcome.Skipped(recipientsUnknown)
                : Evaluate(Rules[i], input, textCut, outOfTime);
            if (partlyReadable is not null && rule.JudgesRecipients)
                outcome = WithPartOfRecipients(outcome, partlyReadable);
            if (outcome.Detail == outOfTime)
                rulesOutOfTime++;
            foreach (IReadOnlyList<RuleFinding> problem in OneFindingPerProblem(outcome.Findings))
                findings.Add(Render(rule, problem, text, language));
            checks[i] = new RuleCheck(rule.Name, outcome.Status, Localizer.Render(outcome.Detail, language), outcome.Detail.Id) { Links = outcome.Links };
        }

        // Errors first, then warnings, then hints; within each, in the order they appear in the text.
        findings = [.. findings.Select((f, i) => (f, i)).OrderByDescending(p => p.f.Severity).ThenBy(p => FirstPosition(p.f)).ThenBy(p => p.i).Select(p => p.f)];

        // No number when nothing or little could be judged: the client shows "not checked" or "partial".
        bool judged = !empty && text.IsChecked;
        return new AnalysisResult
        {
            Score = judged ? Scoring.Score(findings) : null,
            Coverage = new Coverage(checks.Count(c => c.Status != CheckStatus.Skipped), checks.Length),
            ScoreBreakdown = judged ? Scoring.Breakdown(findings) : [],
            Language = text.Language,
            Ask = text.MakesAsk,
            Metrics = input.Metrics,
            Findings = findings,
            Checks = checks,
            PlainText = plainText,
            Truncated = textCut is null && rulesOutOfTime == 0 ? null : Truncation.None with
            {
                TextCharactersRead = textCut is null ? null : read.Length,
                TextCharacters = textCut is null ? null : newTextLength,
                RulesOutOfTime = rulesOutOfTime == 0 ? null : rulesOutOfTime,
            },
        };
    }

    /// <summary>
    /// One rule within the budget: not started, or stopped in a long loop, once the budget is spent (skipped,
    /// never passed). When the rule read a text that was cut, its failure says so and its pass becomes a skip:
    /// nothing was found in what was read, which is not a pass on the message.
    /// </summary>
    private static RuleOutcome Evaluate(IRule rule, RuleInput input, Reason? textCut, Reason outOfTime)
    {
        if (input.Budget.IsSpent)
            return RuleOutcome.Skipped(outOfTime);
        input.ReadText = false;
        RuleOutcome outcome;
        try
        {
            outcome = rule.Evaluate(input);
        }
        catch (AnalysisBudgetSpentException)
        {
            return RuleOutcome.Skipped(outOfTime);
        }
        if (textCut is null || !input.ReadText)
            return outcome;
        Reason detail = new(textCut.Id, new Dictionary<string, object>(textCut.Values) { ["detail"] = outcome.Detail });
        return OnPartOnly(outcome, detail, new Reason("check/text-cut-unchecked", detail.Values));
    }

    /// <summary>
    /// A recipient rule's verdict when part of a recipient header could not be read (someone is missing): what
    /// it found among those read stands, saying so; a pass is not one, as the missing recipient was not judged.
    /// </summary>
    private static RuleOutcome WithPartOfRecipients(RuleOutcome outcome, string headers) =>
        OnPartOnly(outcome,
            Reason.With("check/recipients-partly-readable", ("detail", outcome.Detail), ("headers", headers)),
            Reason.With("check/recipients-partly-unchecked", ("detail", outcome.Detail), ("headers", headers)));

    /// <summary>A verdict on part of the input: a failure stands with <paramref name="failed"/> as its detail, a pass becomes skipped with <paramref name="skipped"/>.</summary>
    private static RuleOutcome OnPartOnly(RuleOutcome outcome, Reason failed, Reason skipped) => outcome.Status switch
    {
        CheckStatus.Failed => outcome with { Detail = failed },
        CheckStatus.Passed => RuleOutcome.Skipped(skipped, outcome.Findings) with { Links = outcome.Links },
        _ => outcome,
    };

    /// <summary>
    /// The text the rules read: all of it when it fits <see cref="MaxTextChars"/>, else its start up to the last
    /// line end, sentence end or space within <see cref="CutReach"/> characters of the bound (never inside a
    /// surrogate pair).
    /// </summary>
    internal static string Cut(string plainText)
    {
        if (plainText.Length <= MaxTextChars)
            return plainText;
        int floor = MaxTextChars - CutReach;
        int end = plainText.LastIndexOf('\n', MaxTextChars - 1, CutReach) + 1;
        if (end <= floor)
            end = plainText.AsSpan(floor, CutReach).LastIndexOfAny(". !?\t") is var at and >= 0 ? floor + at + 1 : MaxTextChars;
        if (char.IsHighSurrogate(plainText[end - 1]))
            end--;
        return plainText[..end];
    }

    private static bool HasWords(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
                return true;
        }
        return false;
    }

    public async Task<AnalysisResult> AnalyzeAsync(MessageInput message, ContextSources sources, string uiLanguage, CancellationToken cancellationToken)
    {
        string plainText = PlainText.Of(message);
        AnalysisContext context = await ContextGatherer.GatherAsync(message, plainText, sources, cancellationToken).ConfigureAwait(false);
        return Analyze(message, plainText, context, uiLanguage);
    }

    /// <summary>
    /// One finding per problem (contract section 6): a rule's findings with the same message id about the same
    /// recipients become one, holding every place the problem shows - 60,000 unfilled merge fields are one finding.
    /// </summary>
    private static IEnumerable<IReadOnlyList<RuleFinding>> OneFindingPerProblem(IReadOnlyList<RuleFinding> findings) =>
        findings.GroupBy(f => (f.MessageId, string.Join(',', f.Recipients))).Select(g => (IReadOnlyList<RuleFinding>)g.ToList());

    private static int FirstPosition(Finding finding) => finding.Evidence.Count > 0 ? finding.Evidence[0].Start : int.MaxValue;

    /// <summary>A rule's problem in the reader's language, with its evidence (in position order, at most 20 spans) quoted from the plain text.</summary>
    private static Finding Render(RuleDescription rule, IReadOnlyList<RuleFinding> problem, TextView text, string language)
    {
        RuleFinding first = problem[0];
        TextSpan[] places = problem.Count == 1 ? [.. first.Evidence] : [.. problem.SelectMany(f => f.Evidence).Distinct().OrderBy(s => s.Start).ThenBy(s => s.Length)];
        IReadOnlyDictionary<string, object> args = problem.Count == 1
            ? first.Args
            : new Dictionary<string, object>(first.Args) { ["count"] = problem.Count, ["more"] = problem.Count - 1 };
        FindingText words = Localizer.RenderFinding(first.MessageId, args, language, problem.Count);
        return new Finding
        {
            Rule = rule.Name,
            MessageId = first.MessageId,
            Category = rule.Category.Name(),
            HelpUri = rule.HelpUri,
            Severity = problem.Max(f => f.Severity),
            Title = words.Title,
            Message = words.Message,
            Suggestion = words.Suggestion,
            Recipient = first.Recipients.Count == 1 ? first.Recipients[0] : null,
            Recipients = first.Recipients,
            Evidence = places.Take(Finding.MaxEvidence).Select(text.Evidence).ToArray(),
            EvidenceTotal = places.Length > Finding.MaxEvidence ? places.Length : null,
            Data = Localizer.RenderValues(args, language),
            Fix = problem.Select(f => f.Fix).FirstOrDefault(f => f is not null) is { } fix ? new TextFix(words.Fix ?? words.Title, fix.Start, fix.Length, fix.Replacement) : null,
        };
    }
}

/// <summary>The languages finding messages are written in.</summary>
public static class UiLanguages
{
    public static IReadOnlyList<string> Supported { get; } = ["en", "it"];

    /// <summary>"it-IT", "it" give "it"; anything else gives "en".</summary>
    public static string Normalize(string? language) =>
        language is { Length: >= 2 } && language.StartsWith("it", StringComparison.OrdinalIgnoreCase) ? "it" : "en";
}
