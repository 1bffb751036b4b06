using System.Text;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Analysis.Tests;

/// <summary>
/// Issue 15, bounded work: one analysis reads at most <see cref="OutreachAnalyzer.MaxTextChars"/> characters of
/// the text and spends at most its time budget in the rules, whatever the message holds; what it did not read or
/// finish is reported (truncated, skipped checks), never passed. Work is asserted as counts, not timed.
/// </summary>
[TestClass]
public sealed class AnalysisBoundsTests
{
    /// <summary>The adversarial text (AdversarialText, as in the API's ResponseCapTests), about a million characters, to 500 recipients.</summary>
    private static MessageInput Adversarial()
    {
        StringBuilder body = AdversarialText.Body(1_000_000);
        EmailAddress[] to = Enumerable.Range(0, 500).Select(i => new EmailAddress($"Person {i}", $"person{i}@outlet{i % 37}.example")).ToArray();
        return Build.Message(body.ToString(), "Hi {{first_name}} {{company}} [Name]", to: to);
    }

    /// <summary>A clean, ordinary paragraph repeated past the bound, with one unfilled merge field after it.</summary>
    private static string LongText(out int mergeFieldAt)
    {
        var body = new StringBuilder("Dear Jane,\n\n");
        while (body.Length < OutreachAnalyzer.MaxTextChars + 5_000)
            body.Append("I read your piece on river towns and the way the old ferries shaped them. The photographs of the landing stages were lovely.\n");
        mergeFieldAt = body.Length;
        body.Append("PS: say hello to {{company}}.\n\nBest,\nAnn");
        return body.ToString();
    }

    [TestMethod]
    public void The_adversarial_megabyte_is_read_only_up_to_the_bound_and_its_work_stays_small()
    {
        MessageInput message = Adversarial();
        OutreachAnalyzer.Default.Analyze(message); // once, so the rules' patterns and the models are built

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        AnalysisResult result = OutreachAnalyzer.Default.Analyze(message);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.IsNotNull(result.Truncated, "the answer says the text was not read whole");
        Assert.IsLessThanOrEqualTo(OutreachAnalyzer.MaxTextChars, result.Truncated.TextCharactersRead!.Value);
        Assert.IsGreaterThan(OutreachAnalyzer.MaxTextChars - 1_000, result.Truncated.TextCharactersRead.Value, "cut near the bound, not far before it");
        Assert.AreEqual(message.Body.Length, result.Truncated.TextCharacters);
        // Work as counts: the sentences the rules and detectors read (the whole body has about 18,500), and the
        // memory allocated (the whole body cost about 1.6 GB per analysis; bounded, about 13 MB).
        Assert.IsLessThan(2_000, result.Metrics.Sentences);
        Assert.IsLessThan(128L * 1024 * 1024, allocated, $"allocated {allocated / 1024 / 1024} MB");
        // Still judged where it was read: the merge fields and the link dump are reported.
        Assert.AreEqual(CheckStatus.Failed, result.Checks.Single(c => c.Rule == "personal-greeting").Status);
        Assert.AreEqual("check/text-cut", result.Checks.Single(c => c.Rule == "personal-greeting").DetailId);
        Assert.AreEqual(OutreachAnalyzer.MaxTextChars, result.PlainText.Length >= OutreachAnalyzer.MaxTextChars ? OutreachAnalyzer.MaxTextChars : -1, "the result keeps the whole plain text its offsets point into");
        Assert.AreEqual(message.Body, result.PlainText);
    }

    [TestMethod]
    public void A_text_longer_than_the_bound_gets_no_pass_from_the_rules_that_read_it()
    {
        string body = LongText(out int mergeFieldAt);
        Assert.IsGreaterThan(OutreachAnalyzer.MaxTextChars, mergeFieldAt);

        AnalysisResult en = OutreachAnalyzer.Default.Analyze(Build.Message(body, "River towns"));
        AnalysisResult it = OutreachAnalyzer.Default.Analyze(Build.Message(body, "River towns"), "it");

        // Nothing was found in what was read, and the merge field after it was not seen: not a pass.
        RuleCheck greeting = en.Checks.Single(c => c.Rule == "personal-greeting");
        Assert.AreEqual(CheckStatus.Skipped, greeting.Status);
        Assert.AreEqual("check/text-cut-unchecked", greeting.DetailId);
        StringAssert.Contains(greeting.Detail, "only the first");
        StringAssert.Contains(it.Checks.Single(c => c.Rule == "personal-greeting").Detail, "sono stati letti solo i primi");
        Assert.IsFalse(en.Checks.Any(c => c.Status == CheckStatus.Passed && c.Rule != "listed-address"), string.Join("; ", en.Checks.Select(c => $"{c.Rule} {c.Status} {c.DetailId}")));
        Assert.IsEmpty(en.Findings.Where(f => f.Evidence.Any(e => e.Start >= en.Truncated!.TextCharactersRead)));
        Assert.AreEqual(body.Length, en.Truncated!.TextCharacters);
    }

    [TestMethod]
    public void A_text_within_the_bound_is_read_whole_and_says_nothing_about_truncation()
    {
        string body = LongText(out int mergeFieldAt)[..(OutreachAnalyzer.MaxTextChars - 200)] + "\nPS: say hello to {{company}}.";

        AnalysisResult result = OutreachAnalyzer.Default.Analyze(Build.Message(body, "River towns"));

        Assert.IsNull(result.Truncated);
        Assert.AreEqual(CheckStatus.Failed, result.Checks.Single(c => c.Rule == "personal-greeting").Status);
        Assert.IsTrue(result.Checks.All(c => c.DetailId is not ("check/text-cut" or "check/text-cut-unchecked" or "check/out-of-time")));
    }

    [TestMethod]
    public void Quoted_history_past_the_bound_is_not_counted_as_unread_new_text()
    {
        string body = "Dear Jane,\nCould you review my CV? I can share my survey data in return.\n\nOn Mon, 2 Nov 2026, Jane Doe wrote:\n"
            + string.Concat(Enumerable.Repeat("> an old line of the thread, quoted back\n", 2_000));

        AnalysisResult result = OutreachAnalyzer.Default.Analyze(Build.Message(body));

        Assert.IsGreaterThan(OutreachAnalyzer.MaxTextChars, body.Length);
        Assert.IsNull(result.Truncated, "the new text was read whole; only quoted history was past the bound");
    }

    /// <summary>A clock the test moves: a slow rule advances it.</summary>
    private sealed class TestClock : TimeProvider
    {
        public long Now { get; set; }

        public long Step { get; init; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now += Step;
    }

    /// <summary>A rule that takes <paramref name="cost"/> of the test clock, then (when asked) checks the budget in its loop.</summary>
    private sealed class SlowRule(IRule inner, TestClock clock, TimeSpan cost, bool checksInLoop) : IRule
    {
        public RuleDescription Description => inner.Description;

        public RuleOutcome Evaluate(RuleInput input)
        {
            RuleOutcome outcome = inner.Evaluate(input);
            clock.Now += cost.Ticks;
            if (checksInLoop)
                input.Budget.ThrowIfSpent();
            return outcome;
        }
    }

    [TestMethod]
    public void Rules_not_reached_within_the_budget_are_skipped_not_passed()
    {
        var clock = new TestClock();
        IRule[] rules = [.. RuleCatalog.BuiltIn];
        rules[0] = new SlowRule(rules[0], clock, TimeSpan.FromSeconds(3), checksInLoop: false);
        var analyzer = new OutreachAnalyzer(rules, budget: TimeSpan.FromSeconds(2), time: clock);

        AnalysisResult result = analyzer.Analyze(Build.Message("Hi Jane,\nI loved your piece on river towns. Could you review my CV? Happy to return the favour."), "it");

        Assert.AreNotEqual("check/out-of-time", result.Checks[0].DetailId, "the slow rule finished: its verdict stands");
        RuleCheck[] late = result.Checks.Skip(1).ToArray();
        Assert.IsTrue(late.All(c => c.Status == CheckStatus.Skipped && c.DetailId == "check/out-of-time"), string.Join("; ", late.Select(c => $"{c.Rule} {c.Status}")));
        StringAssert.Contains(late[0].Detail, "2 s");
        StringAssert.StartsWith(late[0].Detail, "Non controllato");
        Assert.AreEqual(late.Length, result.Truncated?.RulesOutOfTime);
        Assert.IsLessThanOrEqualTo(1, result.Coverage.Checked, "only the slow rule can count as checked");
        Assert.IsEmpty(result.Findings.Where(f => late.Any(c => c.Rule == f.Rule)));
    }

    [TestMethod]
    public void A_rule_stopped_inside_its_loop_is_skipped_and_its_partial_findings_dropped()
    {
        var clock = new TestClock();
        IRule[] rules = [.. RuleCatalog.BuiltIn];
        int greeting = Array.FindIndex(rules, r => r.Description.Name == "personal-greeting");
        rules[greeting] = new SlowRule(rules[greeting], clock, TimeSpan.FromSeconds(3), checksInLoop: true);
        var analyzer = new OutreachAnalyzer(rules, budget: TimeSpan.FromSeconds(2), time: clock);

        AnalysisResult result = analyzer.Analyze(Build.Message("Dear {{first_name}},\nCould you review my CV?"));

        RuleCheck check = result.Checks[greeting];
        Assert.AreEqual(CheckStatus.Skipped, check.Status);
        Assert.AreEqual("check/out-of-time", check.DetailId);
        Assert.IsEmpty(result.Findings.Where(f => f.Rule == "personal-greeting"), "an unfinished rule reports nothing it found on the way");
    }

    [TestMethod]
    public void Right_recipient_checks_the_budget_between_outlet_mentions()
    {
        // Every mention names a different outlet: no verdict can be reused, so the loop is long.
        string body = "Hi Jane,\n" + string.Concat(Enumerable.Range(0, 400).Select(i => $"This would be perfect for Outlet{(char)('A' + (i % 26))}{(char)('a' + (i / 26 % 26))}{i} readers.\n"));
        EmailAddress[] to = Enumerable.Range(0, 50).Select(i => new EmailAddress($"Person {i}", $"person{i}@outlet{i}.example")).ToArray();
        var clock = new TestClock { Step = TimeSpan.FromMilliseconds(10).Ticks };
        var analyzer = new OutreachAnalyzer(RuleCatalog.BuiltIn, budget: TimeSpan.FromSeconds(2), time: clock);

        AnalysisResult result = analyzer.Analyze(Build.Message(body, to: to));

        RuleCheck check = result.Checks.Single(c => c.Rule == "right-recipient");
        Assert.AreEqual(CheckStatus.Skipped, check.Status, check.Detail);
        Assert.AreEqual("check/out-of-time", check.DetailId);
        Assert.AreNotEqual("check/out-of-time", result.Checks.Single(c => c.Rule == "personal-greeting").DetailId, "rules before it ran");
    }

    [TestMethod]
    public void The_default_budget_clock_counts_this_threads_cpu_not_waiting()
    {
        Assert.IsTrue(!OperatingSystem.IsLinux() || ThreadCpuClock.IsCpuTime, "on Linux the thread's CPU time is read");
        if (!ThreadCpuClock.IsCpuTime)
            Assert.Inconclusive("no thread CPU clock on this platform: the budget falls back to the wall clock");
        ThreadCpuClock clock = ThreadCpuClock.Instance;

        long start = clock.GetTimestamp();
        Thread.Sleep(300);
        TimeSpan asleep = clock.GetElapsedTime(start);

        start = clock.GetTimestamp();
        long wallStart = System.Diagnostics.Stopwatch.GetTimestamp();
        double sink = 0;
        while (clock.GetElapsedTime(start) < TimeSpan.FromMilliseconds(50) && System.Diagnostics.Stopwatch.GetElapsedTime(wallStart) < TimeSpan.FromSeconds(30))
            sink += Math.Sqrt(sink + 1);

        Assert.IsLessThan(TimeSpan.FromMilliseconds(100), asleep, "sleeping costs no CPU");
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(50), clock.GetElapsedTime(start), $"work does ({sink:F0})");
    }
}
