using OutreachAdvisor.Mailbox.Reading;

namespace OutreachAdvisor.Mailbox.Tests;

[TestClass]
public sealed class ContactsAndDomainsTests
{
    private const string TwoCards =
        "BEGIN:VCARD\r\n" +
        "VERSION:3.0\r\n" +
        "FN:Someone With A Long Address\r\n" +
        // Folded in the middle of the address: the break and one space are removed.
        "EMAIL;TYPE=INTERNET:very.long.address.for.folding@exa\r\n" +
        " mple.org\r\n" +
        "END:VCARD\r\n" +
        "BEGIN:VCARD\r\n" +
        "VERSION:4.0\r\n" +
        "FN:Two Addresses\r\n" +
        "item1.EMAIL;TYPE=work:Second@Example.NET\r\n" +
        "EMAIL:third@example.net\r\n" +
        "NOTE:an email: is not here@all\r\n" +
        "END:VCARD\r\n";

    [TestMethod]
    public async Task ReadsEveryCardAndUnfoldsLines()
    {
        using var folder = new TempMailbox();
        folder.Write("contacts.vcf", TwoCards);

        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.AreEqual(3, mailbox.ContactCount);
        Assert.IsTrue(await mailbox.IsContactAsync("very.long.address.for.folding@example.org", CancellationToken.None));
        Assert.IsTrue(await mailbox.IsContactAsync(" second@example.net ", CancellationToken.None));
        Assert.IsTrue(await mailbox.IsContactAsync("THIRD@example.net", CancellationToken.None));
        Assert.IsFalse(await mailbox.IsContactAsync("here@all", CancellationToken.None));
    }

    [TestMethod]
    public void VCardParserReturnsAddressesInOrder()
    {
        CollectionAssert.AreEqual(
            new[] { "very.long.address.for.folding@example.org", "second@example.net", "third@example.net" },
            VCardReader.ReadAddresses(TwoCards)!.ToArray());
        Assert.IsNull(VCardReader.ReadAddresses("EMAIL:x@y.example\n"));
    }

    [TestMethod]
    public async Task MailExchangedDoesNotMakeAContact()
    {
        using var folder = new TempMailbox();
        folder.Write("a.eml", TempMailbox.Message("friend@ext.example", "Hi", to: "me@corp.example"));

        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.IsFalse(await mailbox.IsContactAsync("friend@ext.example", CancellationToken.None));
    }

    [TestMethod]
    public async Task VcfWithoutCardsInAFolderIsSkipped()
    {
        using var folder = new TempMailbox();
        folder.Write("empty.vcf", "nothing here\n");

        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.AreEqual(1, mailbox.SkippedFiles);
        Assert.AreEqual(0, mailbox.ContactCount);
    }

    [TestMethod]
    [DataRow("someone@gmail.com")]
    [DataRow("Someone@Outlook.com")]
    [DataRow("someone@gmx.de")]
    [DataRow("someone@yahoo.co.uk")]
    [DataRow("qualcuno@libero.it")]
    [DataRow("someone@proton.me")]
    [DataRow("not-an-address")]
    public async Task WebmailSendersHaveNoOrganisation(string sender)
    {
        using var folder = new TempMailbox();
        LocalMailbox mailbox = await folder.OpenAsync();

        IReadOnlyCollection<string> domains = await mailbox.GetOrganizationDomainsAsync(sender, CancellationToken.None);

        Assert.IsEmpty(domains);
    }

    [TestMethod]
    [DataRow("ann@lee.example", "lee.example")]
    [DataRow(" Ann@Mail.Studio-Rossi.example ", "mail.studio-rossi.example")]
    [DataRow("someone@gmail.company.example", "gmail.company.example")]
    public async Task OtherSendersHaveTheirOwnDomain(string sender, string domain)
    {
        using var folder = new TempMailbox();
        LocalMailbox mailbox = await folder.OpenAsync();

        IReadOnlyCollection<string> domains = await mailbox.GetOrganizationDomainsAsync(sender, CancellationToken.None);

        CollectionAssert.AreEqual(new[] { domain }, domains.ToArray());
    }

    [TestMethod]
    [DataRow("Re: Hello", "hello")]
    [DataRow("RE: Fwd: FW: hello", "hello")]
    [DataRow("R: I: RIF: Ciao  Marco", "ciao marco")]
    [DataRow("AW: Re[2]: Angebot", "angebot")]
    [DataRow("Regarding: the plan", "regarding: the plan")]
    [DataRow("  ", "")]
    public void SubjectsLoseReplyAndForwardPrefixes(string subject, string expected)
    {
        Assert.AreEqual(expected, SubjectNormalizer.Normalize(subject));
    }
}
