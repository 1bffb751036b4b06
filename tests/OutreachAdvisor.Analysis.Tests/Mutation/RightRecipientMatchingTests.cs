using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// How right-recipient matches an outlet to a recipient's domain (whole name, without the article, contained,
/// initials), which recipients a finding names, and when the wrong-name fix is offered.
/// </summary>
[TestClass]
public sealed class RightRecipientMatchingTests
{
    private const string Rule = "right-recipient";

    private static AnalysisResult Analyze(MessageInput message) => OutreachAnalyzer.Default.Analyze(message, AnalysisContext.FromMessageOnly(message));

    private static Finding[] Findings(AnalysisResult result) => result.Findings.Where(f => f.Rule == Rule).ToArray();

    private static MessageInput Pitch(string outlet, string address, string? name = "Dana Kim") =>
        Message($"Hi Dana,\nI have a story idea that would be perfect for {outlet}. Could we talk?", to: [new EmailAddress(name, address)]);

    [TestMethod]
    [DataRow("The Times", "dana@thetimes.example")]
    [DataRow("The Guardian", "dana@guardian.example")]
    [DataRow("Wired", "dana@wiredmagazine.example")]
    [DataRow("Vogue Italia", "dana@vogue.example")]
    [DataRow("New York Times", "dana@nytimes.example")]
    [DataRow("Elle", "dana@elle.co.uk")]
    public void An_outlet_matches_its_own_domain(string outlet, string address) =>
        Assert.IsEmpty(Findings(Analyze(Pitch(outlet, address))), outlet);

    [TestMethod]
    [DataRow("Wired", "dana@wir.example")]
    [DataRow("Vogue", "dana@vo.example")]
    [DataRow("New York Times", "dana@newyorker.example")]
    [DataRow("Self", "dana@shelf.example")]
    [DataRow("Bon Appetit", "dana@ba.example")]
    public void An_outlet_does_not_match_a_domain_that_only_resembles_it(string outlet, string address)
    {
        Finding finding = Findings(Analyze(Pitch(outlet, address))).Single();

        Assert.AreEqual(Rule + "/wrong-outlet", finding.MessageId);
        Assert.AreEqual(outlet, finding.Evidence.Single().Text);
    }

    [TestMethod]
    public void An_outlet_in_the_recipients_display_name_is_theirs()
    {
        Assert.IsEmpty(Findings(Analyze(Pitch("Vogue", "dana@condenast.example", "Dana Kim (Vogue)"))));
    }

    [TestMethod]
    public void An_outlet_of_the_senders_own_organisation_is_no_mismatch()
    {
        // Recruiting someone for your own company is not pitching the wrong outlet.
        MessageInput message = Message("Hi Dana,\nYou would be a great fit for the team at Brightwave.", to: [new("Dana Kim", "dana.kim@elmwood-school.example")],
            from: new("Ann Lee", "ann@brightwave.example"));

        Assert.IsEmpty(Findings(Analyze(message)));
    }

    [TestMethod]
    public void A_holiday_after_perfect_for_is_no_outlet()
    {
        Assert.IsEmpty(Findings(Analyze(Pitch("Christmas Eve", "dana@elle.example"))));
    }

    [TestMethod]
    public void A_wrong_outlet_names_the_one_recipient_at_an_organisation()
    {
        Finding finding = Findings(Analyze(Pitch("Vogue", "dana@elle.example"))).Single();

        Assert.AreEqual("dana@elle.example", finding.Recipient);
        Assert.AreEqual("The message pitches \"Vogue\", but the recipient is at elle.example.", finding.Message);
        Assert.AreEqual(Severity.Error, finding.Severity);
    }

    [TestMethod]
    public void A_wrong_outlet_to_two_organisations_names_no_single_recipient()
    {
        MessageInput message = Message("Hi both,\nI have a story idea that would be perfect for Vogue.", to: [new("Dana Kim", "dana@elle.example"), new("Rob Lane", "rob@marieclaire.example")]);
        Finding finding = Findings(Analyze(message)).Single();

        Assert.IsNull(finding.Recipient);
        StringAssert.Contains(finding.Message, "elle.example");
        StringAssert.Contains(finding.Message, "marieclaire.example");
    }

    [TestMethod]
    public void A_wrong_second_name_is_quoted_but_not_fixed()
    {
        MessageInput message = Message("Hi Priya and Luke,\nCould we compare notes on the pilot?", to: [new("Priya Nair", "priya@loopworks.example"), new("Mark Bell", "mark@loopworks.example")]);
        Finding finding = Findings(Analyze(message)).Single();

        Assert.AreEqual(Rule + "/wrong-name", finding.MessageId);
        Assert.AreEqual("Luke", finding.Evidence.Single().Text);
        Assert.AreEqual(message.Body.IndexOf("Luke", StringComparison.Ordinal), finding.Evidence.Single().Start);
        Assert.IsNull(finding.Fix);
        Assert.IsNull(finding.Recipient);
    }

    [TestMethod]
    public void A_wrong_name_to_one_recipient_names_them_and_offers_their_name()
    {
        MessageInput message = Message("Dear Sarah,\nI loved your piece on sleep.");
        Finding finding = Findings(Analyze(message)).Single();

        Assert.AreEqual(Jane.Address, finding.Recipient);
        Assert.AreEqual("The greeting names \"Sarah\", but the message goes to Jane Doe <jane@shape.example>.", finding.Message);
        Assert.IsNotNull(finding.Fix);
    }

    [TestMethod]
    public void A_wrong_name_to_two_recipients_offers_no_fix()
    {
        MessageInput message = Message("Dear Sarah,\nI loved your piece on sleep.", to: [Jane, Marco]);
        Finding finding = Findings(Analyze(message)).Single();

        Assert.IsNull(finding.Fix);
        Assert.IsNull(finding.Recipient);
    }

    [TestMethod]
    public void A_name_in_the_next_sentence_is_not_a_second_greeted_name()
    {
        MessageInput message = Message("Hi Priya,\nand Luke says hello too. Could we compare notes on the pilot?", to: [new("Priya Nair", "priya@loopworks.example")]);

        Assert.IsEmpty(Findings(Analyze(message)));
    }

    [TestMethod]
    public void A_matching_name_passes_saying_so()
    {
        RuleCheck check = Analyze(Message("Dear Jane,\nI loved your piece on sleep.")).Checks.Single(c => c.Rule == Rule);

        Assert.AreEqual(CheckStatus.Passed, check.Status);
        Assert.AreEqual("Names and outlets in the message match the recipients.", check.Detail);
    }
}
