using OutreachAdvisor.Reports.Detecting;
using OutreachAdvisor.Reports.Model;
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

    public static List<TemplateGroup> Group(IReadOnlyList<OutreachMessage> outreach, TemplateClusterer clusterer)
    {
        IReadOnlyList<int[]> clusters = clusterer.Cluster(outreach.Select(o => o.Analysis.Signature).ToArray());
        var templates = new List<TemplateGroup>();
        foreach (int[] cluster in clusters)
        {
            OutreachMessage[] messages = cluster.Select(i => outreach[i]).ToArray();
            int recipients = messages.SelectMany(m => m.Record.Recipients).Distinct().Count();
            if (recipients < MinimumRecipients)
                continue;

            foreach (OutreachMessage? message in messages)
                message.Analysis.Fired |= Collecting.RuleBits.NoAutomation;

            // The subject most of them used; ties go to the earliest message's.
            OutreachMessage[] ordered = messages.OrderBy(m => m.Record.UtcTicks).ToArray();
            string subject = ordered.GroupBy(m => m.Analysis.Subject).OrderByDescending(g => g.Count()).First().Key;
            templates.Add(new TemplateGroup(
                recipients,
                subject,
                DateOnly.FromDateTime(ordered[0].Sent.UtcDateTime),
                DateOnly.FromDateTime(ordered[^1].Sent.UtcDateTime),
                messages.Length,
                messages.Count(m => m.Replied),
                Math.Round(messages.Average(m => m.Analysis.Score), 1)));
        }

        return templates.OrderByDescending(t => t.Recipients).ThenBy(t => t.FirstSent).ToList();
    }
}
