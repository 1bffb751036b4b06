using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// The limits of no-automation that the must-fire and must-not-fire lists do not pin: how far a link may
/// stand from a promotional phrase, how many Bcc recipients make a mass mailing, whose links count.
/// </summary>
[TestClass]
public sealed class NoAutomationBoundaryTests
{
    private const string Rule = "no-automation";
    private const string ConnectPhrase = "Hi Jane,\nIt was great to meet you at the fair. Let's connect on LinkedIn";
    private const string Link = "https://linkedin.example/in/ann";

    private static AnalysisResult Analyze(MessageInput message, AnalysisContext? context = null) =>
        OutreachAnalyzer.Default.Analyze(message, context ?? AnalysisContext.FromMessageOnly(message));

    private static Finding[] Findings(AnalysisResult result, string key) =>
        result.Findings.Where(f => f.MessageId == Rule + "/" + key).ToArray();

    private static EmailAddress[] Strangers(int count) =>
        Enumerable.Range(1, count).Select(i => new EmailAddress(null, $"reader{i}@outlet{i}.example")).ToArray();

    /// <summary>"Let's connect on LinkedIn" followed, <paramref name="gap"/> characters later, by a link.</summary>
    private static MessageInput ConnectThenLinkAfter(int gap)
    {
        const string words = " - here is my profile, I hope we can keep talking about the ideas:";
        string filler = words.Length >= gap ? words[..gap] : words + new string(' ', gap - words.Length);
        return Message(ConnectPhrase + filler + Link + "\nAnn");
    }

    [TestMethod]
    public void A_link_sixty_characters_after_a_connect_phrase_is_promoted()
    {
        MessageInput message = ConnectThenLinkAfter(60);
        Finding finding = Findings(Analyze(message), "promoted-links").Single();

        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual(Link, finding.Evidence.Single().Text);
        Assert.AreEqual(message.Body.IndexOf(Link, StringComparison.Ordinal), finding.Evidence.Single().Start);
        StringAssert.StartsWith(finding.Message, "The message pushes 1 self-promotional link ");
    }

    [TestMethod]
    public void A_link_sixty_one_characters_after_a_connect_phrase_is_not()
    {
        AnalysisResult result = Analyze(ConnectThenLinkAfter(61));

        Assert.IsEmpty(Findings(result, "promoted-links"));
        Assert.AreEqual(CheckStatus.Passed, result.Checks.Single(c => c.Rule == Rule).Status);
    }

    [TestMethod]
    public void A_link_before_the_connect_phrase_is_not_promoted_by_it()
    {
        AnalysisResult result = Analyze(Message("Hi Jane,\nI read " + "https://shape.example/piece" + " twice. Let's connect on LinkedIn some time."));

        Assert.IsEmpty(Findings(result, "promoted-links"));
    }

    [TestMethod]
    public void Five_outside_people_in_Bcc_are_a_mass_mailing_four_are_not()
    {
        MessageInput five = Message("Hi,\nHere is our spring catalogue.", to: [Ann], bcc: Strangers(5));
        MessageInput four = Message("Hi,\nHere is our spring catalogue.", to: [Ann], bcc: Strangers(4));

        Finding mass = Findings(Analyze(five), "mass-bcc").Single();
        Assert.AreEqual(Severity.Warning, mass.Severity);
        StringAssert.StartsWith(mass.Message, "The message goes to 5 people in Bcc");
        Assert.IsEmpty(Findings(Analyze(four), "mass-bcc"));
    }

    [TestMethod]
    public void Colleagues_in_Bcc_are_no_mass_mailing()
    {
        EmailAddress[] colleagues = Enumerable.Range(1, 6).Select(i => new EmailAddress(null, $"staff{i}@lee.example")).ToArray();
        MessageInput message = Message("Hi,\nHere is our spring catalogue.", to: [Jane], bcc: colleagues);

        Assert.IsEmpty(Findings(Analyze(message), "mass-bcc"));
    }

    [TestMethod]
    public void A_mass_mailing_in_a_language_that_is_not_checked_still_fails()
    {
        const string german = "Sehr geehrte Damen und Herren,\nanbei finden Sie unseren neuen Katalog für das Frühjahr. Wir freuen uns auf Ihre Bestellung.";
        AnalysisResult quiet = Analyze(Message(german, to: [Ann], bcc: Strangers(2)));
        AnalysisResult mass = Analyze(Message(german, to: [Ann], bcc: Strangers(6)));

        Assert.AreEqual(CheckStatus.Skipped, quiet.Checks.Single(c => c.Rule == Rule).Status);
        Assert.AreEqual(CheckStatus.Failed, mass.Checks.Single(c => c.Rule == Rule).Status);
        Assert.HasCount(1, Findings(mass, "mass-bcc"));
    }

    [TestMethod]
    public void Links_on_a_subdomain_of_the_recipients_site_are_references_not_a_dump()
    {
        AnalysisResult result = Analyze(Message("Hi Jane,\nI loved https://blog.shape.example/running and https://www.shape.example/recovery?ref=home."));

        Assert.IsEmpty(Findings(result, "promoted-links"));
    }

    [TestMethod]
    public void Links_on_a_public_mail_domain_are_the_senders_even_when_the_recipient_writes_from_it()
    {
        // jane@gmail.com does not own gmail.com: two links there are still two links of the sender's.
        EmailAddress gmailJane = new("Jane Doe", "jane@gmail.com");
        AnalysisResult result = Analyze(Message("Hi Jane,\nSee https://gmail.com/a and https://gmail.com/b", to: [gmailJane]));

        Assert.HasCount(2, Findings(result, "promoted-links").Single().Evidence);
    }

    [TestMethod]
    public void A_domain_that_only_ends_like_the_recipients_is_not_theirs()
    {
        // notshape.example is not shape.example: its links are the sender's.
        AnalysisResult result = Analyze(Message("Hi Jane,\nMy work: https://notshape.example/a and https://notshape.example/b"));

        Assert.HasCount(2, Findings(result, "promoted-links").Single().Evidence);
    }

    [TestMethod]
    public void The_same_link_with_trailing_punctuation_counts_once()
    {
        AnalysisResult result = Analyze(Message("Hi Jane,\nHere: https://annlee.example/portfolio. Again: https://annlee.example/portfolio!"));

        Assert.IsEmpty(Findings(result, "promoted-links"));
    }

    [TestMethod]
    public void A_link_with_a_port_or_query_is_judged_by_its_host()
    {
        AnalysisResult result = Analyze(Message("Hi Jane,\nI loved https://shape.example:8443/a and https://shape.example?page=2 and https://shape.example#top"));

        Assert.IsEmpty(Findings(result, "promoted-links"));
    }

    [TestMethod]
    public void Two_links_right_after_a_promotional_phrase_are_promoted_even_on_the_recipients_site()
    {
        // Not the sender's links (they are on shape.example), but pushed: "check out my ...".
        AnalysisResult result = Analyze(Message("Hi Jane,\nCheck out my pages https://shape.example/ann and https://shape.example/ann/work"));

        Finding finding = Findings(result, "promoted-links").Single();
        Assert.HasCount(2, finding.Evidence);
        StringAssert.StartsWith(finding.Message, "The message pushes 2 self-promotional links ");
    }

    [TestMethod]
    public void Two_links_before_a_promotional_phrase_are_not_promoted_by_it()
    {
        AnalysisResult result = Analyze(Message("Hi Jane,\nI read https://shape.example/a and https://shape.example/b twice. Check out my notes on them some day."));

        Assert.IsEmpty(Findings(result, "promoted-links"));
    }

    [TestMethod]
    public void Promoted_links_are_the_evidence_when_there_are_two_even_beside_more_links_of_the_senders()
    {
        const string body = "Hi Jane,\nMy talk is at https://annlee.example/talk.\nCheck out my courses https://annlee.example/a and https://annlee.example/b";
        MessageInput message = Message(body);

        Finding finding = Findings(Analyze(message), "promoted-links").Single();

        CollectionAssert.AreEqual(new[] { "https://annlee.example/a", "https://annlee.example/b" }, finding.Evidence.Select(e => e.Text).ToArray());
    }

    [TestMethod]
    public void A_connect_phrase_with_a_link_after_it_fires_whatever_other_links_stand_far_before()
    {
        // One link on the recipient's site well before, one the sender's right after "connect": not two of
        // the sender's, not two promoted, but a connect request with its link.
        const string body = "Hi Jane,\nI loved https://shape.example/piece and its charts, the whole series really, every one of them.\nLet's connect on LinkedIn: https://linkedin.example/in/ann";

        Finding finding = Findings(Analyze(Message(body)), "promoted-links").Single();

        Assert.AreEqual("https://linkedin.example/in/ann", finding.Evidence.Single().Text);
    }
}
