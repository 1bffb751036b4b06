using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// How the rules use what Azure AI Language found: only in the new text (not the quoted history), only
/// personal data the service is confident about, category names in any case, and the check says which
/// analyzer ran.
/// </summary>
[TestClass]
public sealed class LanguageSignalTests
{
    private static AnalysisResult Analyze(MessageInput message, AnalysisContext context) => OutreachAnalyzer.Default.Analyze(message, context);

    private static RuleCheck Check(AnalysisResult result, string rule) => result.Checks.Single(c => c.Rule == rule);

    private static AnalysisContext With(MessageInput message, string body, TextEntity[]? entities = null, TextEntity[]? pii = null) =>
        WithSignals(message, new LanguageSignals("en", 1.0, entities ?? [], [], pii ?? []));

    private static TextEntity At(string body, string text, string category, double confidence = 0.95) =>
        new(text, category, null, body.IndexOf(text, StringComparison.Ordinal), text.Length, confidence);

    private const string EventAsk = "Hi Jane,\nDesign Days 2026 was where I first heard you. Could I ask you one question?";

    [TestMethod]
    public void An_event_category_is_matched_in_any_case()
    {
        MessageInput message = Message(EventAsk);
        RuleCheck check = Check(Analyze(message, With(message, EventAsk, entities: [At(EventAsk, "Design Days 2026", "event")])), "specific-reference");

        Assert.AreEqual(CheckStatus.Passed, check.Status);
        Assert.AreEqual("The message refers to the recipient's work: \"Design Days 2026\". (with azure-ai-language)", check.Detail);
    }

    [TestMethod]
    public void An_entity_of_another_category_is_no_reference()
    {
        MessageInput message = Message(EventAsk);
        RuleCheck check = Check(Analyze(message, With(message, EventAsk, entities: [At(EventAsk, "Design Days 2026", "Location")])), "specific-reference");

        Assert.AreEqual(CheckStatus.Failed, check.Status);
        Assert.AreEqual("No specific reference to the recipient's work. (with azure-ai-language)", check.Detail);
    }

    [TestMethod]
    public void An_event_in_a_sentence_not_addressed_to_the_reader_is_no_reference()
    {
        const string body = "Hi Jane,\nDesign Days 2026 was a great fair. Could I ask you one question?";
        MessageInput message = Message(body);

        Assert.AreEqual(CheckStatus.Failed, Check(Analyze(message, With(message, body, entities: [At(body, "Design Days 2026", "Event")])), "specific-reference").Status);
    }

    [TestMethod]
    public void An_event_in_the_quoted_history_is_no_reference_to_it()
    {
        const string body = "Hi Jane,\nCould I ask you one question?\n\nOn Monday, Jane Doe wrote:\n> See you at Design Days 2026, where you spoke.";
        MessageInput message = Message(body);
        TextEntity quoted = At(body, "Design Days 2026", "Event");

        Assert.AreEqual(CheckStatus.Failed, Check(Analyze(message, With(message, body, entities: [quoted])), "specific-reference").Status);
    }

    [TestMethod]
    public void An_entity_ending_exactly_where_the_new_text_ends_counts()
    {
        const string newText = "Hi Jane,\nCould I ask you about your talk at Design Days 2026";
        const string body = newText + "\nOn Monday, Jane Doe wrote:\n> Thanks for coming.";
        MessageInput message = Message(body);
        TextEntity last = At(body, "Design Days 2026", "Event");
        Assert.AreEqual(newText.Length, last.Offset + last.Length);

        RuleCheck check = Check(Analyze(message, With(message, body, entities: [last])), "specific-reference");
        StringAssert.Contains(check.Detail, "Design Days 2026");
    }

    private const string Visit = "Hi Jane,\nI will wait for you at 12 Elm Street tomorrow morning.";

    [TestMethod]
    public void Personal_data_counts_from_a_confidence_of_sixty_percent()
    {
        MessageInput message = Message(Visit);
        AnalysisResult sure = Analyze(message, With(message, Visit, pii: [At(Visit, "12 Elm Street", "Address", 0.6)]));
        AnalysisResult unsure = Analyze(message, With(message, Visit, pii: [At(Visit, "12 Elm Street", "Address", 0.59)]));

        Assert.AreEqual("12 Elm Street", sure.Findings.Single(f => f.Rule == "no-personal-details").Evidence.Single().Text);
        Assert.IsEmpty(unsure.Findings.Where(f => f.Rule == "no-personal-details"));
        Assert.AreEqual(CheckStatus.Passed, Check(unsure, "no-personal-details").Status);
    }

    [TestMethod]
    public void A_phone_number_about_the_reader_counts_and_other_personal_data_does_not()
    {
        const string body = "Hi Jane,\nI will call you on 0123 456789 tonight, or write to jane.doe@mail.example.";
        MessageInput message = Message(body);
        AnalysisResult result = Analyze(message, With(message, body, pii: [At(body, "0123 456789", "phonenumber"), At(body, "jane.doe@mail.example", "Email")]));

        Finding[] findings = result.Findings.Where(f => f.Rule == "no-personal-details").ToArray();
        Assert.AreEqual("0123 456789", findings.Single().Evidence.Single().Text);
    }

    [TestMethod]
    public void Personal_data_the_phrase_list_already_quotes_is_one_finding()
    {
        const string body = "Hi Jane,\nI already have your home address, 12 Elm Street.";
        MessageInput message = Message(body);
        AnalysisResult result = Analyze(message, With(message, body, pii: [At(body, "your home address", "Address")]));

        Assert.HasCount(1, result.Findings.Where(f => f.Rule == "no-personal-details"));
    }

    [TestMethod]
    public void Without_signals_the_check_detail_names_no_service()
    {
        MessageInput message = Message(Visit);
        RuleCheck check = Check(Analyze(message, AnalysisContext.FromMessageOnly(message)), "no-personal-details");

        Assert.AreEqual("No private details of the recipient are mentioned.", check.Detail);
    }

    [TestMethod]
    public void A_language_service_that_failed_is_named_with_its_reason()
    {
        MessageInput message = Message("Hi Jane,\nCould I ask you one question?");
        AnalysisContext context = WithSignals(message, null, Reason.With("language/timeout", ("service", "azure-ai-language"), ("seconds", "2")));

        RuleCheck check = Check(Analyze(message, context), "specific-reference");
        Assert.AreEqual("check/language-service-unavailable", check.DetailId);
        StringAssert.StartsWith(check.Detail, "No specific reference to the recipient's work. (");
    }
}
