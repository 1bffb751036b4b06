using System.Globalization;
using OutreachAdvisor.Reports.Collecting;
using OutreachAdvisor.Reports.Detecting;
using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.Reports.Aggregating;

/// <summary>Counts, rates and lists over the outreach messages: everything in the report but the templates.</summary>
internal sealed class ReportAggregator(MailLedger ledger, IReadOnlyList<OutreachMessage> outreach, ReportOptions options)
{
    public int Replied { get; } = outreach.Count(o => o.Replied);

    public double ReplyRate => Rate(Replied, outreach.Count) ?? 0;

    public double? AverageScore => outreach.Count == 0 ? null : Math.Round(outreach.Average(o => o.Analysis.Score), 1);

    public IReadOnlyList<RuleReplyStats> Rules() => RuleBits.Names.Select((name, i) =>
    {
        uint bit = 1u << i;
        int fired = 0, repliedFired = 0, notFired = 0, repliedNotFired = 0, skipped = 0;
        foreach (OutreachMessage message in outreach)
        {
            if ((message.Analysis.Fired & bit) != 0)
            {
                fired++;
                repliedFired += message.Replied ? 1 : 0;
            }
            else if ((message.Analysis.Skipped & bit) != 0)
            {
                skipped++;
            }
            else
            {
                notFired++;
                repliedNotFired += message.Replied ? 1 : 0;
            }
        }

        return new RuleReplyStats(name, fired, repliedFired, notFired, repliedNotFired, skipped, Rate(repliedFired, fired), Rate(repliedNotFired, notFired));
    }).ToArray();

    public IReadOnlyList<ScoreBandStats> ScoreBands() => Aggregating.ScoreBands.All.Select((band, i) =>
    {
        OutreachMessage[] inBand = outreach.Where(o => Aggregating.ScoreBands.IndexOf(o.Analysis.Score) == i).ToArray();
        int replied = inBand.Count(o => o.Replied);
        return new ScoreBandStats(Aggregating.ScoreBands.Name(i), band.Min, band.Max, inBand.Length, replied, Rate(replied, inBand.Length));
    }).ToArray();

    /// <summary>ISO weeks of the UTC send date, oldest first; weeks without outreach are left out.</summary>
    public IReadOnlyList<WeekTrend> Weeks() => outreach
        .GroupBy(o => IsoWeek(o.Sent.UtcDateTime))
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new WeekTrend(g.Key, g.Count(), Math.Round(g.Average(o => o.Analysis.Score), 1), g.Count(o => o.Replied)))
        .ToArray();

    /// <summary>The lowest scores first; equal scores oldest first, then by message id so the order is stable.</summary>
    public IReadOnlyList<WeakMessage> Weakest(IReadOnlyDictionary<string, string> bodies) => outreach
        .OrderBy(o => o.Analysis.Score)
        .ThenBy(o => o.Record.UtcTicks)
        .ThenBy(o => o.Analysis.Id, StringComparer.Ordinal)
        .Take(options.WeakestCount)
        .Select(o => new WeakMessage(
            o.Analysis.Subject,
            string.Join(", ", o.Record.Recipients.Select(r => ledger.Addresses[r])),
            o.Sent,
            o.Analysis.Score,
            RuleBits.NamesOf(o.Analysis.Fired),
            o.Replied,
            options.IncludeBodies ? bodies.GetValueOrDefault(o.Analysis.Id) : null))
        .ToArray();

    public IReadOnlyDictionary<string, int> MessageLanguages() => outreach
        .GroupBy(o => o.Analysis.Language, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count())
        .ThenBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static string IsoWeek(DateTime date) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");

    /// <summary>A share rounded to three decimals, or null when there is nothing to divide by.</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 3);
}
