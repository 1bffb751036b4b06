using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Evaluation.Corpus;

namespace OutreachAdvisor.Evaluation.Scoring;

/// <summary>
/// Runs the analysis on every case with the case's own mailbox and found-at pages (in memory, no
/// I/O) and compares each rule's verdict with its label. A rule fires when it reports a warning or
/// an error for the case.
/// </summary>
public sealed class Evaluator(OutreachAnalyzer analyzer, string detectors)
{
    public const string AllLanguages = "all";

    public async Task<EvaluationReport> EvaluateAsync(string folder, IReadOnlyList<CorpusCase> cases, CancellationToken cancellationToken)
    {
        string[] rules = analyzer.Rules.Select(r => r.Description.Name).ToArray();
        var outcomes = new List<(CorpusCase Case, AnalysisResult Result)>(cases.Count);
        foreach (CorpusCase corpusCase in cases)
        {
            var sources = new ContextSources { Mailbox = new CaseMailbox(corpusCase), FoundAt = new CasePages(corpusCase) };
            AnalysisResult result = await analyzer.AnalyzeAsync(corpusCase.Message, sources, "en", cancellationToken).ConfigureAwait(false);
            outcomes.Add((corpusCase, result));
        }

        string[] languages = [AllLanguages, .. cases.Select(c => c.Language).Distinct().Order(StringComparer.Ordinal)];
        var scores = new List<RuleScore>();
        var summaries = new List<LanguageSummary>();
        var failures = new List<EvaluationFailure>();
        foreach (string language in languages)
        {
            var inLanguage = outcomes.Where(o => language == AllLanguages || o.Case.Language == language).ToList();
            var languageScores = new List<RuleScore>();
            int falseAlarms = 0;
            foreach (string rule in rules)
            {
                int tp = 0, fp = 0, fn = 0, tn = 0;
                foreach ((CorpusCase corpusCase, AnalysisResult result) in inLanguage)
                {
                    if (!corpusCase.Labels.TryGetValue(rule, out bool expected))
                        continue;
                    bool got = Fires(result, rule);
                    if (expected && got)
                        tp++;
                    else if (got)
                        fp++;
                    else if (expected)
                        fn++;
                    else
                        tn++;
                    if (language == AllLanguages && expected != got)
                        failures.Add(Failure(corpusCase, result, rule, expected, got));
                }
                falseAlarms += fp;
                languageScores.Add(new RuleScore(rule, language, tp, fp, fn, tn));
            }
            scores.AddRange(languageScores);
            summaries.Add(new LanguageSummary(language, inLanguage.Count, languageScores.Average(s => s.F1), falseAlarms));
        }

        return new EvaluationReport
        {
            Folder = folder,
            Cases = cases.Count,
            Detectors = detectors,
            Summaries = summaries,
            Rules = scores,
            Failures = failures,
            Outcomes = outcomes.Select(o => new CaseOutcome(o.Case.Id, o.Case.Language, rules.ToDictionary(r => r, r => Fires(o.Result, r)))).ToArray(),
        };
    }

    /// <summary>Whether the rule warned or erred: what a label of true asks for.</summary>
    public static bool Fires(AnalysisResult result, string rule) =>
        result.Findings.Any(f => f.Rule == rule && f.Severity >= Severity.Warning);

    private static EvaluationFailure Failure(CorpusCase corpusCase, AnalysisResult result, string rule, bool expected, bool got)
    {
        FailureFinding[] findings = result.Findings
            .Where(f => f.Rule == rule)
            .Select(f => new FailureFinding(f.MessageId, f.Severity.ToString().ToLowerInvariant(), f.Evidence.Select(e => e.Text).ToArray()))
            .ToArray();
        RuleCheck? check = result.Checks.FirstOrDefault(c => c.Rule == rule);
        string detail = check is null ? "not run" : $"{check.Status.ToString().ToLowerInvariant()}: {check.Detail}";
        return new EvaluationFailure(corpusCase.Id, corpusCase.File, corpusCase.Language, rule, expected, got, findings, detail);
    }
}
