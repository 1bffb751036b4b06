using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.PrivateChannel;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Rules;

[TestClass]
public sealed class PrivateChannelRuleTests : RuleTestBase<PrivateChannelRule, PrivateChannelRuleTests>
{
    private static readonly EmailAddress Bob = new("Bob Grant", "bob@grant.example");
    private static readonly EmailAddress List = new("Writers", "writers@lists.example");
    private static readonly EmailAddress Tom = new("Tom", "tom@lee.example");

    public static IEnumerable<object[]> MustFire => new RuleCase[]
    {
        new RuleCase("en", "two strangers in To", Message("Hi both,\nCould you share my launch with your readers?", to: [Jane, Bob])).Expect("visible-group", "Could you share my launch with your readers?"),
        new RuleCase("en", "one in To, one in Cc", Message("Hi Jane,\nWould you be open to a quick call?", to: [Jane], cc: [Bob])).Expect("visible-group", "Would you be open to a quick call?"),
        new RuleCase("en", "a mailing list", Message("Hello,\nCould you review my manuscript?", to: [List])).Expect("list-address", "Could you review my manuscript?"),
        new RuleCase("it", "due persone in A", Message("Ciao a tutti,\npotreste condividere il mio progetto?", to: [Jane, Bob])).Expect("visible-group", "potreste condividere il mio progetto?"),
        new RuleCase("it", "una lista", Message("Ciao,\nmi piacerebbe un vostro parere sul mio libro.", to: [new("Soci", "soci@associazione.example")])).Expect("list-address", "mi piacerebbe un vostro parere sul mio libro."),
    }.Select(c => c.AsRow());

    public static IEnumerable<object[]> MustNotFire => new RuleCase[]
    {
        new RuleCase("en", "one person", Message("Hi Jane,\nCould you share my launch?")),
        new RuleCase("en", "others in Bcc cannot see each other", Message("Hi,\nCould you share my launch?", to: [Jane], bcc: [Bob])),
        new RuleCase("en", "a colleague in Cc", Message("Hi Jane,\nWould you be open to a quick call?", to: [Jane], cc: [Tom])),
        new RuleCase("en", "several people but no ask", Message("Hi both,\nThanks for a lovely dinner yesterday.", to: [Jane, Bob])),
        new RuleCase("it", "una sola persona", Message("Ciao Jane,\npotresti condividere il mio progetto?")),
        new RuleCase("it", "nessuna richiesta", Message("Ciao a tutti,\ngrazie per la cena di ieri.", to: [Jane, Bob])),
    }.Select(c => c.AsRow());

    [TestMethod]
    [DataRow("writers@lists.example", true)]
    [DataRow("jobs-l@university.example", true)]
    [DataRow("all@company.example", true)]
    [DataRow("friends@googlegroups.com", true)]
    [DataRow("jane@shape.example", false)]
    [DataRow("allison@shape.example", false)]
    public void Recognises_list_addresses(string address, bool isList) =>
        Assert.AreEqual(isList, PrivateChannelRule.IsListAddress(new EmailAddress(null, address)));
}
