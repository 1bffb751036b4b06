using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// Who counts as cold (contract section 6) and what the cold-outreach rules say about each recipient:
/// the reasons a recipient is known, the hint without a mailbox, one warning per cold recipient.
/// </summary>
[TestClass]
public sealed class ColdRecipientTests
{
    private const string Ask = "Hi Jane,\nCould you introduce me to your editor?";
    private static readonly EmailAddress Bob = new("Bob Grant", "bob@grant.example");

    private static AnalysisResult Analyze(MessageInput message, AnalysisContext context) => OutreachAnalyzer.Default.Analyze(message, context);

    private static RuleCheck Check(AnalysisResult result, string rule) => result.Checks.Single(c => c.Rule == rule);

    [TestMethod]
    public void Every_known_recipient_is_listed_with_the_reason_they_are_not_cold()
    {
        MessageInput message = Message(Ask, to: [Priya, Jane], cc: [Bob, Marco], priorContact: new() { [Marco.Address] = "met at the book fair" });
        AnalysisContext context = Mailbox(message, new() { [Jane.Address] = TwoWay }, contacts: [Bob.Address]);

        AnalysisResult result = Analyze(message, context);

        foreach (string rule in new[] { "engage-before-asking", "mutual-benefit", "specific-reference" })
        {
            RuleCheck check = Check(result, rule);
            Assert.AreEqual(CheckStatus.Passed, check.Status, rule);
            Assert.AreEqual("check/no-cold-recipient", check.DetailId, rule);
            Assert.AreEqual(
                "No cold recipient: priya.shah@lee.example is a colleague; jane@shape.example has written to you; bob@grant.example is in your contacts; " +
                "you engaged with marco.rossi@studio-rossi.example elsewhere (met at the book fair, as you said).",
                check.Detail, rule);
        }
    }

    [TestMethod]
    public void A_history_of_only_sent_mail_leaves_a_recipient_cold()
    {
        MessageInput message = Message(Ask);
        AnalysisResult result = Analyze(message, Mailbox(message, new() { [Jane.Address] = SentOnly }));

        Finding cold = result.Findings.Single(f => f.MessageId == "engage-before-asking/cold");
        Assert.AreEqual(Severity.Warning, cold.Severity);
        Assert.AreEqual(Jane.Address, cold.Recipient);
        Assert.AreEqual("Could you introduce me to your editor?", cold.Evidence.Single().Text);
        Assert.AreEqual(CheckStatus.Failed, Check(result, "engage-before-asking").Status);
    }

    [TestMethod]
    public void Each_cold_recipient_gets_a_warning_and_the_check_names_them_all()
    {
        MessageInput message = Message(Ask, to: [Jane, Bob], cc: [Priya]);
        AnalysisResult result = Analyze(message, Mailbox(message));

        string[] recipients = result.Findings.Where(f => f.MessageId == "engage-before-asking/cold").Select(f => f.Recipient!).ToArray();
        CollectionAssert.AreEqual(new[] { Jane.Address, Bob.Address }, recipients);
        RuleCheck check = Check(result, "engage-before-asking");
        Assert.AreEqual(CheckStatus.Failed, check.Status);
        StringAssert.Contains(check.Detail, Jane.Address);
        StringAssert.Contains(check.Detail, Bob.Address);
        Assert.DoesNotContain(Priya.Address, check.Detail);
    }

    [TestMethod]
    public void Without_a_mailbox_the_check_is_skipped_with_a_hint_and_the_reason()
    {
        MessageInput message = Message(Ask);
        AnalysisResult result = Analyze(message, AnalysisContext.FromMessageOnly(message, new Reason("mailbox/none")));

        RuleCheck check = Check(result, "engage-before-asking");
        Assert.AreEqual(CheckStatus.Skipped, check.Status);
        StringAssert.StartsWith(check.Detail, "Prior contact not checked: ");
        Finding hint = result.Findings.Single(f => f.Rule == "engage-before-asking");
        Assert.AreEqual(Severity.Info, hint.Severity);
        Assert.AreEqual("engage-before-asking/no-mailbox", hint.MessageId);
        Assert.AreEqual("Could you introduce me to your editor?", hint.Evidence.Single().Text);
    }

    [TestMethod]
    public void A_message_without_recipients_says_so()
    {
        MessageInput message = Message(Ask, to: []);
        AnalysisResult result = Analyze(message, Mailbox(message));

        RuleCheck check = Check(result, "engage-before-asking");
        Assert.AreEqual(CheckStatus.Passed, check.Status);
        Assert.AreEqual("known/no-recipients", check.DetailId);
    }

    [TestMethod]
    public void An_ask_only_in_the_subject_is_an_ask_without_evidence()
    {
        MessageInput message = Message("Hi Jane,\nThanks for the talk last week.", subject: "Could you review my CV?");
        AnalysisResult result = Analyze(message, Mailbox(message));

        Finding cold = result.Findings.Single(f => f.MessageId == "engage-before-asking/cold");
        Assert.IsEmpty(cold.Evidence);
    }
}
