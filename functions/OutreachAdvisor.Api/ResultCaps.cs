using System.Text.Json;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Api;

/// <summary>
/// Bounds what one analysis can send back (issue 15.1: a 1 MB body once made an 83 MB answer). Evidence,
/// recipients and texts are capped per finding, then findings are listed in order (most severe first) while
/// the JSON stays within <see cref="ApiLimits.MaxAnalyzeResponseBytes"/>. What is left out is counted in
/// <c>truncated</c>, never dropped silently; the score and its breakdown still count every finding.
/// </summary>
public static class ResultCaps
{
    /// <summary>Room kept for the <c>truncated</c> object and the array's commas.</summary>
    private const int Reserve = 512;

    public static (AnalysisResult Result, byte[] Json) Apply(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var counts = new Counts();
        Finding[] capped = result.Findings.Select(f => Cap(f, counts)).ToArray();
        RuleCheck[] checks = result.Checks.Select(c => c with { Detail = counts.Shorten(c.Detail, ApiLimits.MaxMessageChars) }).ToArray();

        AnalysisResult bare = result with { Findings = [], Checks = checks, Truncated = null };
        long size = JsonSerializer.SerializeToUtf8Bytes(bare, AnalysisJsonContext.Default.AnalysisResult).Length + Reserve;
        var kept = new List<Finding>(Math.Min(capped.Length, ApiLimits.MaxFindings));
        foreach (Finding finding in capped)
        {
            if (kept.Count == ApiLimits.MaxFindings)
                break;
            int bytes = JsonSerializer.SerializeToUtf8Bytes(finding, AnalysisJsonContext.Default.Finding).Length + 1;
            if (size + bytes > ApiLimits.MaxAnalyzeResponseBytes)
                break;
            size += bytes;
            kept.Add(finding);
        }

        int omitted = capped.Length - kept.Count;
        bool whole = omitted == 0 && counts.Evidence == 0 && counts.Recipients == 0 && counts.Texts == 0;
        AnalysisResult answer = bare with
        {
            Findings = kept,
            // What the analysis itself left out (text not read, rules out of time) stays beside what the caps did.
            Truncated = whole ? result.Truncated : (result.Truncated ?? Truncation.None) with
            {
                FindingsOmitted = omitted,
                EvidenceOmitted = counts.Evidence,
                RecipientsOmitted = counts.Recipients,
                TextsShortened = counts.Texts,
            },
        };
        return (answer, JsonSerializer.SerializeToUtf8Bytes(answer, AnalysisJsonContext.Default.AnalysisResult));
    }

    private static Finding Cap(Finding finding, Counts counts)
    {
        counts.Evidence += Math.Max(0, finding.Evidence.Count - ApiLimits.MaxEvidencePerFinding);
        counts.Recipients += Math.Max(0, finding.Recipients.Count - ApiLimits.MaxRecipientsPerFinding);
        TextFix? fix = finding.Fix;
        if (fix is not null && fix.Replacement.Length > ApiLimits.MaxMessageChars)
        {
            // A shortened replacement would damage the text: offer no fix rather than a wrong one.
            counts.Texts++;
            fix = null;
        }
        return finding with
        {
            Title = counts.Shorten(finding.Title, ApiLimits.MaxMessageChars),
            Message = counts.Shorten(finding.Message, ApiLimits.MaxMessageChars),
            Suggestion = counts.Shorten(finding.Suggestion, ApiLimits.MaxMessageChars),
            Evidence = finding.Evidence.Take(ApiLimits.MaxEvidencePerFinding).Select(e => Cap(e, counts)).ToArray(),
            Recipients = finding.Recipients.Take(ApiLimits.MaxRecipientsPerFinding).ToArray(),
            Data = finding.Data.Count == 0 ? finding.Data : finding.Data.ToDictionary(p => p.Key, p => counts.Shorten(p.Value, ApiLimits.MaxValueChars)),
            Fix = fix is null ? null : fix with { Title = counts.Shorten(fix.Title, ApiLimits.MaxMessageChars) },
        };
    }

    /// <summary>A long span keeps its start: the shorter span still matches the text at its offsets.</summary>
    private static Evidence Cap(Evidence evidence, Counts counts)
    {
        if (evidence.Text.Length <= ApiLimits.MaxEvidenceChars)
            return evidence;
        counts.Texts++;
        int length = CutAt(evidence.Text, ApiLimits.MaxEvidenceChars);
        return new Evidence(evidence.Start, length, evidence.Text[..length]);
    }

    /// <summary>A cut that does not split a surrogate pair.</summary>
    private static int CutAt(string text, int length) => char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;

    private sealed class Counts
    {
        public int Evidence;
        public int Recipients;
        public int Texts;

        public string Shorten(string text, int max)
        {
            if (text.Length <= max)
                return text;
            Texts++;
            return text[..CutAt(text, max - 1)] + "…";
        }
    }
}
