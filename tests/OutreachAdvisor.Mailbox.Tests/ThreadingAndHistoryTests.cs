using OutreachAdvisor.Analysis.Context;
using static OutreachAdvisor.Mailbox.Tests.TempMailbox;

namespace OutreachAdvisor.Mailbox.Tests;

/// <summary>
/// A generated mailbox of me@corp.example, mixing .eml files, an .mbox, a file named "mbox", a
/// malformed .eml and an unrelated file, with one thread per way of threading.
/// </summary>
[TestClass]
public sealed class ThreadingAndHistoryTests
{
    private const string Me = "me@corp.example";
    private static TempMailbox Folder = null!;
    private static LocalMailbox Mailbox = null!;

    [ClassInitialize]
    public static async Task CreateMailbox(TestContext context)
    {
        Folder = new TempMailbox();

        // Thread "Plan": joined by References (a3 lists both earlier messages).
        Folder.Write("sent.mbox", Mbox(
            Message(Me, "Plan", to: "x@ext.example", messageId: "<a1@corp.example>"),
            Message(Me, "Re: Plan", to: "x@ext.example", messageId: "<a3@corp.example>", references: "<a1@corp.example> <a2@ext.example>"),
            // Bcc: only the sender's copy shows it, and it counts as sent to that recipient.
            Message(Me, "Plan update", to: "x@ext.example", bcc: "secret@ext.example", messageId: "<e1@corp.example>")));
        Folder.Write("inbox/a2.eml", Message("X <x@ext.example>", "Re: Plan", to: Me, messageId: "<a2@ext.example>", references: "<a1@corp.example>", inReplyTo: "<a1@corp.example>"));

        // Thread "Budget": the reply has In-Reply-To only and a subject of its own, so nothing
        // else could join it; its author also shouts the address in capitals.
        Folder.Write("sent/b1.eml", Message(Me, "Budget", to: "y@ext.example", messageId: "<b1@corp.example>"));
        Folder.Write("inbox/b2.eml", Message("Y <Y@Ext.EXAMPLE>", "The numbers you asked for", to: Me, messageId: "<b2@ext.example>", inReplyTo: "<b1@corp.example>"));

        // Thread "Lunch on Friday": the reply has no references at all, so the subject joins it.
        Folder.Write("archive/mbox", Mbox(
            Message(Me, "Lunch on Friday", to: "z@ext.example", messageId: "<c1@corp.example>"),
            Message("z@ext.example", "RE: Fwd: Lunch on Friday", to: Me, messageId: "<c2@ext.example>")));

        // Same subject, but its References point elsewhere: it must not join "Lunch on Friday".
        Folder.Write("inbox/d1.eml", Message("w@ext.example", "Re: Lunch on Friday", to: Me, messageId: "<d1@ext.example>", references: "<unrelated@else.example>"));

        Folder.Write("inbox/broken.eml", "this is not a mail message\n\u0001\u0002\n");
        Folder.Write("inbox/notes.txt", "not read: unknown extension");

        Mailbox = await Folder.OpenAsync();
    }

    [ClassCleanup]
    public static void DeleteMailbox() => Folder.Dispose();

    [TestMethod]
    public void CountsReadAndSkippedFiles()
    {
        Assert.AreEqual(9, Mailbox.MessageCount);
        Assert.AreEqual(1, Mailbox.SkippedFiles);
        Assert.AreEqual(0, Mailbox.SkippedMessages);
    }

    [TestMethod]
    public void ThreadsByReferences()
    {
        Assert.AreEqual(1, ThreadsOf("a1@corp.example", "a2@ext.example", "a3@corp.example"));
    }

    [TestMethod]
    public void ThreadsByInReplyToAlone()
    {
        Assert.AreEqual(1, ThreadsOf("b1@corp.example", "b2@ext.example"));
    }

    [TestMethod]
    public void ThreadsBySubjectWhenThereAreNoReferences()
    {
        Assert.AreEqual(1, ThreadsOf("c1@corp.example", "c2@ext.example"));
    }

    [TestMethod]
    public void NeverThreadsBySubjectWhenReferencesExist()
    {
        Assert.AreEqual(2, ThreadsOf("c1@corp.example", "d1@ext.example"));
    }

    [TestMethod]
    public void EveryOtherMessageIsItsOwnThread()
    {
        Assert.AreEqual(5, Mailbox.Messages.Select(m => m.ThreadId).Distinct().Count());
    }

    [TestMethod]
    [DataRow("x@ext.example", 3, 1, 1)]
    [DataRow("y@ext.example", 1, 1, 1)]
    [DataRow("z@ext.example", 1, 1, 1)]
    [DataRow("w@ext.example", 0, 1, 0)]
    [DataRow("secret@ext.example", 1, 0, 0)]
    [DataRow("unknown@ext.example", 0, 0, 0)]
    public async Task HistoryOfEachRecipient(string recipient, int sentTo, int receivedFrom, int twoWayThreads)
    {
        RecipientHistory history = await Mailbox.GetHistoryAsync(Me, recipient, CancellationToken.None);

        Assert.AreEqual(new RecipientHistory(sentTo, receivedFrom, twoWayThreads), history);
    }

    [TestMethod]
    public async Task AddressesCompareCaseInsensitivelyAndTrimmed()
    {
        RecipientHistory history = await Mailbox.GetHistoryAsync("  ME@Corp.Example ", " Y@EXT.example\t", CancellationToken.None);

        Assert.AreEqual(new RecipientHistory(1, 1, 1), history);
        Assert.IsTrue(Mailbox.Messages.All(m => string.Equals(m.From, m.From.ToLowerInvariant(), StringComparison.Ordinal)));
    }

    [TestMethod]
    public void BccIsKeptInTheRecord()
    {
        MailHeaderRecord update = Mailbox.Messages.Single(m => m.MessageId == "e1@corp.example");

        CollectionAssert.AreEqual(new[] { "secret@ext.example" }, update.Bcc.ToArray());
        CollectionAssert.AreEqual(new[] { "x@ext.example" }, update.To.ToArray());
    }

    [TestMethod]
    public async Task HistoryIsSeenFromTheSenderGiven()
    {
        // From x's side: x wrote once to me; me wrote five messages in all (to anyone).
        RecipientHistory history = await Mailbox.GetHistoryAsync("x@ext.example", Me, CancellationToken.None);

        Assert.AreEqual(new RecipientHistory(1, 5, 1), history);
    }

    private static int ThreadsOf(params string[] messageIds)
    {
        var messages = Mailbox.Messages.Where(m => messageIds.Contains(m.MessageId)).ToList();
        Assert.HasCount(messageIds.Length, messages);
        return messages.Select(m => m.ThreadId).Distinct().Count();
    }
}
