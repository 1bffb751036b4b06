using OutreachAdvisor.Mailbox;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Reports.Tests;

[TestClass]
public sealed class LocalReportMailSourceTests
{
    private static string SampleMailbox => Path.Combine(RepoPaths.Root, "samples", "mailbox");

    private static async Task<List<ReportMail>> ReadAllAsync(LocalReportMailSource source, DateTimeOffset since)
    {
        var all = new List<ReportMail>();
        await foreach (ReportMail mail in source.ReadAsync(since, CancellationToken.None))
            all.Add(mail);
        return all;
    }

    [TestMethod]
    public async Task Reads_every_message_with_bodies_only_for_the_owner()
    {
        List<ReportMail> mail = await ReadAllAsync(LocalReportMailSource.Open([SampleMailbox], "Ann@Lee.example"), DateTimeOffset.MinValue);

        Assert.HasCount(14, mail);
        ReportMail[] sent = mail.Where(m => m.From.Address == "ann@lee.example").ToArray();
        Assert.HasCount(7, sent);
        Assert.IsTrue(sent.All(m => !string.IsNullOrWhiteSpace(m.Body)));
        Assert.IsTrue(mail.Except(sent).All(m => m.Body is null));
        Assert.AreEqual("Jane Doe", sent.Single(m => m.Subject == "Your SHAPE piece on colour in wellness apps").To.Single().Name);
    }

    [TestMethod]
    public async Task A_reply_shares_the_conversation_of_the_message_it_answers()
    {
        List<ReportMail> mail = await ReadAllAsync(LocalReportMailSource.Open([SampleMailbox], "ann@lee.example"), DateTimeOffset.MinValue);

        ReportMail first = mail.Single(m => m.Subject == "Feedback on the Lumen onboarding screens");
        ReportMail reply = mail.Single(m => m.Subject == "Re: Feedback on the Lumen onboarding screens");
        Assert.AreEqual(first.Id, first.ConversationId);
        Assert.AreEqual(first.ConversationId, reply.ConversationId);

        string?[] newsletters = mail.Where(m => m.From.Address == "newsletter@news.example").Select(m => m.ConversationId).ToArray();
        Assert.HasCount(3, newsletters.Distinct());
    }

    [TestMethod]
    public async Task Since_leaves_out_older_messages()
    {
        List<ReportMail> mail = await ReadAllAsync(LocalReportMailSource.Open([SampleMailbox], "ann@lee.example"), new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.HasCount(3, mail);
    }

    [TestMethod]
    public async Task The_owner_is_found_when_not_given()
    {
        Assert.AreEqual("ann@lee.example", await LocalReportMailSource.FindOwnerAsync([SampleMailbox]));
    }

    [TestMethod]
    public void A_missing_path_fails_at_once()
    {
        MailboxException error = Assert.Throws<MailboxException>(() => LocalReportMailSource.Open(["/no/such/folder"], "ann@lee.example"));
        StringAssert.Contains(error.Message, "mailbox not found");
    }
}
