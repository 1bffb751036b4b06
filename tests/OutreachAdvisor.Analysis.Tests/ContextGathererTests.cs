using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests;

/// <summary>The context stage: concurrent sources, each within its budget; failures become reasons, never exceptions.</summary>
[TestClass]
public sealed class ContextGathererTests
{
    private sealed class FakeMailbox(TimeSpan delay, Exception? failure = null) : IMailbox
    {
        public string Name => "fake";
        public int Calls;

        public async Task<RecipientHistory> GetHistoryAsync(string sender, string recipient, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            await Task.Delay(delay, cancellationToken);
            return failure is null ? TwoWay : throw failure;
        }

        public Task<bool> IsContactAsync(string address, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<IReadOnlyCollection<string>> GetOrganizationDomainsAsync(string sender, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyCollection<string>>(["lee.example"]);
    }

    private sealed class FakeLanguage(TimeSpan delay, LanguageSignals? answer, Exception? failure = null) : ILanguageService
    {
        public string Name => "azure-ai-language";
        public string? LastText;

        public async Task<LanguageSignals> AnalyzeAsync(string text, string? languageHint, CancellationToken cancellationToken)
        {
            LastText = text;
            await Task.Delay(delay, cancellationToken);
            return failure is null ? answer! : throw failure;
        }
    }

    private sealed class FakeFoundAt(FoundAtStatus status) : IFoundAtChecker
    {
        public Task<FoundAtVerdict> CheckAsync(string address, string source, CancellationToken cancellationToken) =>
            Task.FromResult(new FoundAtVerdict(status, Reason.With("found-at/listed", ("form", source))));
    }

    /// <summary>A mailbox that knows nobody: every recipient outside the organisation is cold.</summary>
    private sealed class EmptyMailbox : IMailbox
    {
        public string Name => "empty";

        public Task<RecipientHistory> GetHistoryAsync(string sender, string recipient, CancellationToken cancellationToken) => Task.FromResult(RecipientHistory.None);

        public Task<bool> IsContactAsync(string address, CancellationToken cancellationToken) => Task.FromResult(address == "friend@partner.example");

        public Task<IReadOnlyCollection<string>> GetOrganizationDomainsAsync(string sender, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyCollection<string>>(["lee.example"]);
    }

    /// <summary>Finds every address it is asked about on "/contact" of its domain, after a delay; records what it was asked.</summary>
    private sealed class FakeDiscovery(TimeSpan delay) : IAddressDiscovery
    {
        public List<string> Asked { get; } = [];
        public TimeSpan? WaitGiven { get; private set; }

        public async Task<IReadOnlyList<FoundAtVerdict>> DiscoverAsync(IReadOnlyList<string> addresses, TimeSpan wait, CancellationToken cancellationToken)
        {
            lock (Asked)
                Asked.AddRange(addresses);
            WaitGiven = wait;
            await Task.Delay(delay, cancellationToken);
            return addresses.Select(a => new FoundAtVerdict(FoundAtStatus.Listed, Reason.With("discovery/listed", ("page", $"https://{a.Split('@')[1]}/contact")))
            {
                Discovered = true,
                Domain = a.Split('@')[1],
                Page = $"https://{a.Split('@')[1]}/contact",
                PagesRead = 2,
            }).ToArray();
        }
    }

    private static readonly MessageInput Ask = Message("Hi Jane,\nCould you review my CV?", to: [Jane, Marco], foundAt: new() { [Jane.Address] = "https://janedoe.example" });

    [TestMethod]
    public async Task Gathers_history_for_every_recipient_and_found_at_verdicts()
    {
        var mailbox = new FakeMailbox(TimeSpan.Zero);
        AnalysisContext context = await ContextGatherer.GatherAsync(Ask, PlainText.Of(Ask), new ContextSources { Mailbox = mailbox, FoundAt = new FakeFoundAt(FoundAtStatus.Listed) }, CancellationToken.None);
        Assert.AreEqual(2, mailbox.Calls);
        Assert.IsTrue(context.HasMailbox);
        Assert.AreEqual(TwoWay, context.For(Marco).History);
        Assert.AreEqual(FoundAtStatus.Listed, context.For(Jane).FoundAt!.Status);
        Assert.IsNull(context.For(Marco).FoundAt);
    }

    [TestMethod]
    public async Task A_slow_mailbox_is_given_up_on_and_the_reason_kept()
    {
        var sources = new ContextSources { Mailbox = new FakeMailbox(TimeSpan.FromSeconds(30)), MailboxTimeout = TimeSpan.FromMilliseconds(100) };
        AnalysisContext context = await ContextGatherer.GatherAsync(Ask, PlainText.Of(Ask), sources, CancellationToken.None);
        Assert.IsFalse(context.HasMailbox);
        StringAssert.Contains(context.MailboxUnavailableReason!.ToString(), "did not answer within 0.1 s");
        AnalysisResult result = OutreachAnalyzer.Default.Analyze(Ask, context);
        Assert.AreEqual(CheckStatus.Skipped, result.Checks.Single(c => c.Rule == "engage-before-asking").Status);
    }

    [TestMethod]
    public async Task A_failing_mailbox_is_a_reason_not_an_exception()
    {
        var sources = new ContextSources { Mailbox = new FakeMailbox(TimeSpan.Zero, new InvalidOperationException("Graph answered HTTP 500\nmore")) };
        AnalysisContext context = await ContextGatherer.GatherAsync(Ask, PlainText.Of(Ask), sources, CancellationToken.None);
        // The exception's own (English, possibly revealing) text stays out of what the reader sees.
        Assert.AreEqual("mailbox/failed", context.MailboxUnavailableReason!.Id);
        Assert.AreEqual("the mailbox (fake) could not be read", context.MailboxUnavailableReason.ToString());
        Assert.AreEqual("non è stato possibile leggere la casella di posta (fake)", Localizer.Render(context.MailboxUnavailableReason, "it"));
    }

    [TestMethod]
    public async Task Language_signals_are_gathered_from_the_plain_text()
    {
        MessageInput html = Message("<p>Hi&nbsp;Jane,</p><p>Could you help?</p>", format: BodyFormat.Html);
        var language = new FakeLanguage(TimeSpan.Zero, Signals("x"));
        AnalysisContext context = await ContextGatherer.GatherAsync(html, PlainText.Of(html), new ContextSources { Language = language }, CancellationToken.None);
        Assert.AreEqual("Hi Jane,\nCould you help?", language.LastText);
        Assert.IsNotNull(context.LanguageSignals);
        Assert.IsNull(context.LanguageUnavailableReason);
    }

    [TestMethod]
    public async Task A_slow_language_service_falls_back_to_the_built_in_analyzer_and_says_so()
    {
        var sources = new ContextSources { Language = new FakeLanguage(TimeSpan.FromSeconds(30), Signals("x")), LanguageTimeout = TimeSpan.FromMilliseconds(100) };
        AnalysisContext context = await ContextGatherer.GatherAsync(Ask, PlainText.Of(Ask), sources, CancellationToken.None);
        Assert.IsNull(context.LanguageSignals);
        AnalysisResult result = OutreachAnalyzer.Default.Analyze(Ask, context);
        StringAssert.Contains(result.Checks.Single(c => c.Rule == "specific-reference").Detail, "the built-in analyzer was used");
    }

    [TestMethod]
    public async Task A_language_the_built_in_detector_cannot_tell_is_taken_from_the_service()
    {
        MessageInput shortItalian = Message("Caffè?", subject: "");
        var signals = new LanguageSignals("it", 0.99, [], [], []);
        AnalysisContext context = await ContextGatherer.GatherAsync(shortItalian, PlainText.Of(shortItalian), new ContextSources { Language = new FakeLanguage(TimeSpan.Zero, signals) }, CancellationToken.None);
        Assert.AreEqual("und", OutreachAnalyzer.Default.Analyze(shortItalian).Language);
        Assert.AreEqual("it", OutreachAnalyzer.Default.Analyze(shortItalian, context).Language);
    }

    [TestMethod]
    public async Task Discovery_is_asked_only_about_cold_recipients_at_an_organisations_domain_without_a_page()
    {
        EmailAddress cold = new("Eva Neri", "eva.neri@studio-neri.example");
        EmailAddress colleague = new("Bob Lee", "bob@lee.example");
        EmailAddress contact = new("A Friend", "friend@partner.example");
        EmailAddress webmail = new("Someone", "someone@gmail.com");
        EmailAddress role = new("Redazione", "redazione@giornale.example");
        MessageInput message = Message("Hi,\nCould you review my CV?", to: [cold, colleague, contact, webmail, role, Jane],
            foundAt: new() { [Jane.Address] = "https://janedoe.example" });
        var discovery = new FakeDiscovery(TimeSpan.Zero);

        AnalysisContext context = await ContextGatherer.GatherAsync(message, PlainText.Of(message),
            new ContextSources { Mailbox = new EmptyMailbox(), FoundAt = new FakeFoundAt(FoundAtStatus.NotListed), Discovery = discovery }, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { cold.Address }, discovery.Asked);
        Assert.AreEqual("https://studio-neri.example/contact", context.For(cold).FoundAt!.Page);
        Assert.IsTrue(context.For(cold).FoundAt!.Discovered);
        // The page the user gave stays the verdict for Jane: discovery never overrides it.
        Assert.AreEqual(FoundAtStatus.NotListed, context.For(Jane).FoundAt!.Status);
        Assert.IsFalse(context.For(Jane).FoundAt!.Discovered);
        Assert.IsNull(context.For(webmail).FoundAt);
        Assert.IsNull(context.For(role).FoundAt);

        AnalysisResult result = OutreachAnalyzer.Default.Analyze(message, context);
        Assert.AreEqual(CheckStatus.Failed, result.Checks.Single(c => c.Rule == "listed-address").Status, "Jane is missing from the page given");
    }

    [TestMethod]
    public async Task Without_discovery_a_recipient_with_no_page_gets_the_question_and_no_verdict()
    {
        EmailAddress cold = new("Eva Neri", "eva.neri@studio-neri.example");
        MessageInput message = Message("Hi Eva,\nCould you review my CV?", to: [cold]);

        AnalysisContext context = await ContextGatherer.GatherAsync(message, PlainText.Of(message), new ContextSources { Mailbox = new EmptyMailbox() }, CancellationToken.None);

        Assert.IsNull(context.For(cold).FoundAt);
        AnalysisResult result = OutreachAnalyzer.Default.Analyze(message, context);
        Assert.AreEqual(CheckStatus.Skipped, result.Checks.Single(c => c.Rule == "listed-address").Status);
        Assert.IsNull(result.Checks.Single(c => c.Rule == "listed-address").Links, "no page was read, so none is named");
        Assert.AreEqual("listed-address/where-found", result.Findings.Single(f => f.Rule == "listed-address").MessageId);
    }

    [TestMethod]
    public async Task A_found_address_passes_naming_the_page()
    {
        EmailAddress cold = new("Eva Neri", "eva.neri@studio-neri.example");
        MessageInput message = Message("Hi Eva,\nCould you review my CV?", to: [cold]);

        AnalysisContext context = await ContextGatherer.GatherAsync(message, PlainText.Of(message),
            new ContextSources { Mailbox = new EmptyMailbox(), Discovery = new FakeDiscovery(TimeSpan.Zero) }, CancellationToken.None);

        RuleCheck check = OutreachAnalyzer.Default.Analyze(message, context).Checks.Single(c => c.Rule == "listed-address");
        Assert.AreEqual(CheckStatus.Passed, check.Status);
        StringAssert.Contains(check.Detail, "eva.neri@studio-neri.example on https://studio-neri.example/contact");
        CollectionAssert.AreEqual(new[] { "https://studio-neri.example/contact" }, check.Links!.ToArray(), "the add-in shows the page as a link");
    }

    [TestMethod]
    public async Task Discovery_that_outlasts_its_wait_is_still_looking_and_the_stage_does_not_wait_for_it()
    {
        EmailAddress cold = new("Eva Neri", "eva.neri@studio-neri.example");
        MessageInput message = Message("Hi Eva,\nCould you review my CV?", to: [cold]);
        var discovery = new FakeDiscovery(TimeSpan.FromSeconds(30));
        var sources = new ContextSources { Mailbox = new EmptyMailbox(), Discovery = discovery, DiscoveryWait = TimeSpan.FromMilliseconds(200) };

        var watch = System.Diagnostics.Stopwatch.StartNew();
        AnalysisContext context = await ContextGatherer.GatherAsync(message, PlainText.Of(message), sources, CancellationToken.None);
        watch.Stop();

        // The fake ignores its wait, so the stage's own limit (wait + 0.5 s grace) is what returned.
        Assert.IsLessThan(5_000, watch.ElapsedMilliseconds, $"{watch.ElapsedMilliseconds} ms");
        Assert.AreEqual(TimeSpan.FromMilliseconds(200), discovery.WaitGiven);
        FoundAtVerdict verdict = context.For(cold).FoundAt!;
        Assert.AreEqual(FoundAtStatus.Unavailable, verdict.Status);
        Assert.AreEqual("discovery/still-looking", verdict.Detail.Id);
        RuleCheck check = OutreachAnalyzer.Default.Analyze(message, context).Checks.Single(c => c.Rule == "listed-address");
        Assert.AreEqual(CheckStatus.Skipped, check.Status);
        StringAssert.Contains(check.Detail, "still looking on studio-neri.example's pages");
    }

    [TestMethod]
    public async Task Discovery_never_waits_past_the_found_at_budget()
    {
        EmailAddress cold = new("Eva Neri", "eva.neri@studio-neri.example");
        MessageInput message = Message("Hi Eva,\nCould you review my CV?", to: [cold]);
        var discovery = new FakeDiscovery(TimeSpan.Zero);
        var sources = new ContextSources { Mailbox = new EmptyMailbox(), Discovery = discovery, FoundAtTimeout = TimeSpan.FromSeconds(1), DiscoveryWait = TimeSpan.FromSeconds(3) };

        await ContextGatherer.GatherAsync(message, PlainText.Of(message), sources, CancellationToken.None);

        Assert.IsNotNull(discovery.WaitGiven);
        Assert.IsLessThanOrEqualTo(TimeSpan.FromSeconds(1), discovery.WaitGiven.Value);
    }

    [TestMethod]
    public async Task Caller_cancellation_is_not_swallowed()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAsync<TaskCanceledException>(() => ContextGatherer.GatherAsync(Ask, PlainText.Of(Ask), new ContextSources { Mailbox = new FakeMailbox(TimeSpan.FromSeconds(5)) }, cancelled.Token));
    }
}
