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

    public static IEnumerable<object[]> MustFire => new RuleCase[]
    {
        WithVerdict("en", "address not on the page", "Hi Jane,\nCould you review my CV?", FoundAtStatus.NotListed).Expect("not-on-page"),
        WithVerdict("en", "not listed and only ever written to", "Hi Jane,\nCould you review my CV?", FoundAtStatus.NotListed, SentOnly).Expect("not-on-page"),
        WithVerdict("it", "indirizzo non presente", "Ciao Jane,\npotresti leggere il mio curriculum?", FoundAtStatus.NotListed).Expect("not-on-page"),
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
}
