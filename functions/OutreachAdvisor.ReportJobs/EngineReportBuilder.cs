using OutreachAdvisor.Reports;
using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Output;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// Builds a job's report with the report engine (OutreachAdvisor.Reports): the same engine and page as
/// `outreach report`, fed from the job's mail source. The owner's address comes from the source
/// (Graph: the sender of their Sent Items), since the queue message carries no personal data.
/// </summary>
public sealed class EngineReportBuilder : IReportBuilder
{
    public async Task<BuiltReport> BuildAsync(ReportJob job, IReportMailSource source, OutreachState? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(source);
        // An empty Sent Items has no owner address to find: the report then simply counts nothing sent.
        string me = await source.FindOwnerAddressAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var options = new ReportOptions
        {
            Me = me,
            Since = new DateTimeOffset(job.Since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            IncludeBodies = job.IncludeBodies,
            UiLanguage = job.Language,
        };

        // The previous state credits replies to outreach that this job's mail (one week's delta) does not hold.
        ReportRun run = await new ReportEngine(options).RunAsync(source, previous, cancellationToken).ConfigureAwait(false);
        OutreachReport report = run.Report;
        var summary = new ReportSummary(report.SentMessages, report.OutreachMessages, report.Replied, report.ReplyRate, report.AverageScore);
        return new BuiltReport(ReportJson.Serialize(report), ReportHtml.Render(report, options.UiLanguage), summary) { NextState = run.NextState };
    }
}
