using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Mailbox.Tests;

/// <summary>The histories that samples/mailbox/README.md promises; other samples rely on them.</summary>
[TestClass]
public sealed class SampleMailboxTests
{
    private const string Ann = "ann@lee.example";
    private static LocalMailbox Mailbox = null!;

    [ClassInitialize]
    public static async Task OpenSample(TestContext context)
    {
        Mailbox = await LocalMailbox.OpenAsync([SampleFolder()], context.CancellationToken);
    }

    [TestMethod]
    public void ReadsEveryMessageAndContact()
    {
        Assert.AreEqual(14, Mailbox.MessageCount);
        Assert.AreEqual(0, Mailbox.SkippedFiles);
        Assert.AreEqual(0, Mailbox.SkippedMessages);
        Assert.AreEqual(3, Mailbox.ContactCount);
        Assert.AreEqual(8, Mailbox.Messages.Select(m => m.ThreadId).Distinct().Count());
    }

    [TestMethod]
    [DataRow("marco.rossi@studio-rossi.example", 3, 2, 2)]
    [DataRow("tom@lee.example", 2, 2, 2)]
    [DataRow("jane@shape.example", 2, 0, 0)]
    [DataRow("newsletter@news.example", 0, 3, 0)]
    [DataRow("paolo.bianchi@galleria.example", 0, 0, 0)]
    [DataRow("nobody@elsewhere.example", 0, 0, 0)]
    public async Task HistoryMatchesTheSampleReadme(string recipient, int sentTo, int receivedFrom, int twoWayThreads)
    {
        RecipientHistory history = await Mailbox.GetHistoryAsync(Ann, recipient, CancellationToken.None);

        Assert.AreEqual(new RecipientHistory(sentTo, receivedFrom, twoWayThreads), history);
    }

    [TestMethod]
    public async Task AskingMarcoIsNotColdButAskingJaneIs()
    {
        RecipientHistory marco = await Mailbox.GetHistoryAsync(Ann, "marco.rossi@studio-rossi.example", CancellationToken.None);
        RecipientHistory jane = await Mailbox.GetHistoryAsync(Ann, "jane@shape.example", CancellationToken.None);

        Assert.IsTrue(marco.HasTwoWayContact);
        Assert.IsFalse(jane.HasTwoWayContact);
        Assert.IsTrue(jane.HasAnyContact);
    }

    [TestMethod]
    [DataRow("marco.rossi@studio-rossi.example", true)]
    [DataRow("tom@lee.example", true)]
    [DataRow("paolo.bianchi@galleria.example", true)]
    [DataRow("jane@shape.example", false)]
    [DataRow("newsletter@news.example", false)]
    public async Task ContactsComeFromTheVcfOnly(string address, bool expected)
    {
        Assert.AreEqual(expected, await Mailbox.IsContactAsync(address, CancellationToken.None));
    }

    [TestMethod]
    public async Task AnnsOrganisationIsHerDomain()
    {
        IReadOnlyCollection<string> domains = await Mailbox.GetOrganizationDomainsAsync(Ann, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "lee.example" }, domains.ToArray());
    }

    [TestMethod]
    public void TheItalianThreadHoldsItsThreeMessages()
    {
        var italian = Mailbox.Messages.Where(m => m.Subject.Contains("mostra di primavera", StringComparison.Ordinal)).ToList();

        Assert.HasCount(3, italian);
        Assert.AreEqual(1, italian.Select(m => m.ThreadId).Distinct().Count());
        CollectionAssert.AreEqual(
            new[] { Ann, "marco.rossi@studio-rossi.example", Ann },
            italian.Select(m => m.From).ToArray());
    }

    [TestMethod]
    public void MessagesAreHeaderRecordsOldestFirst()
    {
        MailHeaderRecord first = Mailbox.Messages[0];

        Assert.AreEqual(Ann, first.From);
        CollectionAssert.AreEqual(new[] { "marco.rossi@studio-rossi.example" }, first.To.ToArray());
        Assert.AreEqual("lumen-onboarding.20260203091500@lee.example", first.MessageId);
        Assert.AreEqual("Feedback on the Lumen onboarding screens", first.Subject);
        Assert.AreEqual(new DateTimeOffset(2026, 2, 3, 9, 15, 0, TimeSpan.FromHours(1)), first.Date);
        Assert.AreEqual("Re: Your SHAPE piece on colour in wellness apps", Mailbox.Messages[^1].Subject);
    }

    /// <summary>samples/mailbox, found by walking up from the test's output folder to the repository.</summary>
    private static string SampleFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "samples", "mailbox");
            if (File.Exists(Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("samples/mailbox not found above " + AppContext.BaseDirectory);
    }
}
