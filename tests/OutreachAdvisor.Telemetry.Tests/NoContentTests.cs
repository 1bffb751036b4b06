using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Api;
using OutreachAdvisor.Cli.Commands;
using OutreachAdvisor.FoundAt;
using OutreachAdvisor.Mailbox;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Telemetry.Tests;

/// <summary>
/// Telemetry an operator can use, and none of the user's words in it: a realistic analysis through
/// <c>outreach serve</c> (the sample mailbox, a found-at page, a language service that fails) with OpenTelemetry's
/// in-memory exporters; every exported span, log record and metric is searched for the message's words,
/// subject and addresses.
/// </summary>
[TestClass]
public sealed partial class NoContentTests
{
    /// <summary>A language provider that always fails: the analysis must fall back to the built-in one, and count it.</summary>
    private sealed class BrokenLanguage : ILanguageService
    {
        public string Name => "azure-ai-language";

        public Task<LanguageSignals> AnalyzeAsync(string text, string? languageHint, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"could not analyse '{text[..Math.Min(40, text.Length)]}'");
    }

    /// <summary>Captures log records as text at export (the SDK reuses LogRecord objects).</summary>
    private sealed class TextLogExporter(List<string> sink) : BaseExporter<LogRecord>
    {
        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            lock (sink)
            {
                foreach (LogRecord record in batch)
                {
                    sink.Add(string.Join(" | ", new[] { record.CategoryName, record.FormattedMessage, record.Body, record.Exception?.ToString() }
                        .Concat((record.Attributes ?? []).Select(a => $"{a.Key}={a.Value}"))));
                }
            }
            return ExportResult.Success;
        }
    }

    [TestMethod]
    public async Task A_realistic_analysis_exports_spans_metrics_and_logs_without_any_of_its_words_subject_or_addresses()
    {
        MessageInput message = await MessageFile.ReadAsync(Path.Combine(RepoPaths.Root, "samples", "messages", "en-good-specific-cold.eml"), CancellationToken.None);
        // A second, cold recipient on a group line, a found-at page and a made-up word that occurs nowhere else.
        const string Marker = "Quillfeatherworth";
        message = message with
        {
            Body = message.Body + $"\nP.S. {Marker} is the name of our survey; dear Bob, write to ann.private@home.example.\n",
            Cc = [new EmailAddress("Bob Stone", "bob.stone@outlet.example")],
            FoundAt = new Dictionary<string, string> { ["jane@shape.example"] = "https://127.0.0.1:9/jane-contact-page" },
        };

        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var logs = new List<string>();
        var sources = new FixedAnalysisSources(new ContextSources
        {
            Mailbox = await LocalMailbox.OpenAsync([Path.Combine(RepoPaths.Root, "samples", "mailbox")]),
            FoundAt = new FoundAtChecker(allowLocalFiles: false),
            Language = new BrokenLanguage(),
        });
        await using WebApplication app = ServeCommand.Build(0, sources, addinDir: null, allowedOrigin: null, configureServices: services =>
            services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
                .WithMetrics(meters => meters.AddInMemoryExporter(metrics))
                .WithLogging(logging => logging.AddProcessor(new SimpleLogRecordExportProcessor(new TextLogExporter(logs)))));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        using HttpResponseMessage response = await http.PostAsJsonAsync("/api/analyze", message, OutreachAdvisor.Analysis.Json.AnalysisJsonContext.Default.MessageInput);
        string answer = await response.Content.ReadAsStringAsync();
        Assert.IsTrue(response.IsSuccessStatusCode, answer);
        Assert.Contains("built-in analyzer", answer, "the broken language service was fallen back from");

        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        await app.StopAsync();

        // Telemetry was exported at all: the analysis span with the context stage's sources below it, and the metrics.
        Activity? analyze = spans.SingleOrDefault(s => s.DisplayName == "analyze");
        Assert.IsNotNull(analyze, "spans: " + string.Join(", ", spans.Select(s => s.DisplayName)) + "; metrics: " + string.Join(", ", metrics.Select(m => m.Name).Distinct()));
        string[] children = spans.Where(s => s.ParentSpanId == analyze.SpanId).Select(s => s.DisplayName).ToArray();
        CollectionAssert.IsSubsetOf(new[] { "context.mailbox.histories", "context.mailbox.contact", "context.mailbox.organization", "context.language", "context.found_at" }, children);
        Assert.AreEqual("failed", spans.Single(s => s.DisplayName == "context.language").GetTagItem("outreach.outcome"));
        string[] metricNames = metrics.Select(m => m.Name).Distinct().ToArray();
        CollectionAssert.IsSubsetOf(new[] { "outreach.analysis.duration", "outreach.findings", "outreach.provider.fallbacks", "outreach.found_at.checks" }, metricNames);
        Assert.IsNotEmpty(logs, "the host's logs are exported too");

        // None of the message in any of it.
        string exported = string.Join("\n", spans.Select(Describe).Concat(metrics.Select(Describe)).Concat(logs));
        string[] secrets = Words(message.Body).Concat(Words(message.Subject))
            .Concat(message.AllRecipients.Select(r => r.Address)).Append(message.From!.Address)
            .Concat(message.AllRecipients.Select(r => r.Name!)).Append(Marker).Append("jane-contact-page")
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        Assert.IsGreaterThan(30, secrets.Length, "a realistic message has many words to look for: " + secrets.Length);
        string[] leaked = secrets.Where(word => Regex.IsMatch(exported, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase)).ToArray();
        Assert.IsEmpty(leaked, "found in telemetry: " + string.Join(", ", leaked));
    }

    /// <summary>The message's words that could identify it: four letters or more, and not telemetry's own vocabulary.</summary>
    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value).Where(w => !Vocabulary.Contains(w));

    /// <summary>Words telemetry itself uses (span, metric and rule names) that a message may contain too.</summary>
    private static readonly HashSet<string> Vocabulary = new(StringComparer.OrdinalIgnoreCase) { "private" /* the rule private-channel */ };

    private static string Describe(Activity span) =>
        string.Join(" | ", new[] { span.DisplayName, span.OperationName, span.StatusDescription }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}")));

    private static string Describe(MetricSnapshot metric)
    {
        var tags = new List<string>();
        foreach (MetricPoint point in metric.MetricPoints)
        {
            foreach (KeyValuePair<string, object?> tag in point.Tags)
                tags.Add($"{tag.Key}={tag.Value}");
        }
        return string.Join(" | ", new[] { metric.Name, metric.Description, metric.Unit, metric.MeterName }.Concat(tags));
    }

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex WordPattern();
}
