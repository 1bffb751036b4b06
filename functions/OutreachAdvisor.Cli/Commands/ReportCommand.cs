using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OutreachAdvisor.Cli.Output;
using OutreachAdvisor.Mailbox;
using OutreachAdvisor.Reports;
using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Output;

namespace OutreachAdvisor.Cli.Commands;

/// <summary><c>outreach report --mailbox PATH [--me ADDRESS] [--since YYYY-MM-DD] [--out DIR] [--json] [--lang en|it]</c></summary>
/// <remarks>
/// Writes report.html and report.json into --out (default: the current folder). Everything the
/// user can get wrong (no mailbox, a bad date, an out folder that cannot be written) is checked
/// before the mailbox is read, so a long run never fails at the end for a typo.
/// </remarks>
public static class ReportCommand
{
    /// <summary>After this long, progress is shown even when standard error is not a terminal.</summary>
    private static readonly TimeSpan LongRun = TimeSpan.FromSeconds(5);

    public static Command Create(CliStreams streams)
    {
        Option<string[]> mailbox = CommonOptions.Mailbox("Your mail: a folder of .eml/.mbox files (sent and received), searched recursively; repeatable", required: true);
        var me = new Option<string>("--me") { Description = "Your own address (default: the most frequent sender in the mailbox)", HelpName = "ADDRESS" };
        var since = new Option<string>("--since") { Description = "Only mail sent on or after this day", HelpName = "YYYY-MM-DD" };
        var outDir = new Option<string>("--out") { Description = "Folder for report.html and report.json (default: the current folder)", HelpName = "DIR" };
        Option<bool> json = CommonOptions.Json("Also print report.json on standard output");
        Option<string> lang = CommonOptions.Lang();
        var command = new Command("report", "Reads your sent and received mail, finds the outreach messages, and writes a quality report (report.html, report.json).")
        {
            mailbox, me, since, outDir, json, lang,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetValue(mailbox) ?? [], parsed.GetValue(me), parsed.GetValue(since), parsed.GetValue(outDir), parsed.GetValue(json), parsed.GetValue(lang)!,
            streams.Stdout, streams.Stderr, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> mailboxPaths, string? me, string? sinceText, string? outFolder, bool json, string uiLanguage, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        DateTimeOffset? since = ParseSince(sinceText);
        string outDir = Path.GetFullPath(outFolder ?? ".");

        if (mailboxPaths.Count == 0)
            throw new UsageException("report needs --mailbox PATH (a folder of .eml/.mbox files)");
        if (me is not null && !me.Contains('@', StringComparison.Ordinal))
            throw new UsageException($"bad --me '{me}': expected an e-mail address");
        EnsureWritable(outDir);

        me ??= await LocalReportMailSource.FindOwnerAsync(mailboxPaths, cancellationToken).ConfigureAwait(false)
               ?? throw new UsageException("the mailbox holds no messages, so whose it is cannot be told: give --me ADDRESS");
        var source = LocalReportMailSource.Open(mailboxPaths, me);

        var clock = Stopwatch.StartNew();
        bool showProgress = !Console.IsErrorRedirected;
        var engine = new ReportEngine(new ReportOptions
        {
            Me = me,
            Since = since,
            UiLanguage = uiLanguage,
            Progress = read =>
            {
                if (showProgress || clock.Elapsed > LongRun)
                    stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\routreach: {read:N0} messages read ({clock.Elapsed.TotalSeconds:0}s)"));
            },
        });
        OutreachReport report = await engine.RunAsync(source, cancellationToken).ConfigureAwait(false);
        if (clock.Elapsed > LongRun || (showProgress && report.SentMessages + report.ReceivedMessages >= 1000))
            await stderr.WriteLineAsync().ConfigureAwait(false);

        string reportJson = ReportJson.Serialize(report);
        await File.WriteAllTextAsync(Path.Combine(outDir, "report.json"), reportJson, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outDir, "report.html"), ReportHtml.Render(report, uiLanguage), cancellationToken).ConfigureAwait(false);

        if (json)
            await stdout.WriteLineAsync(reportJson).ConfigureAwait(false);
        else
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{Terminal.Safe(report.Me)}: {report.OutreachMessages} outreach of {report.SentMessages} sent, {report.Replied} replied{(report.UnscoredMessages > 0 ? $", {report.UnscoredMessages} not scored" : "")}; wrote {Path.Combine(outDir, "report.html")} and report.json")).ConfigureAwait(false);
        // Every message read is accounted for: what was not counted is said, by reason (issue 15.5).
        if (!json && report.Skipped.Count > 0)
            await stdout.WriteLineAsync("read but not counted: " + string.Join(", ", report.Skipped.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Value} {s.Key}")))).ConfigureAwait(false);
        return OutreachCli.Clean;
    }

    private static DateTimeOffset? ParseSince(string? value)
    {
        if (value is null)
            return null;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            throw new UsageException($"bad --since '{value}': expected a date as YYYY-MM-DD");
        return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    /// <summary>Creates the folder if needed and proves it can be written, before the long part starts.</summary>
    private static void EnsureWritable(string folder)
    {
        try
        {
            if (File.Exists(folder))
                throw new UsageException($"--out {folder} is a file, not a folder");
            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, $".outreach-{Environment.ProcessId}.tmp");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to --out {folder}: {OutreachCli.OneLine(e.Message)}");
        }
    }
}
