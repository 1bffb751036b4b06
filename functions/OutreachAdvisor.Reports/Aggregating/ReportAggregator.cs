using System.Globalization;
using System.Runtime.InteropServices;
using OutreachAdvisor.Reports.Collecting;
using OutreachAdvisor.Reports.Detecting;
using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Statistics;

namespace OutreachAdvisor.Reports.Aggregating;

/// <summary>Counts, rates, intervals and lists over the outreach messages: everything in the report but the templates.</summary>
/// <param name="outreach">This report's outreach only (carried-over messages are summarised apart).</param>
internal sealed class ReportAggregator(MailLedger ledger, IReadOnlyList<OutreachMessage> outreach, ReportOptions options)
{
    public int Replied { get; } = outreach.Count(o => o.Replied);

    public double ReplyRate => Rate(Replied, outreach.Count) ?? 0;

    public (double Low, double High)? ReplyRateInterval => Intervals.Wilson(Replied, outreach.Count);

    public double? AverageScore => AverageOf(outreach);

    public int Unscored { get; } = outreach.Count(o => o.Analysis.Score is null);

    /// <summary>Per rule: counts, rates with Wilson intervals, the difference with Newcombe's interval, the adjusted effect, the verdict.</summary>
    public (IReadOnlyList<RuleReplyStats> Rules, AdjustedModelInfo? Model) Rules()
    {
        int ruleCount = RuleBits.Names.Count;
        var counts = new (int Fired, int RepliedFired, int NotFired, int RepliedNotFired, int Skipped)[ruleCount];
        foreach (OutreachMessage message in outreach)
        {
            for (int i = 0; i < ruleCount; i++)
            {
                uint bit = 1u << i;
                ref (int Fired, int RepliedFired, int NotFired, int RepliedNotFired, int Skipped) c = ref counts[i];
                if ((message.Analysis.Fired & bit) != 0)
                {
                    c.Fired++;
                    c.RepliedFired += message.Replied ? 1 : 0;
                }
                else if ((message.Analysis.Skipped & bit) != 0)
                {
                    c.Skipped++;
                }
                else
                {
                    c.NotFired++;
                    c.RepliedNotFired += message.Replied ? 1 : 0;
                }
            }
        }

        // The model sees only messages the analysis judged (an unscored message's empty rule bits would read as
        // "kept"), and of those only the ones every term rule checked. Terms: rules both broken and kept by some
        // judged message, then template membership.
        OutreachMessage[] judged = outreach.Where(o => o.Analysis.Score is not null).ToArray();
        int[] modelRules = Enumerable.Range(0, ruleCount).Where(i =>
            judged.Any(o => (o.Analysis.Fired & (1u << i)) != 0) && judged.Any(o => ((o.Analysis.Fired | o.Analysis.Skipped) & (1u << i)) == 0)).ToArray();
        uint termMask = modelRules.Aggregate(0u, (mask, i) => mask | (1u << i));
        OutreachMessage[] modelled = judged.Where(o => (o.Analysis.Skipped & termMask) == 0).ToArray();
        bool templateTerm = modelled.Any(o => o.InTemplate) && modelled.Any(o => !o.InTemplate);
        AdjustedEffects.Observation[] observations = modelled.Select(o =>
        {
            uint terms = 0;
            for (int t = 0; t < modelRules.Length; t++)
            {
                if ((o.Analysis.Fired & (1u << modelRules[t])) != 0)
                    terms |= 1u << t;
            }

            if (templateTerm && o.InTemplate)
                terms |= 1u << modelRules.Length;
            return new AdjustedEffects.Observation(terms, o.Replied);
        }).ToArray();
        (double Ratio, double Low, double High)[]? effects = AdjustedEffects.Estimate(observations, modelRules.Length + (templateTerm ? 1 : 0));
        AdjustedModelInfo? model = effects is null ? null : new AdjustedModelInfo(AdjustedEffects.Method, modelled.Length,
            modelRules.Select(i => RuleBits.Names[i]).Concat(templateTerm ? ["template"] : []).ToArray(), AdjustedEffects.L2);

        var rules = new List<RuleReplyStats>(ruleCount);
        for (int i = 0; i < ruleCount; i++)
        {
            (int Fired, int RepliedFired, int NotFired, int RepliedNotFired, int Skipped) c = counts[i];
            (double Low, double High)? whenFired = Intervals.Wilson(c.RepliedFired, c.Fired), whenKept = Intervals.Wilson(c.RepliedNotFired, c.NotFired);
            (double Difference, double Low, double High)? difference = Intervals.Difference(c.RepliedFired, c.Fired, c.RepliedNotFired, c.NotFired);
            int term = Array.IndexOf(modelRules, i);
            (double Ratio, double Low, double High)? effect = effects is not null && term >= 0 ? effects[term] : null;
            rules.Add(new RuleReplyStats
            {
                Rule = RuleBits.Names[i],
                Fired = c.Fired,
                RepliedWhenFired = c.RepliedFired,
                NotFired = c.NotFired,
                RepliedWhenNotFired = c.RepliedNotFired,
                Skipped = c.Skipped,
                ReplyRateWhenFired = Rate(c.RepliedFired, c.Fired),
                ReplyRateWhenFiredLow = Low(whenFired),
                ReplyRateWhenFiredHigh = High(whenFired),
                ReplyRateWhenNotFired = Rate(c.RepliedNotFired, c.NotFired),
                ReplyRateWhenNotFiredLow = Low(whenKept),
                ReplyRateWhenNotFiredHigh = High(whenKept),
                Difference = difference is { } d ? Intervals.Round(d.Difference) : null,
                DifferenceLow = difference is { } dl ? Intervals.Round(dl.Low) : null,
                DifferenceHigh = difference is { } dh ? Intervals.Round(dh.High) : null,
                AdjustedEffect = effect is { } e ? Math.Round(e.Ratio, 2) : null,
                AdjustedEffectLow = effect is { } el ? Math.Round(el.Low, 2) : null,
                AdjustedEffectHigh = effect is { } eh ? Math.Round(eh.High, 2) : null,
                Verdict = Verdict(c.Fired, c.NotFired, difference, effect),
            });
        }

        return (rules, model);
    }

    /// <summary>
    /// too-few under the small-sample size either way; costs-replies only when the difference's interval
    /// lies below zero and (when the model could include the rule) the adjusted effect's below 1; else no-clear-effect.
    /// </summary>
    private string Verdict(int fired, int notFired, (double Difference, double Low, double High)? difference, (double Ratio, double Low, double High)? effect)
    {
        if (fired < options.SmallSample || notFired < options.SmallSample || difference is null)
            return Verdicts.TooFew;
        bool rawCost = difference.Value.High < 0;
        bool adjustedCost = effect is null || effect.Value.High < 1;
        return rawCost && adjustedCost ? Verdicts.CostsReplies : Verdicts.NoClearEffect;
    }

    public IReadOnlyList<ScoreBandStats> ScoreBands() => Aggregating.ScoreBands.All.Select((band, i) =>
    {
        OutreachMessage[] inBand = outreach.Where(o => o.Analysis.Score is int score && Aggregating.ScoreBands.IndexOf(score) == i).ToArray();
        int replied = inBand.Count(o => o.Replied);
        (double Low, double High)? interval = Intervals.Wilson(replied, inBand.Length);
        return new ScoreBandStats(Aggregating.ScoreBands.Name(i), band.Min, band.Max, inBand.Length, replied, Rate(replied, inBand.Length))
        {
            ReplyRateLow = Low(interval),
            ReplyRateHigh = High(interval),
        };
    }).ToArray();

    /// <summary>ISO weeks of the UTC send date, oldest first, every week from the first to the last (empty weeks as zeros).</summary>
    public IReadOnlyList<WeekTrend> Weeks()
    {
        if (outreach.Count == 0)
            return [];
        // Counts per week, not the messages grouped: a group holds an array entry per message (a million at scale).
        var byWeek = new Dictionary<string, (int Messages, int Replied, long ScoreSum, int Scored)>(StringComparer.Ordinal);
        foreach (OutreachMessage message in outreach)
        {
            ref (int Messages, int Replied, long ScoreSum, int Scored) week = ref CollectionsMarshal.GetValueRefOrAddDefault(byWeek, IsoWeek(message.Sent.UtcDateTime), out _);
            week.Messages++;
            week.Replied += message.Replied ? 1 : 0;
            if (message.Analysis.Score is int score)
            {
                week.ScoreSum += score;
                week.Scored++;
            }
        }

        DateTime first = outreach.Min(o => o.Sent.UtcDateTime).Date, last = outreach.Max(o => o.Sent.UtcDateTime).Date;
        var weeks = new List<WeekTrend>();
        // Bounded: one entry per week between the first and the last outreach message.
        for (DateTime day = first.AddDays(-(((int)first.DayOfWeek + 6) % 7)); day <= last; day = day.AddDays(7))
        {
            string week = IsoWeek(day);
            (int messages, int replied, long scoreSum, int scored) = byWeek.GetValueOrDefault(week);
            (double Low, double High)? interval = Intervals.Wilson(replied, messages);
            // The same mean as AverageOf: the sum of the scores over their count, to one decimal.
            double? average = scored == 0 ? null : Math.Round((double)scoreSum / scored, 1);
            weeks.Add(new WeekTrend(week, messages, average, replied)
            {
                ReplyRate = Rate(replied, messages),
                ReplyRateLow = Low(interval),
                ReplyRateHigh = High(interval),
            });
        }

        return weeks;
    }

    /// <summary>The mean score of the messages that could be scored; null when none could.</summary>
    internal static double? AverageOf(IEnumerable<OutreachMessage> messages)
    {
        int[] scores = messages.Where(o => o.Analysis.Score is not null).Select(o => o.Analysis.Score!.Value).ToArray();
        return scores.Length == 0 ? null : Math.Round(scores.Average(), 1);
    }

    /// <summary>The lowest scores first among messages that broke a rule; equal scores oldest first, then by slot so the order is stable.</summary>
    public IReadOnlyList<WeakMessage> Weakest(IReadOnlyDictionary<int, string> bodies) => outreach
        .Where(o => o.Analysis.Fired != 0 && o.Analysis.Score is not null)
        .OrderBy(o => o.Analysis.Score)
        .ThenBy(o => o.Record.UtcTicks)
        .ThenBy(o => o.Record.Analysis)
        .Take(options.WeakestCount)
        .Select(o => new WeakMessage(
            o.Analysis.Subject,
            string.Join(", ", o.Record.Recipients.Select(r => ledger.Addresses[r])),
            o.Sent,
            o.Analysis.Score!.Value,
            RuleBits.NamesOf(o.Analysis.Fired),
            o.Replied,
            options.IncludeBodies ? bodies.GetValueOrDefault(o.Record.Analysis) : null))
        .ToArray();

    /// <summary>The habits beyond the rules, each band with its count, replies and Wilson interval, and the published figures beside them.</summary>
    public IReadOnlyList<FeatureStats> Features()
    {
        static string Words(int words) => words switch { < 25 => "0-24", < 50 => "25-49", < 125 => "50-124", < 200 => "125-199", _ => "200+" };
        static string Questions(int questions) => questions switch { 0 => "0", 1 => "1", <= 3 => "2-3", _ => "4+" };
        static string Ease(double? ease) => ease switch { null => "unknown", >= 80 => "80-100", >= 60 => "60-79", >= 40 => "40-59", _ => "0-39" };
        static string Subject(int words) => words switch { 0 => "0", <= 2 => "1-2", <= 4 => "3-4", <= 7 => "5-7", _ => "8+" };
        static string Hour(int hour) => string.Create(CultureInfo.InvariantCulture, $"{hour / 3 * 3:00}-{(hour / 3 * 3) + 2:00}");

        return
        [
            Feature("length", o => Words(o.Analysis.Metrics.Words), ["0-24", "25-49", "50-124", "125-199", "200+"]),
            Feature("questions", o => Questions(o.Analysis.Metrics.Questions), ["0", "1", "2-3", "4+"]),
            Feature("readingEase", o => Ease(o.Analysis.Metrics.ReadingEase), ["0-39", "40-59", "60-79", "80-100", "unknown"]),
            Feature("subjectLength", o => Subject(o.Analysis.Metrics.SubjectWords), ["0", "1-2", "3-4", "5-7", "8+"]),
            Feature("weekday", o => o.Analysis.LocalWeekday.ToString()[..3], ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
            Feature("hour", o => Hour(o.Analysis.LocalHour), Enumerable.Range(0, 8).Select(h => Hour(h * 3)).ToArray()),
            Feature("followedUp", o => o.FollowedUp ? "yes" : "no", ["no", "yes"]),
        ];

        FeatureStats Feature(string name, Func<OutreachMessage, string> band, string[] bands)
        {
            // Counted in one pass, not grouped (a group holds an array entry per message).
            var groups = new Dictionary<string, (int Messages, int Replied)>(StringComparer.Ordinal);
            foreach (OutreachMessage message in outreach)
            {
                ref (int Messages, int Replied) counts = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, band(message), out _);
                counts.Messages++;
                counts.Replied += message.Replied ? 1 : 0;
            }


            FeatureBand[] rows = bands.Select(b =>
            {
                (int messages, int replied) = groups.GetValueOrDefault(b);
                (double Low, double High)? interval = Intervals.Wilson(replied, messages);
                return new FeatureBand(b, messages, replied, Rate(replied, messages), Low(interval), High(interval));
            }).ToArray();
            return new FeatureStats(name, rows, PublishedFigures.For(name));
        }
    }

    /// <summary>
    /// Cold outreach (this report's and carried over) with no reply and no follow-up, sent 4 to 14 days
    /// before the report's clock; the oldest first (most overdue), at most <see cref="ReportOptions.MaxFollowUps"/>.
    /// </summary>
    public (IReadOnlyList<FollowUp> Listed, int Total) FollowUps(IReadOnlyList<OutreachMessage> all)
    {
        DateTimeOffset now = options.Clock.GetUtcNow();
        OutreachMessage[] due = all
            .Where(o => !o.Replied && !o.FollowedUp && now - o.Sent >= TimeSpan.FromDays(4) && now - o.Sent <= TimeSpan.FromDays(14))
            .OrderBy(o => o.Record.UtcTicks)
            .ToArray();
        FollowUp[] listed = due.Take(options.MaxFollowUps).Select(o => new FollowUp(
            string.Join(", ", o.ColdRecipients.Select(r => ledger.Addresses[r])),
            o.Analysis.Subject,
            o.Sent,
            (int)(now - o.Sent).TotalDays)).ToArray();
        return (listed, due.Length);
    }

    public IReadOnlyDictionary<string, int> MessageLanguages() => outreach
        .GroupBy(o => o.Analysis.Language, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count())
        .ThenBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static string IsoWeek(DateTime date) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");

    /// <summary>A share rounded to three decimals, or null when there is nothing to divide by.</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 3);

    private static double? Low((double Low, double High)? interval) => interval is { } i ? Intervals.Round(i.Low) : null;

    private static double? High((double Low, double High)? interval) => interval is { } i ? Intervals.Round(i.High) : null;
}
