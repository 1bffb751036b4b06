using System.Collections.Concurrent;
using System.Threading.Channels;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Reports.Aggregating;
using OutreachAdvisor.Reports.Collecting;
using OutreachAdvisor.Reports.Detecting;
using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Templates;

namespace OutreachAdvisor.Reports;

/// <summary>
/// Builds the sent-mail quality report from one pass over a mail source (docs/reports.md):
/// every message becomes a compact record; every message the owner sent in the period is analysed
/// while it streams past (on <see cref="ReportOptions.Parallelism"/> workers) and its body dropped;
/// once the stream ends, outreach, replies and templates are decided over the records.
/// </summary>
public sealed class ReportEngine(ReportOptions options)
{
    public ReportOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public async Task<OutreachReport> RunAsync(IReportMailSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        string uiLanguage = UiLanguages.Normalize(Options.UiLanguage);
        DateTimeOffset readFrom = Options.Since is { } since ? SafeSubtract(since, Options.HistoryLookback) : DateTimeOffset.MinValue;
        var ledger = new MailLedger(Options.Me, Options.Since?.UtcTicks ?? long.MinValue);
        var bodies = new WeakestBodies(Options.IncludeBodies ? Math.Max(Options.WeakestCount, 1) * 20 : 0);
        ConcurrentDictionary<int, AnalysedMessage> analyses = await ReadAndAnalyseAsync(source, readFrom, ledger, new SentMessageAnalyzer(source.Name, uiLanguage, new MinHasher()), bodies, cancellationToken).ConfigureAwait(false);
        ledger.Analyses = Enumerable.Range(0, ledger.AnalysedCount).Select(i => analyses[i]).ToArray();

        // Decisions are made over the complete records, so the order the source gave does not matter;
        // sorting makes clustering and ties deterministic.
        var outreach = OutreachDetector.Detect(ledger, SentMessageAnalyzer.OrganizationOf(Options.Me))
            .OrderBy(o => o.Record.UtcTicks)
            .ThenBy(o => o.Analysis.Id, StringComparer.Ordinal)
            .ToList();
        ReplyTracker.Mark(ledger, outreach, Options.ReplyWindow);
        List<TemplateGroup> templates = TemplateGrouper.Group(outreach, new TemplateClusterer());
        var aggregate = new ReportAggregator(ledger, outreach, Options);

        SentRecord[] sentInPeriod = ledger.Sent.Where(s => s.Analysis >= 0).ToArray();
        DateOnly from = Options.Since is { } start ? DateOnly.FromDateTime(start.UtcDateTime)
            : sentInPeriod.Length > 0 ? DateOnly.FromDateTime(new DateTime(sentInPeriod.Min(s => s.UtcTicks), DateTimeKind.Utc))
            : DateOnly.FromDateTime(Options.Clock.GetUtcNow().UtcDateTime);
        DateOnly to = ledger.NewestTicks > long.MinValue ? DateOnly.FromDateTime(new DateTime(ledger.NewestTicks, DateTimeKind.Utc)) : from;

        return new OutreachReport
        {
            Me = Addresses.Normalize(Options.Me),
            From = from,
            To = to < from ? from : to,
            SentMessages = sentInPeriod.Length,
            OutreachMessages = outreach.Count,
            Replied = aggregate.Replied,
            ReplyRate = aggregate.ReplyRate,
            AverageScore = aggregate.AverageScore,
            Rules = aggregate.Rules(),
            Templates = templates,
            Weeks = aggregate.Weeks(),
            Weakest = aggregate.Weakest(bodies.ById()),
            ScoreBands = aggregate.ScoreBands(),
            Language = uiLanguage,
            MessageLanguages = aggregate.MessageLanguages(),
            GeneratedAt = Options.Clock.GetUtcNow(),
            Source = source.Name,
            ReceivedMessages = ledger.ReceivedInPeriod,
            ReplyWindowDays = (int)Math.Round(Options.ReplyWindow.TotalDays),
            SmallSample = Options.SmallSample,
        };
    }

    /// <summary>
    /// Reads the source once. The reader records headers; sent messages of the period go through a
    /// bounded channel to the analysis workers, so at most a few bodies are in memory at a time.
    /// </summary>
    private async Task<ConcurrentDictionary<int, AnalysedMessage>> ReadAndAnalyseAsync(
        IReportMailSource source, DateTimeOffset readFrom, MailLedger ledger, SentMessageAnalyzer analyzer, WeakestBodies bodies, CancellationToken cancellationToken)
    {
        var results = new ConcurrentDictionary<int, AnalysedMessage>();
        int parallelism = Math.Max(1, Options.Parallelism);
        var channel = Channel.CreateBounded<(int Slot, ReportMail Mail)>(new BoundedChannelOptions(parallelism * 4) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        Task[] workers = Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach ((int slot, ReportMail? mail) in channel.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    AnalysedMessage analysis = analyzer.Analyse(mail);
                    results[slot] = analysis;
                    bodies.Offer(analysis.Id, analysis.Score, mail.Body);
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
                    continue;
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
        return results;
    }

    private static DateTimeOffset SafeSubtract(DateTimeOffset date, TimeSpan span) =>
        date.UtcTicks - DateTimeOffset.MinValue.UtcTicks <= span.Ticks ? DateTimeOffset.MinValue : date - span;
}
