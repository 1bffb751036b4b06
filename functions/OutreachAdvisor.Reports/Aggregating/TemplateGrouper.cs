using OutreachAdvisor.Reports.Collecting;
using OutreachAdvisor.Reports.Detecting;
using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Statistics;
using OutreachAdvisor.Reports.Templates;

namespace OutreachAdvisor.Reports.Aggregating;

/// <summary>
/// Turns clusters of near-identical outreach texts into the report's templates: a cluster counts
/// when its messages went to three or more distinct recipients. Those messages then also count as
/// firing no-automation (contract: "in reports, the same text sent to three or more recipients").
/// </summary>
internal static class TemplateGrouper
{
    public const int MinimumRecipients = 3;

    public static List<TemplateGroup> Group(IReadOnlyList<OutreachMessage> outreach, SketchStore sketches, TemplateClusterer clusterer)
    {
        // Carried-over outreach has no sketch (and was grouped in its own report).
        OutreachMessage[] own = outreach.Where(o => !o.Carried).ToArray();
        IReadOnlyList<int[]> clusters = clusterer.Cluster(sketches, own.Select(o => o.Record.Analysis).ToArray());
        var templates = new List<TemplateGroup>();
        foreach (int[] cluster in clusters)
        {
            OutreachMessage[] messages = cluster.Select(i => own[i]).ToArray();
            int recipients = messages.SelectMany(m => m.Record.Recipients).Distinct().Count();
            if (recipients < MinimumRecipients)
                continue;

            foreach (OutreachMessage message in messages)
            {
                message.Analysis.Fired |= RuleBits.NoAutomation;
                message.InTemplate = true;
            }

            // The subject most of them used; ties go to the earliest message's.
            OutreachMessage[] ordered = messages.OrderBy(m => m.Record.UtcTicks).ToArray();
            string subject = ordered.GroupBy(m => m.Analysis.Subject).OrderByDescending(g => g.Count()).First().Key;
            int replied = messages.Count(m => m.Replied);
            (double Low, double High)? interval = Intervals.Wilson(replied, messages.Length);
            templates.Add(new TemplateGroup(
                recipients,
                subject,
                DateOnly.FromDateTime(ordered[0].Sent.UtcDateTime),
                DateOnly.FromDateTime(ordered[^1].Sent.UtcDateTime),
                messages.Length,
                replied,
                ReportAggregator.AverageOf(messages))
            {
                ReplyRate = ReportAggregator.Rate(replied, messages.Length),
                ReplyRateLow = interval is { } i ? Intervals.Round(i.Low) : null,
                ReplyRateHigh = interval is { } h ? Intervals.Round(h.High) : null,
            });
        }

        return templates.OrderByDescending(t => t.Recipients).ThenBy(t => t.FirstSent).ToList();
    }
}
