using System.Threading.Channels;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Reports.Aggregating;
using OutreachAdvisor.Reports.Collecting;
using OutreachAdvisor.Reports.Detecting;
using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Statistics;
using OutreachAdvisor.Reports.Templates;

namespace OutreachAdvisor.Reports;

/// <summary>
/// Builds the sent-mail quality report from one pass over a mail source (docs/reports.md):
/// every message becomes a compact record; every message the owner sent in the period is analysed
/// while it streams past (on <see cref="ReportOptions.Parallelism"/> workers) and its body dropped;
/// once the stream ends, outreach, replies, follow-ups, templates and statistics are decided over the records.
/// </summary>
public sealed class ReportEngine(ReportOptions options)
{
    public ReportOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public async Task<OutreachReport> RunAsync(IReportMailSource source, CancellationToken cancellationToken = default) =>
        (await RunAsync(source, previous: null, cancellationToken).ConfigureAwait(false)).Report;

    /// <param name="previous">The state an earlier report handed on (open outreach, who wrote before); null for a report that reads all the history it needs.</param>
    public async Task<ReportRun> RunAsync(IReportMailSource source, OutreachState? previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        string uiLanguage = UiLanguages.Normalize(Options.UiLanguage);
        DateTimeOffset readFrom = Options.Since is { } since ? SafeSubtract(since, Options.HistoryLookback) : DateTimeOffset.MinValue;
        var sketcher = new TemplateSketcher();
        long start = Options.Since?.UtcTicks ?? long.MinValue;
        var ledger = new MailLedger(Options.Me, start, sketcher.Length, previous?.HeardFrom);
        // Open outreach of earlier reports that this report's own mail does not hold again.
        foreach (OpenOutreach open in previous?.Open ?? [])
        {
            if (open.Sent.UtcTicks < start)
                ledger.AddCarried(open);
        }

        var bodies = new WeakestBodies(Options.IncludeBodies ? Math.Max(Options.WeakestCount, 1) * 20 : 0);
        await ReadAndAnalyseAsync(source, readFrom, ledger, new SentMessageAnalyzer(source.Name, uiLanguage, sketcher), bodies, cancellationToken).ConfigureAwait(false);

        // Decisions are made over the complete records, so the order the source gave does not matter;
        // sorting makes clustering and ties deterministic.
        var all = OutreachDetector.Detect(ledger, SentMessageAnalyzer.OrganizationOf(Options.Me))
            .OrderBy(o => o.Record.UtcTicks)
            .ThenBy(o => o.Record.Analysis)
            .ThenBy(o => o.Record.Carried)
            .ToList();
        ReplyTracker.Mark(ledger, all, Options.ReplyWindow);
        var outreach = all.Where(o => !o.Carried).ToList();
        List<TemplateGroup> templates = TemplateGrouper.Group(outreach, ledger.Sketches, new TemplateClusterer());
        var aggregate = new ReportAggregator(ledger, outreach, Options);
        (IReadOnlyList<RuleReplyStats> rules, AdjustedModelInfo? model) = aggregate.Rules();
        (IReadOnlyList<FollowUp> followUps, int followUpsTotal) = aggregate.FollowUps(all);

        // Counted in one pass rather than copied (a copy is 32 bytes per sent message).
        int sentInPeriod = 0;
        long firstSentTicks = long.MaxValue;
        foreach (SentRecord sent in ledger.Sent)
        {
            if (sent.Analysis < 0)
                continue;
            sentInPeriod++;
            firstSentTicks = Math.Min(firstSentTicks, sent.UtcTicks);
        }

        DateOnly from = Options.Since is { } first ? DateOnly.FromDateTime(first.UtcDateTime)
            : sentInPeriod > 0 ? DateOnly.FromDateTime(new DateTime(firstSentTicks, DateTimeKind.Utc))
            : DateOnly.FromDateTime(Options.Clock.GetUtcNow().UtcDateTime);
        DateOnly to = ledger.NewestTicks > long.MinValue ? DateOnly.FromDateTime(new DateTime(ledger.NewestTicks, DateTimeKind.Utc)) : from;

        foreach ((string reason, int count) in source.Skipped)
            ledger.Skipped[reason] = ledger.Skipped.GetValueOrDefault(reason) + count;
        (double Low, double High)? rate = aggregate.ReplyRateInterval;
        OutreachMessage[] carried = all.Where(o => o.Carried).ToArray();

        var report = new OutreachReport
        {
            Me = Addresses.Normalize(Options.Me),
            From = from,
            To = to < from ? from : to,
            SentMessages = sentInPeriod,
            OutreachMessages = outreach.Count,
            Replied = aggregate.Replied,
            ReplyRate = aggregate.ReplyRate,
            ReplyRateLow = rate is { } r ? Intervals.Round(r.Low) : null,
            ReplyRateHigh = rate is { } h ? Intervals.Round(h.High) : null,
            AverageScore = aggregate.AverageScore,
            UnscoredMessages = aggregate.Unscored,
            Rules = rules,
            Templates = templates,
            Weeks = aggregate.Weeks(),
            Weakest = aggregate.Weakest(bodies.BySlot()),
            Features = aggregate.Features(),
            FollowUps = followUps,
            FollowUpsTotal = followUpsTotal,
            Skipped = new SortedDictionary<string, int>(ledger.Skipped, StringComparer.Ordinal),
            DateSources = new SortedDictionary<string, int>(ledger.DateSources.ToDictionary(), StringComparer.Ordinal),
            AdjustedModel = model,
            CarriedOver = previous is null ? null : new CarriedOver(carried.Length, carried.Count(o => o.Replied), carried.Count(o => o.FollowedUp)),
            ScoreBands = aggregate.ScoreBands(),
            Language = uiLanguage,
            MessageLanguages = aggregate.MessageLanguages(),
            GeneratedAt = Options.Clock.GetUtcNow(),
            Source = source.Name,
            ReceivedMessages = ledger.ReceivedInPeriod,
            ReplyWindowDays = (int)Math.Round(Options.ReplyWindow.TotalDays),
            SmallSample = Options.SmallSample,
        };
        return new ReportRun(report, NextState(ledger, all, previous));
    }

    /// <summary>
    /// What the next report needs: outreach with no reply yet and still within the reply window, and the
    /// hashed addresses of everyone heard from (bounded; the newest kept).
    /// </summary>
    private OutreachState NextState(MailLedger ledger, List<OutreachMessage> all, OutreachState? previous)
    {
        DateTimeOffset now = Options.Clock.GetUtcNow();
        OpenOutreach[] open = all
            .Where(o => !o.Replied && now - o.Sent <= Options.ReplyWindow)
            .OrderByDescending(o => o.Record.UtcTicks)
            .Take(OutreachState.MaxOpen)
            .Select(o => new OpenOutreach(ledger.Conversations.KeyOf(o.Record.Conversation), o.Sent,
                o.ColdRecipients.Select(c => ledger.Addresses[c]).ToArray(), o.Analysis.Subject, o.FollowedUp))
            .ToArray();
        var heard = new List<ulong>(previous?.HeardFrom ?? []);
        var known = new HashSet<ulong>(heard);
        foreach (ReceivedRecord received in ledger.Received.OrderBy(r => r.UtcTicks))
        {
            ulong hash = HashInterner.Hash(ledger.Addresses[received.From]);
            if (known.Add(hash))
                heard.Add(hash);
        }

        return new OutreachState
        {
            UpdatedAt = now,
            Open = open,
            HeardFrom = heard.Count > OutreachState.MaxHeardFrom ? heard[^OutreachState.MaxHeardFrom..] : heard,
        };
    }

    /// <summary>
    /// Reads the source once. The reader records headers; sent messages of the period go through a
    /// bounded channel to the analysis workers, so at most a few bodies are in memory at a time.
    /// </summary>
    private async Task ReadAndAnalyseAsync(
        IReportMailSource source, DateTimeOffset readFrom, MailLedger ledger, SentMessageAnalyzer analyzer, WeakestBodies bodies, CancellationToken cancellationToken)
    {
        int parallelism = Math.Max(1, Options.Parallelism);
        var channel = Channel.CreateBounded<(int Slot, ReportMail Mail)>(new BoundedChannelOptions(parallelism * 4) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        Task[] workers = Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach ((int slot, ReportMail? mail) in channel.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    AnalysedMessage analysis = analyzer.Analyse(mail, ledger.Sketches, slot);
                    ledger.SetAnalysis(slot, analysis);
                    if (analysis.Score is int score)
                        bodies.Offer(slot, score, mail.Body);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Stops the reader, which would otherwise wait on a full channel forever.
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }, stop.Token)).ToArray();

        long read = 0;
        try
        {
            await foreach (ReportMail? mail in source.ReadAsync(readFrom, stop.Token).WithCancellation(stop.Token).ConfigureAwait(false))
            {
                if (mail.Date < readFrom)
                {
                    ledger.Skipped["before-period"] = ledger.Skipped.GetValueOrDefault("before-period") + 1;
                    continue;
                }

                int slot = ledger.Add(mail);
                if (slot >= 0)
                    await channel.Writer.WriteAsync((slot, mail), stop.Token).ConfigureAwait(false);
                if (++read % Options.ProgressInterval == 0)
                    Options.Progress?.Invoke(read);
            }

            channel.Writer.Complete();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && workers.Any(w => w.IsFaulted))
        {
            channel.Writer.TryComplete();
        }
        catch
        {
            channel.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }

        // Surfaces a worker's own exception rather than the cancellation it caused.
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private static DateTimeOffset SafeSubtract(DateTimeOffset date, TimeSpan span) =>
        date.UtcTicks - DateTimeOffset.MinValue.UtcTicks <= span.Ticks ? DateTimeOffset.MinValue : date - span;
}
