using System.Text;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Reports;
using static OutreachAdvisor.Mailbox.Tests.TempMailbox;

namespace OutreachAdvisor.Mailbox.Tests;

/// <summary>Issue 15: bounded walks (15.2), recipients recovered from malformed headers (15.4), every message accounted for (15.5), large messages (15.7).</summary>
[TestClass]
public sealed class HardeningTests
{
    private const string Owner = "ann@lee.example";

    private static async Task<(List<ReportMail> Mail, IReadOnlyDictionary<string, int> Skipped)> ReadReportAsync(TempMailbox folder, DateTimeOffset? since = null)
    {
        var source = LocalReportMailSource.Open([folder.Root], Owner);
        var mail = new List<ReportMail>();
        await foreach (ReportMail message in source.ReadAsync(since ?? DateTimeOffset.MinValue, CancellationToken.None))
            mail.Add(message);
        return (mail, source.Skipped);
    }

    // ---- 15.2: directory links never followed, loops finish, everything passed over is counted ----

    [TestMethod]
    [Timeout(30_000)]
    public async Task A_folder_holding_two_links_to_itself_opens_in_seconds_and_counts_the_links()
    {
        using var folder = new TempMailbox();
        folder.Write("one.eml", Message(Owner, "Hello", to: "jane@shape.example", messageId: "<1@x>"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Root, "a"), ".");
        Directory.CreateSymbolicLink(Path.Combine(folder.Root, "b"), ".");

        LocalMailbox mailbox = await folder.OpenAsync();
        Assert.AreEqual(1, mailbox.MessageCount);
        Assert.AreEqual(2, mailbox.Skipped[SkipReasons.DirectoryLink]);

        (List<ReportMail> mail, IReadOnlyDictionary<string, int> skipped) = await ReadReportAsync(folder);
        Assert.HasCount(1, mail);
        Assert.AreEqual(2, skipped[SkipReasons.DirectoryLink]);
    }

    [TestMethod]
    [Timeout(30_000)]
    public async Task A_link_to_a_parent_folder_deep_inside_is_not_followed()
    {
        using var folder = new TempMailbox();
        folder.Write("inner/deeper/one.eml", Message(Owner, "Hello", to: "jane@shape.example", messageId: "<1@x>"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Root, "inner", "deeper", "up"), folder.Root);

        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.AreEqual(1, mailbox.MessageCount);
        Assert.AreEqual(1, mailbox.Skipped[SkipReasons.DirectoryLink]);
    }

    [TestMethod]
    public async Task An_unreadable_file_in_a_folder_is_skipped_and_counted_not_fatal()
    {
        using var folder = new TempMailbox();
        folder.Write("good.eml", Message(Owner, "Hello", to: "jane@shape.example", messageId: "<1@x>"));
        folder.Write("broken.mbox", "From x Mon Mar  2 10:00:00 2026\r\n\u0001\u0002");
        // A link to nowhere: it cannot be opened.
        File.CreateSymbolicLink(Path.Combine(folder.Root, "dangling.eml"), Path.Combine(folder.Root, "missing.eml"));

        (List<ReportMail> mail, IReadOnlyDictionary<string, int> skipped) = await ReadReportAsync(folder);

        Assert.HasCount(1, mail);
        Assert.IsGreaterThanOrEqualTo(1, skipped.GetValueOrDefault(SkipReasons.UnreadableFile));
    }

    // ---- 15.4: recipients and senders recovered from headers MimeKit refuses ----

    [TestMethod]
    public async Task A_recipient_written_with_an_unquoted_backslash_is_recovered_in_the_index()
    {
        using var folder = new TempMailbox();
        folder.Write("a.eml", Message(Owner, "Hello", to: @"Eva \orris <eva@org27.example>, Tom <tom@org28.example>", messageId: "<1@x>"));

        LocalMailbox mailbox = await folder.OpenAsync();

        CollectionAssert.AreEqual(new[] { "eva@org27.example", "tom@org28.example" }, mailbox.Messages.Single().To.ToArray());
    }

    [TestMethod]
    public async Task A_sender_written_with_an_unquoted_backslash_does_not_drop_the_message_from_the_report()
    {
        using var folder = new TempMailbox();
        folder.Write("a.eml", Message(@"Ann \ee <ann@lee.example>", "Hello", to: @"Eva \orris <eva@org27.example>", messageId: "<1@x>"));

        (List<ReportMail> mail, IReadOnlyDictionary<string, int> skipped) = await ReadReportAsync(folder);

        ReportMail message = mail.Single();
        Assert.AreEqual(Owner, message.From.Address);
        Assert.AreEqual("eva@org27.example", message.To.Single().Address);
        Assert.AreEqual("Eva orris", message.To.Single().Name);
        Assert.IsEmpty(skipped);
    }

    [TestMethod]
    public async Task A_report_message_whose_To_header_cannot_be_read_is_counted_and_marked_so_its_recipient_rules_are_skipped()
    {
        using var folder = new TempMailbox();
        folder.Write("a.eml", Message(Owner, "Unreadable", to: @"Eva \orris <no address here>", messageId: "<1@x>"));
        folder.Write("b.eml", Message(Owner, "Readable", to: "jane@shape.example", messageId: "<2@x>"));

        (List<ReportMail> mail, IReadOnlyDictionary<string, int> skipped) = await ReadReportAsync(folder);

        Assert.HasCount(2, mail);
        CollectionAssert.AreEqual(new[] { "To" }, mail.Single(m => m.Subject == "Unreadable").UnreadableRecipientHeaders.ToArray());
        Assert.IsEmpty(mail.Single(m => m.Subject == "Readable").UnreadableRecipientHeaders);
        Assert.IsEmpty(skipped);
    }

    [TestMethod]
    public async Task Check_reads_both_recipients_of_a_malformed_To_header()
    {
        string eml = Message(Owner, "Coffee?", to: @"Eva \orris <eva@org27.example>, Marco <marco@org28.example>");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(eml));

        MessageFileContent content = await MessageFile.ReadMessageAsync(stream, "test", CancellationToken.None);

        CollectionAssert.AreEqual(new[] { "eva@org27.example", "marco@org28.example" }, content.Message.To.Select(t => t.Address).ToArray());
        Assert.IsEmpty(content.UnreadableAddressHeaders);
        Assert.IsFalse(content.HasUnreadableRecipients);
    }

    [TestMethod]
    public async Task Check_marks_a_To_header_from_which_nothing_can_be_recovered()
    {
        string eml = Message(Owner, "Coffee?", to: @"Eva \orris <no address here>");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(eml));

        MessageFileContent content = await MessageFile.ReadMessageAsync(stream, "test", CancellationToken.None);

        Assert.IsEmpty(content.Message.To);
        CollectionAssert.AreEqual(new[] { "To" }, content.UnreadableAddressHeaders.ToArray());
        Assert.IsTrue(content.HasUnreadableRecipients);
    }

    // ---- 15: a recipient header only partly readable (some parts give an address, one gives none) ----

    [TestMethod]
    [DataRow("Ann Ito <ann@ito-lab.example>, Bob Smith <no address here>, carol@carol-studio.example", "ann@ito-lab.example,carol@carol-studio.example")]
    [DataRow("\"Rossi, Marco\" <marco@rossi-arch.example>, ???", "marco@rossi-arch.example")]
    [DataRow(@"ok@a-press.example, Eva \orris <eva@org-press.example>, ??? garbage", "ok@a-press.example,eva@org-press.example")]
    [DataRow("Editors: desk@paper.example, the night editor;", "desk@paper.example")]
    [DataRow("Li Wei <li@wei-design.example>; =?utf-8?q?Jos=C3=A9?=", "li@wei-design.example")]
    public async Task A_header_with_a_part_that_gives_no_address_is_marked_partly_readable(string to, string read)
    {
        string eml = Message(Owner, "Coffee?", to: to);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(eml));

        MessageFileContent content = await MessageFile.ReadMessageAsync(stream, "test", CancellationToken.None);

        CollectionAssert.AreEqual(read.Split(','), content.Message.To.Select(t => t.Address).ToArray());
        CollectionAssert.AreEqual(new[] { "To" }, content.PartlyReadableAddressHeaders.ToArray());
        CollectionAssert.AreEqual(new[] { "To" }, content.Message.PartlyReadableRecipientHeaders.ToArray());
        Assert.IsEmpty(content.UnreadableAddressHeaders, "addresses were read: the header is partly, not wholly, unreadable");
    }

    [TestMethod]
    [DataRow("\"Rossi, Marco\" <marco@rossi-arch.example>, jane@shape.example")]
    [DataRow("undisclosed-recipients:;")]
    [DataRow("Editors: desk@paper.example, night@paper.example;")]
    [DataRow(@"Eva \orris <eva@org27.example>, Tom <tom@org28.example>")]
    [DataRow("ann@ito-lab.example,, carol@carol-studio.example,")]
    public async Task A_header_whose_every_part_gives_an_address_is_not_marked(string to)
    {
        string eml = Message(Owner, "Coffee?", to: to);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(eml));

        MessageFileContent content = await MessageFile.ReadMessageAsync(stream, "test", CancellationToken.None);

        Assert.IsEmpty(content.PartlyReadableAddressHeaders);
        Assert.IsEmpty(content.Message.PartlyReadableRecipientHeaders);
        Assert.IsEmpty(content.UnreadableAddressHeaders);
    }

    [TestMethod]
    public async Task A_partly_readable_Cc_is_named_and_the_sender_is_not_a_recipient()
    {
        string eml = Message("Ann Lee <ann@lee.example>, not an address", "Coffee?", to: "jane@shape.example", cc: "Marco <marco@rossi-arch.example>, Marco's assistant");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(eml));

        MessageFileContent content = await MessageFile.ReadMessageAsync(stream, "test", CancellationToken.None);

        CollectionAssert.AreEquivalent(new[] { "From", "Cc" }, content.PartlyReadableAddressHeaders.ToArray());
        CollectionAssert.AreEqual(new[] { "Cc" }, content.Message.PartlyReadableRecipientHeaders.ToArray());
        Assert.AreEqual("ann@lee.example", content.Message.From?.Address);
    }

    [TestMethod]
    public async Task A_report_message_whose_To_is_partly_readable_is_counted_and_marked()
    {
        using var folder = new TempMailbox();
        folder.Write("a.eml", Message(Owner, "Partly", to: "Nadia Kerr <nadia@harbour-press.example>, Tomas (no address given)", messageId: "<1@x>"));
        folder.Write("b.eml", Message(Owner, "Whole", to: "nadia@harbour-press.example, tomas@ward-media.example", messageId: "<2@x>"));

        (List<ReportMail> mail, IReadOnlyDictionary<string, int> skipped) = await ReadReportAsync(folder);

        ReportMail partly = mail.Single(m => m.Subject == "Partly");
        Assert.AreEqual("nadia@harbour-press.example", partly.To.Single().Address);
        CollectionAssert.AreEqual(new[] { "To" }, partly.PartlyReadableRecipientHeaders.ToArray());
        Assert.IsEmpty(partly.UnreadableRecipientHeaders);
        Assert.IsEmpty(mail.Single(m => m.Subject == "Whole").PartlyReadableRecipientHeaders);
        Assert.IsEmpty(skipped);
    }

    // ---- 15.5: the best date, same id but different message, every message accounted for ----

    [TestMethod]
    public async Task Messages_without_a_Date_use_Received_then_the_mbox_line_then_the_file_time_and_say_which()
    {
        using var folder = new TempMailbox();
        string received = "Received: from mx.org27.example by mx.lee.example; Tue, 03 Mar 2026 11:00:00 +0000\r\n";
        folder.Write("received.eml", received + Message("eva@org27.example", "Re: Hello", to: Owner, messageId: "<r@x>", date: null));
        folder.Write("plain.eml", Message("tom@org28.example", "Hi", to: Owner, messageId: "<p@x>", date: null));
        folder.Write("box.mbox", "From tom@org28.example Wed Mar  4 09:30:00 2026\r\n" + Message("tom@org28.example", "Box", to: Owner, messageId: "<b@x>", date: null) + "\r\n");
        File.SetLastWriteTimeUtc(Path.Combine(folder.Root, "plain.eml"), new DateTime(2026, 3, 5, 8, 0, 0, DateTimeKind.Utc));

        (List<ReportMail> mail, IReadOnlyDictionary<string, int> skipped) = await ReadReportAsync(folder);

        Assert.HasCount(3, mail);
        Assert.IsEmpty(skipped);
        ReportMail fromReceived = mail.Single(m => m.Id == "r@x");
        Assert.AreEqual(new DateTimeOffset(2026, 3, 3, 11, 0, 0, TimeSpan.Zero), fromReceived.Date);
        Assert.AreEqual(ReportDateSources.Received, fromReceived.DateSource);
        ReportMail fromMbox = mail.Single(m => m.Id == "b@x");
        Assert.AreEqual(new DateTimeOffset(2026, 3, 4, 9, 30, 0, TimeSpan.Zero), fromMbox.Date);
        Assert.AreEqual(ReportDateSources.MboxSeparator, fromMbox.DateSource);
        ReportMail fromFile = mail.Single(m => m.Id == "p@x");
        Assert.AreEqual(new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero), fromFile.Date);
        Assert.AreEqual(ReportDateSources.FileTime, fromFile.DateSource);
    }

    [TestMethod]
    public async Task The_same_Message_Id_with_other_recipients_or_another_date_is_another_message()
    {
        using var folder = new TempMailbox();
        folder.Write("a.eml", Message(Owner, "Hello", to: "jane@shape.example", messageId: "<same@x>"));
        folder.Write("b.eml", Message(Owner, "Hello", to: "marco@studio.example", messageId: "<same@x>"));
        folder.Write("c.eml", Message(Owner, "Hello", to: "jane@shape.example", messageId: "<same@x>", date: "Tue, 10 Mar 2026 10:00:00 +0000"));
        // A true copy (an .mbox entry saved again as .eml): counted once, and the copy is accounted for.
        folder.Write("copy/a.eml", Message(Owner, "Hello", to: "jane@shape.example", messageId: "<same@x>"));

        (List<ReportMail> mail, IReadOnlyDictionary<string, int> skipped) = await ReadReportAsync(folder);
        LocalMailbox mailbox = await folder.OpenAsync();

        Assert.HasCount(3, mail);
        Assert.AreEqual(1, skipped[SkipReasons.Duplicate]);
        Assert.AreEqual(3, mailbox.MessageCount);
        Assert.AreEqual(1, mailbox.Skipped[SkipReasons.Duplicate]);
    }

    [TestMethod]
    public async Task Every_message_read_is_yielded_or_skipped_by_reason()
    {
        using var folder = new TempMailbox();
        folder.Write("ok.eml", Message(Owner, "Hello", to: "jane@shape.example", messageId: "<1@x>"));
        folder.Write("old.eml", Message(Owner, "Old", to: "jane@shape.example", messageId: "<2@x>", date: "Mon, 05 Jan 2026 10:00:00 +0000"));
        folder.Write("nobody.mbox", Mbox(Message(null, "Nobody", to: Owner, messageId: "<3@x>"), Message("tom@org28.example", "Tom", to: Owner, messageId: "<4@x>")));

        (List<ReportMail> mail, IReadOnlyDictionary<string, int> skipped) = await ReadReportAsync(folder, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.HasCount(2, mail);
        Assert.AreEqual(1, skipped[SkipReasons.BeforePeriod]);
        Assert.AreEqual(1, skipped[SkipReasons.NoSender]);
        Assert.AreEqual(4, mail.Count + skipped.Values.Sum());
    }

    // ---- 15.7: a message with a CV attached is checked; the body limit stays ----

    [TestMethod]
    public async Task A_message_with_a_large_attachment_is_read_and_only_its_text_is_analysed()
    {
        string boundary = "b0undary";
        var eml = new StringBuilder();
        eml.Append("From: Ann <ann@lee.example>\r\nTo: Jane <jane@shape.example>\r\nSubject: My CV\r\nMIME-Version: 1.0\r\n")
           .Append("Content-Type: multipart/mixed; boundary=\"").Append(boundary).Append("\"\r\n\r\n")
           .Append("--").Append(boundary).Append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDear Jane, my CV is attached.\r\n")
           .Append("--").Append(boundary).Append("\r\nContent-Type: application/pdf; name=cv.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        string line = new('A', 76);
        // About 3 MB of base64, several times the old 1 MB limit.
        for (int i = 0; i < 40_000; i++)
            eml.Append(line).Append("\r\n");
        eml.Append("--").Append(boundary).Append("--\r\n");
        string path = Path.Combine(Path.GetTempPath(), $"outreach-cv-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(path, eml.ToString());
        try
        {
            MessageInput message = await MessageFile.ReadAsync(path, CancellationToken.None);

            Assert.AreEqual("Dear Jane, my CV is attached.", message.Body.Trim());
            Assert.AreEqual("jane@shape.example", message.To.Single().Address);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public async Task A_text_body_over_the_analysis_limit_is_refused_in_one_line()
    {
        string eml = "From: ann@lee.example\r\nTo: jane@shape.example\r\nSubject: Long\r\n\r\n" + new string('a', MessageFile.MaxBodyChars + 10);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(eml));

        MessageFileException error = await Assert.ThrowsExactlyAsync<MessageFileException>(() => MessageFile.ReadAsync(stream, "long.eml", CancellationToken.None));

        StringAssert.Contains(error.Message, "body larger than 1 MB");
        Assert.DoesNotContain("\n", error.Message);
    }
}
