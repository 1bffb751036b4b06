using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.ListedAddress;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// What listed-address says when it passes or cannot decide, which the must-fire and must-not-fire lists
/// leave open: the wording for pages the sender gave, mixed recipients, the pages shown as links, and
/// which found-at pages count as web pages.
/// </summary>
[TestClass]
public sealed class ListedAddressDetailTests
{
    private const string Ask = "Hi Jane,\nCould you review my CV?";
    private const string GivenPage = "https://janedoe.example/contact";
    private static readonly EmailAddress Bob = new("Bob Grant", "bob@grant.example");
    private static readonly EmailAddress Press = new("Press office", "press@shape.example");

    private static RuleCheck Check(MessageInput message, Dictionary<string, FoundAtVerdict> verdicts, string language = "en") =>
        new OutreachAnalyzer([new ListedAddressRule()]).Analyze(message, Mailbox(message, foundAt: verdicts), language).Checks.Single();

    private static FoundAtVerdict OnSite(string page) =>
        new(FoundAtStatus.Listed, Reason.With("discovery/listed", ("page", page))) { Discovered = true, Page = page, Domain = "shape.example", PagesRead = 1 };

    [TestMethod]
    [DataRow("en", "Every new address appears on the page it was found on.")]
    [DataRow("it", "Ogni nuovo indirizzo compare nella pagina indicata.")]
    public void Every_address_on_the_page_the_sender_gave_passes_saying_so(string language, string detail)
    {
        MessageInput message = Message(Ask, to: [Jane, Bob], foundAt: new() { [Jane.Address] = GivenPage, [Bob.Address] = GivenPage });
        var listed = new FoundAtVerdict(FoundAtStatus.Listed, new Reason("found-at/listed"));

        RuleCheck check = Check(message, new() { [Jane.Address] = listed, [Bob.Address] = listed }, language);

        Assert.AreEqual(CheckStatus.Passed, check.Status);
        Assert.AreEqual("listed-address/check.all-on-page", check.DetailId);
        Assert.AreEqual(detail, check.Detail);
        Assert.IsNull(check.Links);
    }

    [TestMethod]
    public void A_given_page_and_a_role_address_are_both_named()
    {
        MessageInput message = Message(Ask, to: [Jane, Press], foundAt: new() { [Jane.Address] = GivenPage });

        RuleCheck check = Check(message, new() { [Jane.Address] = new FoundAtVerdict(FoundAtStatus.Listed, new Reason("found-at/listed")) });

        Assert.AreEqual(CheckStatus.Passed, check.Status);
        Assert.AreEqual("Every new address is listed: jane@shape.example on the page you gave; press@shape.example is a role address, listed by nature.", check.Detail);
        Assert.IsNull(check.Links, "a role address and a given page are no discovered pages");
    }

    [TestMethod]
    public void Discovered_pages_are_links_once_each_and_only_web_pages()
    {
        var team = new EmailAddress("Tom Ray", "tom@shape.example");
        var desk = new EmailAddress("Ada Moss", "ada@shape.example");
        MessageInput message = Message(Ask, to: [Jane, team, desk, Bob]);
        Dictionary<string, FoundAtVerdict> verdicts = new()
        {
            [Jane.Address] = OnSite("https://shape.example/team"),
            [team.Address] = OnSite("https://shape.example/team"),
            [desk.Address] = OnSite("http://shape.example/desk"),
            [Bob.Address] = OnSite("ftp://grant.example/people.txt"),
        };

        RuleCheck check = Check(message, verdicts);

        Assert.AreEqual(CheckStatus.Passed, check.Status);
        CollectionAssert.AreEqual(new[] { "https://shape.example/team", "http://shape.example/desk" }, check.Links!.ToArray());
        StringAssert.Contains(check.Detail, "bob@grant.example on ftp://grant.example/people.txt");
    }

    [TestMethod]
    public void A_discovered_listing_without_a_page_names_the_domain()
    {
        MessageInput message = Message(Ask);
        var verdict = new FoundAtVerdict(FoundAtStatus.Listed, new Reason("discovery/listed")) { Discovered = true, Domain = "shape.example", PagesRead = 3 };

        RuleCheck check = Check(message, new() { [Jane.Address] = verdict });

        Assert.AreEqual("Every new address is listed: jane@shape.example on shape.example.", check.Detail);
        Assert.IsNull(check.Links);
    }

    [TestMethod]
    public void Not_found_on_a_site_with_no_domain_in_the_verdict_names_the_recipients_domain()
    {
        MessageInput message = Message(Ask);
        var verdict = new FoundAtVerdict(FoundAtStatus.NotListed, Reason.With("discovery/not-found", ("domain", "shape.example"), ("pages", 2))) { Discovered = true, PagesRead = 2 };

        AnalysisResult result = new OutreachAnalyzer([new ListedAddressRule()]).Analyze(message, Mailbox(message, foundAt: new() { [Jane.Address] = verdict }));

        Assert.AreEqual("jane@shape.example is not on the 2 pages of shape.example that were read. Where did you find it?", result.Findings.Single().Message);
    }

    [TestMethod]
    public void Not_found_on_a_site_names_the_domain_discovery_looked_at()
    {
        MessageInput message = Message(Ask);
        var verdict = new FoundAtVerdict(FoundAtStatus.NotListed, Reason.With("discovery/not-found", ("domain", "shape-group.example"), ("pages", 4))) { Discovered = true, Domain = "shape-group.example", PagesRead = 4 };

        AnalysisResult result = new OutreachAnalyzer([new ListedAddressRule()]).Analyze(message, Mailbox(message, foundAt: new() { [Jane.Address] = verdict }));

        Assert.AreEqual("jane@shape.example is not on the 4 pages of shape-group.example that were read. Where did you find it?", result.Findings.Single().Message);
    }

    [TestMethod]
    public void Two_unverified_recipients_are_listed_one_after_the_other()
    {
        MessageInput message = Message(Ask, to: [Jane, Bob]);

        RuleCheck check = Check(message, []);

        Assert.AreEqual(CheckStatus.Skipped, check.Status);
        Assert.AreEqual("listed-address/check.not-verified", check.DetailId);
        Assert.AreEqual("Not verified: jane@shape.example; bob@grant.example.", check.Detail);
    }

    [TestMethod]
    public void With_no_cold_recipient_the_check_says_who_everyone_is()
    {
        MessageInput message = Message(Ask, to: [Jane, Priya]);
        AnalysisContext context = Mailbox(message, new() { [Jane.Address] = TwoWay });

        RuleCheck check = new OutreachAnalyzer([new ListedAddressRule()]).Analyze(message, context).Checks.Single();

        Assert.AreEqual(CheckStatus.Passed, check.Status);
        Assert.AreEqual("check/no-cold-recipient", check.DetailId);
        StringAssert.Contains(check.Detail, "jane@shape.example has written to you");
    }

    [TestMethod]
    public void A_role_address_check_needs_an_address() =>
        Assert.ThrowsExactly<ArgumentNullException>(() => ListedAddressRule.IsRoleAddress(null!));
}
