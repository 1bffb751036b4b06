using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// What the ask rules (mutual-benefit, engage-before-asking, specific-reference, no-personal-details) say:
/// each scale's own reading-ease limit, the check details in words, which reference is named, the wording
/// of private-detail findings.
/// </summary>
[TestClass]
public sealed class AskRuleDetailTests
{
    private static AnalysisResult Analyze(MessageInput message, AnalysisContext? context = null) =>
        OutreachAnalyzer.Default.Analyze(message, context ?? AnalysisContext.FromMessageOnly(message));

    private static RuleCheck Check(AnalysisResult result, string rule) => result.Checks.Single(c => c.Rule == rule);

    private static Finding[] Findings(AnalysisResult result, string rule) => result.Findings.Where(f => f.Rule == rule).ToArray();

    [TestMethod]
    public void English_reads_hard_below_a_Flesch_ease_of_50()
    {
        AnalysisResult result = Analyze(Message("Hi Jane,\nCould you review the proposal for our community garden before the council meeting? In return, I would be happy to photograph your next event for free, and I can also share the survey results with your organisation."));

        Assert.AreEqual("flesch", result.Metrics.ReadingScale);
        Assert.IsTrue(result.Metrics.ReadingEase is >= 40 and < 50, $"ease {result.Metrics.ReadingEase}");
        Assert.IsNotNull(Findings(result, "mutual-benefit").SingleOrDefault(f => f.MessageId == "mutual-benefit/hard-to-read"));
    }

    [TestMethod]
    public void Italian_reads_hard_only_below_a_Gulpease_index_of_40()
    {
        MessageInput message = Message("Ciao Giulia,\npotresti leggere la proposta per il nostro orto condiviso prima della riunione del consiglio comunale? In cambio, sarei felice di fotografare gratuitamente il tuo prossimo evento e di condividere i risultati del questionario.", to: [Giulia]);
        AnalysisResult result = Analyze(message);

        Assert.AreEqual("gulpease", result.Metrics.ReadingScale);
        Assert.IsTrue(result.Metrics.ReadingEase is >= 40 and < 50, $"ease {result.Metrics.ReadingEase}");
        Assert.IsEmpty(Findings(result, "mutual-benefit").Where(f => f.MessageId == "mutual-benefit/hard-to-read"));
    }

    [TestMethod]
    public void Mutual_benefit_says_in_words_whether_something_is_offered()
    {
        RuleCheck offers = Check(Analyze(Message("Hi Jane,\nCould you introduce me to your editor? I'd be happy to return the favour any time.")), "mutual-benefit");
        RuleCheck takes = Check(Analyze(Message("Hi Jane,\nCould you introduce me to your editor? I need a byline.")), "mutual-benefit");

        Assert.AreEqual(CheckStatus.Passed, offers.Status);
        Assert.AreEqual("The message offers something in return.", offers.Detail);
        Assert.AreEqual(CheckStatus.Failed, takes.Status);
        Assert.AreEqual("An ask with nothing offered in return.", takes.Detail);
    }

    [TestMethod]
    public void A_cold_warning_suggests_engaging_with_the_recipient_by_first_name()
    {
        MessageInput message = Message("Hi Jane,\nCould you introduce me to your editor?");
        Finding cold = Findings(Analyze(message, Mailbox(message)), "engage-before-asking").Single();

        Assert.AreEqual("You are asking jane@shape.example for something, but you have never exchanged mail with them.", cold.Message);
        StringAssert.Contains(cold.Suggestion, "reply to Jane's work");
    }

    [TestMethod]
    public void A_cold_warning_to_a_nameless_address_uses_the_address()
    {
        EmailAddress nameless = new(null, "x7@shape.example");
        MessageInput message = Message("Hello,\nCould you introduce me to your editor?", to: [nameless]);
        Finding cold = Findings(Analyze(message, Mailbox(message)), "engage-before-asking").Single();

        StringAssert.Contains(cold.Suggestion, "reply to x7@shape.example's work");
    }

    [TestMethod]
    public void A_specific_reference_passes_naming_the_earliest_reference()
    {
        RuleCheck check = Check(Analyze(Message("Hi Jane,\nYour recent article on running injuries changed my training, and you wrote \"rest days are training days\" too. Would you be willing to answer two questions?")), "specific-reference");

        Assert.AreEqual(CheckStatus.Passed, check.Status);
        StringAssert.StartsWith(check.Detail, "The message refers to the recipient's work: \"Your recent article on running injuries");
    }

    [TestMethod]
    public void A_quotation_alone_is_a_specific_reference()
    {
        RuleCheck check = Check(Analyze(Message("Hi Jane,\n\"Rest days are training days\" stuck with me. Would you be willing to answer two questions?")), "specific-reference");

        Assert.AreEqual(CheckStatus.Passed, check.Status);
        Assert.AreEqual("The message refers to the recipient's work: \"\"Rest days are training days\"\".", check.Detail);
    }

    [TestMethod]
    public void A_product_the_language_service_names_in_a_sentence_to_the_reader_is_a_reference()
    {
        const string body = "Hi Jane,\nI use your Moka Planner app every day. Could I ask you one question?";
        MessageInput message = Message(body);
        var signals = new LanguageSignals("en", 1.0, [new TextEntity("Moka Planner", "Product", null, body.IndexOf("Moka", StringComparison.Ordinal), 12, 0.9)], [], []);

        RuleCheck check = Check(Analyze(message, WithSignals(message, signals)), "specific-reference");
        Assert.AreEqual(CheckStatus.Passed, check.Status);
        StringAssert.Contains(check.Detail, "\"Moka Planner\"");
    }

    [TestMethod]
    public void A_private_detail_is_quoted_in_the_message_and_the_check_says_so()
    {
        AnalysisResult result = Analyze(Message("Hi Jane,\nI want to send you a copy of my book - I already have your home address."));

        Finding finding = Findings(result, "no-personal-details").Single();
        Assert.AreEqual("\"I already have your home address\": mentioning someone's private details reads as stalking, not networking.", finding.Message);
        Assert.AreEqual("The message mentions the recipient's private details.", Check(result, "no-personal-details").Detail);
    }

    [TestMethod]
    public void A_private_sentence_only_the_model_finds_is_reported_as_a_whole()
    {
        // No phrase of the rule's list is in it: the learned private-details detector finds it.
        const string body = "Hi Jane,\nI noticed you walking your spaniel by the canal on Monday. Could I buy you a coffee?";
        Finding finding = Findings(Analyze(Message(body)), "no-personal-details").Single();

        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual("I noticed you walking your spaniel by the canal on Monday.", finding.Evidence.Single().Text);
        Assert.AreEqual(body.IndexOf("I noticed", StringComparison.Ordinal), finding.Evidence.Single().Start);
    }

    [TestMethod]
    public void A_sentence_the_model_finds_that_names_a_public_work_page_is_no_private_detail()
    {
        // The same observation flagged above, made from a photo on their team page.
        AnalysisResult result = Analyze(Message("Hi Jane,\nI noticed you walking your spaniel by the canal in a photo on your website's team page. Could I buy you a coffee?"));

        Assert.IsEmpty(Findings(result, "no-personal-details"));
        Assert.AreEqual(CheckStatus.Passed, Check(result, "no-personal-details").Status);
    }

    [TestMethod]
    public void No_personal_details_skips_a_language_it_does_not_check()
    {
        RuleCheck check = Check(Analyze(Message("Sehr geehrte Frau Doe,\nich habe Ihre Privatadresse und komme morgen vorbei, um Ihnen mein Buch zu bringen.")), "no-personal-details");

        Assert.AreEqual(CheckStatus.Skipped, check.Status);
        Assert.AreEqual("check/language-not-checked", check.DetailId);
    }
}
