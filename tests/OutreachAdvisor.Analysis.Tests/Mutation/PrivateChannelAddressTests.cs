using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.PrivateChannel;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// What private-channel counts as a group: the same person twice is one person, list addresses are
/// recognised by their domain and display name as well as their local part, and a list in Bcc still
/// broadcasts the ask.
/// </summary>
[TestClass]
public sealed class PrivateChannelAddressTests
{
    private const string Rule = "private-channel";
    private const string Ask = "Hi Jane,\nCould you share my launch with your readers?";
    private static readonly EmailAddress Bob = new("Bob Grant", "bob@grant.example");

    private static AnalysisResult Analyze(MessageInput message) => OutreachAnalyzer.Default.Analyze(message, AnalysisContext.FromMessageOnly(message));

    private static Finding[] Findings(AnalysisResult result) => result.Findings.Where(f => f.Rule == Rule).ToArray();

    [TestMethod]
    [DataRow("news@sub.groups.io", true)]
    [DataRow("friends@googlegroups.com", true)]
    [DataRow("friends@eu.googlegroups.com", true)]
    [DataRow("friends@notgooglegroups.com", false)]
    [DataRow("editors@list.university.example", true)]
    [DataRow("editors@groups.company.example", true)]
    [DataRow("editors@mylists.example", false)]
    [DataRow("editors@university.lists.example", false)]
    [DataRow("designers-discuss@university.example", true)]
    [DataRow("designers-list@university.example", true)]
    [DataRow("listless@university.example", false)]
    [DataRow(" all @company.example", true)]
    [DataRow("Friends@GoogleGroups.com", true)]
    [DataRow("editors@Lists.University.example", true)]
    [DataRow("Soci@associazione.example", true)]
    [DataRow("design-ANNOUNCE@studio.example", true)]
    public void Recognises_list_addresses_by_local_part_and_domain(string address, bool isList) =>
        Assert.AreEqual(isList, PrivateChannelRule.IsListAddress(new EmailAddress(null, address)), address);

    [TestMethod]
    public void A_display_name_saying_mailing_list_marks_a_list()
    {
        Assert.IsTrue(PrivateChannelRule.IsListAddress(new EmailAddress("Illustrators Mailing List", "illustrators@guild.example")));
        Assert.IsFalse(PrivateChannelRule.IsListAddress(new EmailAddress("Illustrators Guild", "illustrators@guild.example")));
    }

    [TestMethod]
    public void The_same_address_in_To_and_Cc_is_one_person()
    {
        AnalysisResult result = Analyze(Message(Ask, to: [Jane], cc: [new EmailAddress("Jane", "JANE@shape.example")]));

        Assert.IsEmpty(Findings(result));
        Assert.AreEqual(CheckStatus.Passed, result.Checks.Single(c => c.Rule == Rule).Status);
    }

    [TestMethod]
    public void A_visible_group_names_its_size_and_every_outside_recipient()
    {
        EmailAddress colleague = new("Tom", "tom@lee.example");
        MessageInput message = Message(Ask, to: [Jane, Bob], cc: [colleague]);

        Finding finding = Findings(Analyze(message)).Single();

        Assert.AreEqual(Rule + "/visible-group", finding.MessageId);
        Assert.AreEqual(Severity.Warning, finding.Severity);
        StringAssert.StartsWith(finding.Message, "This ask goes to 2 people outside your organisation");
        StringAssert.Contains(finding.Message, "jane@shape.example");
        StringAssert.Contains(finding.Message, "bob@grant.example");
        Assert.DoesNotContain("tom@lee.example", finding.Message);
        Assert.AreEqual("Could you share my launch with your readers?", finding.Evidence.Single().Text);
    }

    [TestMethod]
    public void A_list_in_Bcc_still_broadcasts_the_ask()
    {
        EmailAddress list = new("Writers", "writers@lists.example");
        AnalysisResult result = Analyze(Message(Ask, to: [Jane], bcc: [list]));

        Finding finding = Findings(result).Single();
        Assert.AreEqual(Rule + "/list-address", finding.MessageId);
        Assert.AreEqual("writers@lists.example", finding.Recipient);
        Assert.AreEqual("writers@lists.example looks like a mailing list or group address.", finding.Message);
        Assert.AreEqual(CheckStatus.Failed, result.Checks.Single(c => c.Rule == Rule).Status);
    }

    [TestMethod]
    public void Without_an_ask_a_group_passes_saying_there_is_no_ask()
    {
        RuleCheck check = Analyze(Message("Hi both,\nThanks for a lovely dinner yesterday.", to: [Jane, Bob])).Checks.Single(c => c.Rule == Rule);

        Assert.AreEqual(CheckStatus.Passed, check.Status);
        Assert.AreEqual("check/no-ask", check.DetailId);
    }

    [TestMethod]
    public void A_text_in_a_language_that_is_not_checked_is_skipped()
    {
        RuleCheck check = Analyze(Message("Sehr geehrte Damen und Herren,\nkönnten Sie bitte unser neues Buch in Ihrer Zeitung vorstellen?", to: [Jane, Bob])).Checks.Single(c => c.Rule == Rule);

        Assert.AreEqual(CheckStatus.Skipped, check.Status);
        Assert.AreEqual("check/language-not-checked", check.DetailId);
    }
}
