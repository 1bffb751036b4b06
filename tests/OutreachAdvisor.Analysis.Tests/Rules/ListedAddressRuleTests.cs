using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.ListedAddress;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Rules;

[TestClass]
public sealed class ListedAddressRuleTests : RuleTestBase<ListedAddressRule, ListedAddressRuleTests>
{
    private const string Page = "https://janedoe.example/contact";

    private static RuleCase WithVerdict(string language, string name, string body, FoundAtStatus status, RecipientHistory? history = null, string[]? contacts = null)
    {
        MessageInput message = Message(body, foundAt: new() { [Jane.Address] = Page });
        AnalysisContext context = Mailbox(message,
            history is null ? null : new() { [Jane.Address] = history },
            contacts,
            new() { [Jane.Address] = new FoundAtVerdict(status, new Reason("found-at/failed")) });
        return new(language, name, message, context);
    }

    private const string SitePage = "https://shape.example/contatti";

    /// <summary>A case where the sender gave no page and discovery looked on the recipient's organisation's site.</summary>
    private static RuleCase Discovered(string language, string name, string body, FoundAtVerdict verdict, EmailAddress? to = null)
    {
        EmailAddress recipient = to ?? Jane;
        MessageInput message = Message(body, to: [recipient]);
        return new(language, name, message, Mailbox(message, foundAt: new() { [recipient.Address] = verdict }));
    }

    private static FoundAtVerdict OnSite(string page) =>
        new(FoundAtStatus.Listed, Reason.With("discovery/listed", ("page", page))) { Discovered = true, Page = page, Domain = "shape.example", PagesRead = 2 };

    private static FoundAtVerdict NotOnSite(int pages) =>
        new(FoundAtStatus.NotListed, Reason.With("discovery/not-found", ("domain", "shape.example"), ("pages", pages))) { Discovered = true, Domain = "shape.example", PagesRead = pages };

    private static FoundAtVerdict StillLooking() =>
        new(FoundAtStatus.Unavailable, Reason.With("discovery/still-looking", ("domain", "shape.example"))) { Discovered = true, Domain = "shape.example" };

    private static readonly FoundAtVerdict NotOnGivenPage = new(FoundAtStatus.NotListed, new Reason("found-at/failed"));

    private static RuleCase With(string language, string name, MessageInput message, Dictionary<string, FoundAtVerdict>? foundAt = null) =>
        new(language, name, message, Mailbox(message, foundAt: foundAt));

    private static readonly EmailAddress Press = new("Press office", "press@shape.example");
    private static readonly EmailAddress Redazione = new("Redazione", "redazione@giornale.example");

    public static IEnumerable<object[]> MustFire => new RuleCase[]
    {
        WithVerdict("en", "address not on the page", "Hi Jane,\nCould you review my CV?", FoundAtStatus.NotListed).Expect("not-on-page"),
        WithVerdict("en", "not listed and only ever written to", "Hi Jane,\nCould you review my CV?", FoundAtStatus.NotListed, SentOnly).Expect("not-on-page"),
        WithVerdict("it", "indirizzo non presente", "Ciao Jane,\npotresti leggere il mio curriculum?", FoundAtStatus.NotListed).Expect("not-on-page"),
        With("en", "a role address passes, a personal one missing from its page does not",
            Message("Hello,\nCould you review my CV?", to: [Press, Jane], foundAt: new() { [Jane.Address] = Page }), new() { [Jane.Address] = NotOnGivenPage }).Expect("not-on-page"),
        With("it", "la pagina indicata non lo riporta, anche se la redazione è un indirizzo di ruolo",
            Message("Buongiorno,\npotreste leggere il mio articolo?", to: [Redazione, Jane], foundAt: new() { [Jane.Address] = Page }), new() { [Jane.Address] = NotOnGivenPage }).Expect("not-on-page"),
    }.Select(c => c.AsRow());

    public static IEnumerable<object[]> MustNotFire => new RuleCase[]
    {
        WithVerdict("en", "address listed on the page", "Hi Jane,\nCould you review my CV?", FoundAtStatus.Listed),
        WithVerdict("en", "not on the page but she wrote to me", "Hi Jane,\nThanks!", FoundAtStatus.NotListed, new RecipientHistory(0, 1, 0)),
        WithVerdict("en", "not on the page but a contact", "Hi Jane,\nThanks!", FoundAtStatus.NotListed, contacts: [Jane.Address]),
        WithVerdict("it", "indirizzo presente", "Ciao Jane,\npotresti leggere il mio curriculum?", FoundAtStatus.Listed),
        WithVerdict("it", "la pagina non si legge", "Ciao Jane,\npotresti leggere il mio curriculum?", FoundAtStatus.Unavailable),
        MetElsewhere("en", "not on the page, but they met at a conference", "Hi Jane,\nCould you send me the workshop slides?", "event"),
        MetElsewhere("it", "non nella pagina, ma presentati da un amico", "Ciao Jane,\nmi mandi le slide del seminario?", "introduced"),
        Discovered("en", "found on the organisation's contact page", "Hi Jane,\nCould you review my CV?", OnSite(SitePage)),
        Discovered("it", "trovato nella pagina contatti dell'organizzazione", "Ciao Jane,\npotresti leggere il mio curriculum?", OnSite(SitePage)),
        Discovered("en", "not found on the organisation's site: a question, not a warning", "Hi Jane,\nCould you review my CV?", NotOnSite(5)),
        Discovered("it", "non trovato sul sito: una domanda, non un avviso", "Ciao Jane,\npotresti leggere il mio curriculum?", NotOnSite(1)),
        Discovered("en", "still looking on the site", "Hi Jane,\nCould you review my CV?", StillLooking()),
        With("en", "a role address needs no page", Message("Hello,\nCould you review my CV?", to: [Press])),
        With("it", "la redazione è un indirizzo di ruolo", Message("Buongiorno,\npotreste leggere il mio articolo?", to: [Redazione])),
        With("en", "a role address passes even when the page given does not show it",
            Message("Hello,\nCould you review my CV?", to: [Press], foundAt: new() { [Press.Address] = Page }), new() { [Press.Address] = NotOnGivenPage }),
    }.Select(c => c.AsRow());

    /// <summary>A page without the address, but the user says they engaged with her elsewhere: she is not cold.</summary>
    private static RuleCase MetElsewhere(string language, string name, string body, string where)
    {
        MessageInput message = Message(body, foundAt: new() { [Jane.Address] = Page }, priorContact: new() { [Jane.Address] = where });
        return new(language, name, message, Mailbox(message, foundAt: new() { [Jane.Address] = new FoundAtVerdict(FoundAtStatus.NotListed, new Reason("found-at/failed")) }));
    }

    [TestMethod]
    public void Finding_names_the_recipient_and_the_page()
    {
        Finding finding = Evaluate(WithVerdict("en", "x", "Hi", FoundAtStatus.NotListed)).Findings.Single();
        Assert.AreEqual(Jane.Address, finding.Recipient);
        StringAssert.Contains(finding.Message, Page);
    }

    [TestMethod]
    public void Unreadable_page_is_skipped_with_its_reason()
    {
        MessageInput message = Message("Hi", foundAt: new() { [Jane.Address] = "http://10.0.0.1/" });
        AnalysisContext context = Mailbox(message, foundAt: new() { [Jane.Address] = new FoundAtVerdict(FoundAtStatus.Unavailable, Reason.With("fetch/refused", ("reason", Reason.With("host/address-forbidden", ("address", "10.0.0.1"), ("kind", new Reason("ip/private")))))) });
        Outcome outcome = Evaluate(new RuleCase("en", "refused", message, context));
        Assert.AreEqual(CheckStatus.Skipped, outcome.Status);
        StringAssert.Contains(outcome.Detail, "private address");
    }

    [TestMethod]
    public void New_recipient_without_a_page_gets_an_info_hint()
    {
        MessageInput message = Message("Hi Jane,\nCould you review my CV?");
        Outcome outcome = Evaluate(new RuleCase("en", "no page", message, Mailbox(message)));
        Assert.AreEqual(Severity.Info, outcome.Findings.Single().Severity);
        Assert.AreEqual(CheckStatus.Skipped, outcome.Status);
    }

    [TestMethod]
    public void Colleagues_need_no_page()
    {
        MessageInput message = Message("Hi Tom", to: [new("Tom", "tom@lee.example")]);
        Outcome outcome = Evaluate(new RuleCase("en", "colleague", message, Mailbox(message)));
        Assert.AreEqual(CheckStatus.Passed, outcome.Status);
        Assert.IsEmpty(outcome.Findings);
    }

    [TestMethod]
    [DataRow("en", "Every new address is listed: jane@shape.example on https://shape.example/contatti.")]
    [DataRow("it", "Ogni nuovo indirizzo è pubblicato: jane@shape.example su https://shape.example/contatti.")]
    public void A_discovered_listing_passes_and_names_the_page(string language, string detail)
    {
        Outcome outcome = Evaluate(Discovered("en", "x", "Hi Jane,\nCould you review my CV?", OnSite(SitePage)), language);

        Assert.AreEqual(CheckStatus.Passed, outcome.Status);
        Assert.AreEqual(detail, outcome.Detail);
        Assert.IsEmpty(outcome.Findings);
    }

    [TestMethod]
    [DataRow("en", "jane@shape.example is not on the 5 pages of shape.example that were read. Where did you find it?", "Not verified: jane@shape.example (not found on 5 pages read on shape.example).")]
    [DataRow("it", "jane@shape.example non compare in 5 pagine lette di shape.example. Dove l'hai trovato?", "Non verificato: jane@shape.example (non trovato in 5 pagine lette di shape.example).")]
    public void Not_found_on_the_site_is_an_info_hint_naming_the_domain_and_the_pages(string language, string message, string detail)
    {
        Outcome outcome = Evaluate(Discovered("en", "x", "Hi Jane,\nCould you review my CV?", NotOnSite(5)), language);

        Finding hint = outcome.Findings.Single();
        Assert.AreEqual(Severity.Info, hint.Severity);
        Assert.AreEqual(Id("not-found-on-site"), hint.MessageId);
        Assert.AreEqual(message, hint.Message);
        Assert.AreEqual(CheckStatus.Skipped, outcome.Status);
        Assert.AreEqual(detail, outcome.Detail);
    }

    [TestMethod]
    public void One_page_read_is_said_in_the_singular()
    {
        Outcome outcome = Evaluate(Discovered("en", "x", "Hi Jane", NotOnSite(1)));

        StringAssert.Contains(outcome.Findings.Single().Message, "is not on the 1 page of shape.example");
    }

    [TestMethod]
    public void Still_looking_is_skipped_with_the_reason_and_asks_where_the_address_was_found()
    {
        Outcome outcome = Evaluate(Discovered("en", "x", "Hi Jane", StillLooking()));

        Assert.AreEqual(CheckStatus.Skipped, outcome.Status);
        Assert.AreEqual("Not verified: jane@shape.example (still looking on shape.example's pages; check again in a moment).", outcome.Detail);
        Assert.AreEqual(Id("where-found"), outcome.Findings.Single().MessageId);
    }

    [TestMethod]
    [DataRow("en", "Every new address is listed: press@shape.example is a role address, listed by nature.")]
    [DataRow("it", "Ogni nuovo indirizzo è pubblicato: press@shape.example è un indirizzo di ruolo, pubblico per natura.")]
    public void A_role_address_passes_saying_so(string language, string detail)
    {
        MessageInput message = Message("Hello,\nCould you review my CV?", to: [Press]);

        Outcome outcome = Evaluate(new RuleCase("en", "role", message, Mailbox(message)), language);

        Assert.AreEqual(CheckStatus.Passed, outcome.Status);
        Assert.AreEqual(detail, outcome.Detail);
    }

    [TestMethod]
    [DataRow("info@shape.example", true)]
    [DataRow("Info+newsletter@shape.example", true)]
    [DataRow("press@shape.example", true)]
    [DataRow("hello@shape.example", true)]
    [DataRow("contact@shape.example", true)]
    [DataRow("redazione@giornale.example", true)]
    [DataRow("ufficio.stampa@comune.example", true)]
    [DataRow("ufficio_stampa@comune.example", true)]
    [DataRow("ufficio-stampa@comune.example", true)]
    [DataRow("segreteria@studio.example", true)]
    [DataRow("jane@shape.example", false)]
    [DataRow("jane.info@shape.example", false)]
    [DataRow("infos@shape.example", false)]
    [DataRow("pressman@shape.example", false)]
    public void Knows_role_addresses(string address, bool expected)
    {
        Assert.AreEqual(expected, ListedAddressRule.IsRoleAddress(new EmailAddress(null, address)));
    }
}
