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
    public async Task Caller_cancellation_is_not_swallowed()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAsync<TaskCanceledException>(() => ContextGatherer.GatherAsync(Ask, PlainText.Of(Ask), new ContextSources { Mailbox = new FakeMailbox(TimeSpan.FromSeconds(5)) }, cancelled.Token));
    }
}
