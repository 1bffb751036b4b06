using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis;

/// <summary>
/// Runs the analysis: builds the text view once, runs every rule on it with the gathered context,
/// and scores the findings. Analyze does no I/O; AnalyzeAsync first gathers
/// the context from the given sources.
/// </summary>
public sealed class OutreachAnalyzer(IReadOnlyList<IRule> rules)
{
    public static OutreachAnalyzer Default { get; } = new(RuleCatalog.BuiltIn);

    public IReadOnlyList<IRule> Rules { get; } = rules;

    /// <summary>Analyses with what the message alone tells (no mailbox, no found-at pages).</summary>
    public AnalysisResult Analyze(MessageInput message, string uiLanguage = "en") =>
        Analyze(message, AnalysisContext.FromMessageOnly(message), uiLanguage);

    public AnalysisResult Analyze(MessageInput message, AnalysisContext context, string uiLanguage = "en")
    {
        var input = new RuleInput
        {
            Message = message,
            Text = TextView.Create(message, context.LanguageSignals is { LanguageConfidence: >= 0.8 } signals ? signals.Language : null),
            Context = context,
            UiLanguage = UiLanguages.Normalize(uiLanguage),
        };

        var findings = new List<Finding>();
        var checks = new RuleCheck[Rules.Count];
        for (int i = 0; i < Rules.Count; i++)
        {
            RuleOutcome outcome = Rules[i].Evaluate(input);
            findings.AddRange(outcome.Findings);
            checks[i] = new RuleCheck(Rules[i].Descriptor.Name, outcome.Status, outcome.Detail);
        }

        return new AnalysisResult
        {
            Score = Scoring.Score(findings),
            Language = input.Text.Language,
            Ask = input.Text.MakesAsk,
            Findings = findings,
            Checks = checks,
        };
    }

    public async Task<AnalysisResult> AnalyzeAsync(MessageInput message, ContextSources sources, string uiLanguage, CancellationToken cancellationToken)
    {
        AnalysisContext context = await ContextGatherer.GatherAsync(message, sources, cancellationToken).ConfigureAwait(false);
        return Analyze(message, context, uiLanguage);
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
