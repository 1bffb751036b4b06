using static OutreachAdvisor.Mailbox.Tests.TempMailbox;

namespace OutreachAdvisor.Mailbox.Tests;

[TestClass]
public sealed class OpeningTests
{
    [TestMethod]
    public async Task MissingPathThrowsOneLineMailboxException()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-mailbox-" + Guid.NewGuid().ToString("N"));

        MailboxException error = await Assert.ThrowsExactlyAsync<MailboxException>(() => LocalMailbox.OpenAsync([missing]));

        Assert.AreEqual("mailbox not found: " + missing, error.Message);
    }

    [TestMethod]
    public async Task NamedFileOfUnknownKindIsNotAMailbox()
    {
        using var folder = new TempMailbox();
        string notes = folder.Write("notes.txt", "hello");

        MailboxException error = await Assert.ThrowsExactlyAsync<MailboxException>(() => LocalMailbox.OpenAsync([notes]));

        Assert.AreEqual("not a mailbox file: " + notes, error.Message);
    }

    [TestMethod]
    public async Task NamedMalformedMessageIsAnErrorNotASkip()
    {
        using var folder = new TempMailbox();
        string broken = folder.Write("broken.eml", "\u0001\u0002 not mail");

        MailboxException error = await Assert.ThrowsExactlyAsync<MailboxException>(() => LocalMailbox.OpenAsync([broken]));

        Assert.StartsWith("not a mailbox file: " + broken, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [TestMethod]
    public async Task MessageWithoutAuthorInAFolderIsSkipped()
    {
        using var folder = new TempMailbox();
        folder.Write("a.eml", Message(from: null, "No author", to: "x@ext.example"));
        folder.Write("b.eml", Message("me@corp.example", "Fine", to: "x@ext.example"));

        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.AreEqual(1, mailbox.MessageCount);
        Assert.AreEqual(1, mailbox.SkippedFiles);
    }

    [TestMethod]
    public async Task EmptyFolderIsAnEmptyMailbox()
    {
        using var folder = new TempMailbox();

        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.AreEqual(0, mailbox.MessageCount);
        Assert.AreEqual(0, mailbox.SkippedFiles);
        Assert.AreEqual(0, (await mailbox.GetHistoryAsync("a@b.example", "c@d.example", CancellationToken.None)).SentTo);
    }

    [TestMethod]
    public async Task SingleFilesCanBeNamedAndAreReadOnce()
    {
        using var folder = new TempMailbox();
        string eml = folder.Write("one.eml", Message("me@corp.example", "One", to: "x@ext.example", messageId: "<one@corp.example>"));
        string mbox = folder.Write("two.mbox", Mbox(Message("me@corp.example", "Two", to: "x@ext.example", messageId: "<two@corp.example>")));

        // The folder and the files in it: each file is read once.
        LocalMailbox mailbox = await LocalMailbox.OpenAsync([eml, mbox, folder.Root]);

        Assert.AreEqual(2, mailbox.MessageCount);
    }

    [TestMethod]
    public async Task SameMessageSavedTwiceCountsOnce()
    {
        using var folder = new TempMailbox();
        string message = Message("me@corp.example", "Hello", to: "x@ext.example", messageId: "<same@corp.example>");
        folder.Write("copy.eml", message);
        folder.Write("sent.mbox", Mbox(message));

        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.AreEqual(1, mailbox.MessageCount);
        Assert.AreEqual(1, (await mailbox.GetHistoryAsync("me@corp.example", "x@ext.example", CancellationToken.None)).SentTo);
    }

    [TestMethod]
    public async Task EmlWithAnMboxFromLineIsRead()
    {
        using var folder = new TempMailbox();
        folder.Write("saved.eml", Mbox(Message("me@corp.example", "Saved", to: "x@ext.example")));

        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.AreEqual(1, mailbox.MessageCount);
        Assert.AreEqual(0, mailbox.SkippedFiles);
    }

    [TestMethod]
    public async Task MboxEntryWithoutAuthorIsSkippedAndCounted()
    {
        using var folder = new TempMailbox();
        folder.Write("sent.mbox", Mbox(
            Message("me@corp.example", "First", to: "x@ext.example"),
            Message(from: null, "Draft", to: "x@ext.example"),
            Message("me@corp.example", "Third", to: "x@ext.example")));

        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.AreEqual(2, mailbox.MessageCount);
        Assert.AreEqual(1, mailbox.SkippedMessages);
        Assert.AreEqual(0, mailbox.SkippedFiles);
    }

    [TestMethod]
    public async Task SenderStandsInForAMissingFrom()
    {
        using var folder = new TempMailbox();
        folder.Write("a.eml", Message(from: null, "Sent by an assistant", to: "x@ext.example", sender: "assistant@corp.example"));

        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.AreEqual("assistant@corp.example", mailbox.Messages.Single().From);
    }

    [TestMethod]
    public async Task OpensAThousandMessagesAndCountsThem()
    {
        using var folder = new TempMailbox();
        for (int i = 0; i < 1000; i++)
        {
            folder.Write($"inbox/{i:D4}.eml", Message(
                $"person{i % 50}@ext.example", $"Subject {i % 200}", to: "me@corp.example",
                messageId: $"<m{i}@ext.example>", inReplyTo: i % 3 == 0 ? null : $"<m{i - 1}@ext.example>"));
        }

        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.AreEqual(1000, mailbox.MessageCount);
        Assert.AreEqual(20, (await mailbox.GetHistoryAsync("me@corp.example", "person7@ext.example", CancellationToken.None)).ReceivedFrom);
    }
}
