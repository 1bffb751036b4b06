using System.Diagnostics;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Analysis.Text;
using OutreachAdvisor.Reports.Templates;

namespace OutreachAdvisor.Reports.Benchmarks;

/// <summary>
/// Where a report's time per sent message goes, stage by stage on one thread (Stopwatch sections):
/// <c>dotnet run -c Release --project tests/OutreachAdvisor.Reports.Benchmarks -- stages [N]</c>.
/// The first N sent messages of <see cref="SyntheticMailbox"/> are held in memory, then each stage runs
/// over all of them after a warm-up pass, so JIT and regex construction are not counted.
/// </summary>
public static class StageBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        int n = args.Length > 1 && int.TryParse(args[1], out int count) ? count : 20_000;
        var sent = new List<ReportMail>(n);
        await foreach (ReportMail mail in new SyntheticMailbox(n).ReadAsync(DateTimeOffset.MinValue, CancellationToken.None))
        {
            if (mail.From.Address == SyntheticMailbox.Owner)
                sent.Add(mail);
        }

        var sketcher = new TemplateSketcher();
        var organization = Organization.OfSender(new EmailAddress(null, SyntheticMailbox.Owner));
        string[] plain = new string[sent.Count];
        var words = new List<ulong>[sent.Count];
        ushort[] sketch = new ushort[sketcher.Length];

        void Analyse(int i)
        {
            ReportMail mail = sent[i];
            var message = new MessageInput { From = mail.From, To = mail.To, Subject = mail.Subject, Body = mail.Body ?? string.Empty };
            var context = new AnalysisContext(message.AllRecipients.Select(r => new RecipientFacts { Recipient = r, History = RecipientHistory.None }), organization, "synthetic", mailboxUnavailableReason: null);
            plain[i] = OutreachAnalyzer.Default.Analyze(message, context, "en").PlainText;
        }

        void Words(int i) => words[i] = TemplateText.Words(plain[i], sent[i].To.SelectMany(r => new[] { r.Name ?? string.Empty, r.LocalPart, r.Domain.Split('.')[0] }));
        void Sketch(int i) => sketcher.Sketch(words[i], sketch);

        // The parts of the analysis, each alone: the text view, its language detection and greeting, and each rule over a ready view.
        var inputs = new RuleInput[sent.Count];
        void View(int i)
        {
            ReportMail mail = sent[i];
            var message = new MessageInput { From = mail.From, To = mail.To, Subject = mail.Subject, Body = mail.Body ?? string.Empty };
            var context = new AnalysisContext(message.AllRecipients.Select(r => new RecipientFacts { Recipient = r, History = RecipientHistory.None }), organization, "synthetic", mailboxUnavailableReason: null);
            var text = TextView.Create(message, plain[i], null);
            inputs[i] = new RuleInput { Message = message, Text = text, Context = context, Metrics = TextMetrics.Measure(text.NewText, message.Subject, text.Language) };
        }

        var stages = new List<(string, Action<int>)> { ("analysis (nine rules, metrics)", Analyse), ("template words", Words), ("template sketch", Sketch) };
        if (args.Contains("--detail"))
        {
            stages.Add(("  text view + metrics", View));
            stages.Add(("    language detection", i => LanguageDetector.Detect(plain[i])));
            stages.Add(("    greeting", i => Greeting.Find(plain[i], plain[i].Length)));
            foreach (IRule rule in OutreachAnalyzer.Default.Rules)
                stages.Add(($"  rule {rule.Description.Name}", i => rule.Evaluate(inputs[i])));
        }

        Console.WriteLine($"stages over {sent.Count:N0} sent messages, one thread (warm-up pass, then fastest of three):");
        foreach ((string name, Action<int> stage) in stages)
        {
            for (int i = 0; i < Math.Min(2000, sent.Count); i++)
                stage(i);
            // Fastest of three passes: the two cores are shared, so the slower passes measure the neighbours.
            TimeSpan cpu = TimeSpan.MaxValue, wall = TimeSpan.MaxValue;
            long allocated = 0;
            for (int pass = 0; pass < 3; pass++)
            {
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                TimeSpan cpuBefore = CpuClock.Now();
                var timer = Stopwatch.StartNew();
                for (int i = 0; i < sent.Count; i++)
                    stage(i);
                timer.Stop();
                cpu = TimeSpan.FromTicks(Math.Min(cpu.Ticks, (CpuClock.Now() - cpuBefore).Ticks));
                wall = TimeSpan.FromTicks(Math.Min(wall.Ticks, timer.Elapsed.Ticks));
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            }

            Console.WriteLine($"  {name,-32} {cpu.TotalMilliseconds * 1000 / sent.Count,8:N1} µs CPU/message ({wall.TotalMilliseconds * 1000 / sent.Count:N1} µs wall)  {allocated / sent.Count / 1024.0,6:N1} KB/message");
        }
    }
}
