using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.EngageBeforeAsking;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Rules;

[TestClass]
public sealed class EngageBeforeAskingRuleTests : RuleTestBase<EngageBeforeAskingRule, EngageBeforeAskingRuleTests>
{
    private static RuleCase Cold(string language, string name, string body) =>
        new(language, name, Message(body), Mailbox(Message(body)));

    private static RuleCase Known(string language, string name, string body, RecipientHistory history) =>
        new(language, name, Message(body), Mailbox(Message(body), new() { [Jane.Address] = history }));

    public static IEnumerable<object[]> MustFire => new RuleCase[]
    {
        Cold("en", "a coffee ask to a stranger", "Hi Jane,\nWould you have 15 minutes for a coffee next week?").Expect("cold", "Would you have 15 minutes for a coffee next week?"),
        Cold("en", "a CV review from a stranger", "Hi Jane,\nCould you take a look at my CV?").Expect("cold", "Could you take a look at my CV?"),
        Known("en", "sent before but never answered", "Hi Jane,\nJust following up: could you review my portfolio?", SentOnly).Expect("cold", "could you review my portfolio?"),
        Cold("it", "un caffè con una sconosciuta", "Ciao Jane,\nti andrebbe un caffè la prossima settimana?").Expect("cold", "ti andrebbe un caffè la prossima settimana?"),
        Known("it", "scritto ma mai risposto", "Ciao Jane,\npotresti dare un'occhiata al mio curriculum?", SentOnly).Expect("cold", "potresti dare un'occhiata al mio curriculum?"),
    }.Select(c => c.AsRow());

    public static IEnumerable<object[]> MustNotFire => new RuleCase[]
    {
        Known("en", "a thread where both wrote", "Hi Jane,\nCould you take a look at my CV?", TwoWay),
        Known("en", "she wrote to me first", "Hi Jane,\nWould you have 15 minutes for a call?", new RecipientHistory(0, 1, 0)),
        Cold("en", "no ask", "Hi Jane,\nThank you for the talk at the conference, it was great."),
        new RuleCase("en", "a colleague", Message("Hi Tom,\nCould you review my deck?", to: [new("Tom", "tom@lee.example")]), Mailbox(Message("Hi Tom,\nCould you review my deck?", to: [new("Tom", "tom@lee.example")]))),
        Known("it", "un thread a due voci", "Ciao Jane,\npotresti dare un'occhiata al mio curriculum?", TwoWay),
        Cold("it", "nessuna richiesta", "Ciao Jane,\ngrazie per la bellissima presentazione di ieri."),
        PriorContact("en", "she says they met on LinkedIn", "Hi Jane,\nWould you be open to a short call about the mentoring scheme?", "linkedin"),
        PriorContact("it", "si sono conosciuti a un evento", "Ciao Jane,\nti andrebbe di sentirci dieci minuti giovedì?", "evento Design Week"),
        new RuleCase("en", "a contact with no mail yet", Message("Hi Jane,\nCould you send me the slides from your workshop?"), Mailbox(Message("Hi Jane,\nCould you send me the slides from your workshop?"), contacts: [Jane.Address])),
        new RuleCase("it", "un collega di un'altra sede (sottodominio)", Message("Ciao Paolo,\npotresti mandarmi il preventivo?", to: [new("Paolo Neri", "paolo.neri@milano.lee.example")]), Mailbox(Message("Ciao Paolo,\npotresti mandarmi il preventivo?", to: [new("Paolo Neri", "paolo.neri@milano.lee.example")]))),
        new RuleCase("en", "the sender's team will review it: no ask", Message("Dear Jane,\nThank you for sending your portfolio. Our team will review it this week.\n\nKind regards,\nThe Studio Team")),
    }.Select(c => c.AsRow());

    private static RuleCase PriorContact(string language, string name, string body, string where)
    {
        MessageInput message = Message(body, priorContact: new() { [Jane.Address] = where });
        return new(language, name, message, Mailbox(message));
    }

    [TestMethod]
    public void The_check_names_where_the_user_engaged_as_their_own_word()
    {
        MessageInput message = Message("Hi Jane,\nCould I ask your advice on the grant?", priorContact: new() { [Jane.Address] = "met at PyCon Italia" });
        Outcome outcome = Evaluate(new RuleCase("en", "elsewhere", message, Mailbox(message)));
        Assert.AreEqual(CheckStatus.Passed, outcome.Status);
        StringAssert.Contains(outcome.Detail, "met at PyCon Italia");
        StringAssert.Contains(Evaluate(new RuleCase("it", "altrove", message, Mailbox(message)), "it").Detail, "met at PyCon Italia");
    }

    [TestMethod]
    public void Only_the_recipient_not_met_elsewhere_is_cold()
    {
        MessageInput message = Message("Hi both,\nCould you review the proposal?", to: [Jane, Giulia], priorContact: new() { [Jane.Address] = "twitter" });
        Outcome outcome = Evaluate(new RuleCase("en", "one of two", message, Mailbox(message)));
        Assert.AreEqual(Giulia.Address, outcome.Findings.Single(f => f.Severity == Severity.Warning).Recipient);
    }

    [TestMethod]
    public void Finding_names_the_cold_recipient()
    {
        MessageInput message = Message("Hi all,\nCould you help?", to: [Jane, Marco]);
        Outcome outcome = Evaluate(new RuleCase("en", "two", message, Mailbox(message, new() { [Marco.Address] = TwoWay })));
        Assert.AreEqual(Jane.Address, outcome.Findings.Single().Recipient);
        StringAssert.Contains(outcome.Detail, Jane.Address);
    }

    [TestMethod]
    public void Without_a_mailbox_it_is_skipped_with_an_info_hint()
    {
        Outcome outcome = Evaluate(new RuleCase("en", "no mailbox", Message("Hi Jane,\nCould you review my CV?")));
        Assert.AreEqual(CheckStatus.Skipped, outcome.Status);
        Assert.AreEqual(Severity.Info, outcome.Findings.Single().Severity);
        StringAssert.Contains(outcome.Detail, "no mailbox");
    }
}
