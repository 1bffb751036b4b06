using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// What personal-greeting suggests and when a group or bare greeting is a problem: the example greeting of
/// the message's language, fixes only when one person is greeted, group greetings to several people or a list.
/// </summary>
[TestClass]
public sealed class PersonalGreetingDetailTests
{
    private const string Rule = "personal-greeting";
    private static readonly EmailAddress Nameless = new(null, "x7@shape.example");

    private static AnalysisResult Analyze(MessageInput message, AnalysisContext? context = null) =>
        OutreachAnalyzer.Default.Analyze(message, context ?? AnalysisContext.FromMessageOnly(message));

    private static Finding[] Findings(AnalysisResult result) => result.Findings.Where(f => f.Rule == Rule).ToArray();

    private static RuleCheck Check(AnalysisResult result) => result.Checks.Single(c => c.Rule == Rule);

    [TestMethod]
    [DataRow("I loved your piece on carriage horses and wanted to say thanks.", "(\"Dear Jane,\")")]
    [DataRow("ho letto il tuo articolo sui cavalli e volevo ringraziarti di cuore.", "(\"Gentile Jane,\")")]
    public void Without_a_greeting_the_hint_suggests_one_with_the_recipients_name(string body, string example)
    {
        Finding hint = Findings(Analyze(Message(body))).Single();

        Assert.AreEqual(Rule + "/no-greeting", hint.MessageId);
        StringAssert.Contains(hint.Suggestion, example);
    }

    [TestMethod]
    [DataRow("I loved your piece on carriage horses and wanted to say thanks.", "(\"Dear Jane,\")")]
    [DataRow("ho letto il tuo articolo sui cavalli e volevo ringraziarti di cuore.", "(\"Gentile Jane,\")")]
    public void Without_a_name_the_hint_gives_an_example_in_the_messages_language(string body, string example)
    {
        Finding hint = Findings(Analyze(Message(body, to: [Nameless]))).Single();

        StringAssert.Contains(hint.Suggestion, example);
    }

    [TestMethod]
    public void A_placeholder_to_several_people_has_no_fix_and_greets_them()
    {
        Finding finding = Findings(Analyze(Message("Dear _ __,\nI would love your advice.", to: [Jane, Marco]))).Single();

        Assert.AreEqual(Rule + "/placeholder", finding.MessageId);
        Assert.IsNull(finding.Fix);
        Assert.AreEqual("Greet them by name.", finding.Suggestion);
    }

    [TestMethod]
    public void A_placeholder_right_after_the_salutation_gets_a_space_before_the_name()
    {
        MessageInput message = Message("Dear[Name],\nI would love your advice.");
        TextFix fix = Findings(Analyze(message)).Single().Fix!;

        Assert.AreEqual("Dear Jane,\nI would love your advice.", message.Body.Remove(fix.Start, fix.Length).Insert(fix.Start, fix.Replacement));
    }

    [TestMethod]
    public void An_impersonal_greeting_in_a_language_only_named_gets_no_fix()
    {
        MessageInput message = Message("Sehr geehrte Damen und Herren,\n\nich schreibe Ihnen, weil ich eine Frage zu meiner Bewerbung habe. Hätten Sie nächste Woche kurz Zeit?\n\nMit freundlichen Grüßen\nJonas");
        Finding finding = Findings(Analyze(message)).Single();

        Assert.AreEqual(Rule + "/impersonal", finding.MessageId);
        Assert.IsNull(finding.Fix);
    }

    [TestMethod]
    public void An_impersonal_English_greeting_is_fixed_with_Dear_and_the_name()
    {
        MessageInput message = Message("Dear Sir or Madam,\nI am writing to ask for advice.");
        TextFix fix = Findings(Analyze(message)).Single().Fix!;

        Assert.AreEqual("Dear Jane,\nI am writing", message.Body.Remove(fix.Start, fix.Length).Insert(fix.Start, fix.Replacement)[..23]);
    }

    [TestMethod]
    public void A_group_greeting_to_one_person_and_a_colleague_in_Cc_is_fine()
    {
        AnalysisResult result = Analyze(Message("Hi all,\nCould you send me the report?", to: [Jane], cc: [Priya]));

        Assert.IsEmpty(Findings(result).Where(f => f.Severity >= Severity.Warning));
    }

    [TestMethod]
    public void A_group_greeting_to_a_single_list_address_is_fine()
    {
        AnalysisResult result = Analyze(Message("Hi all,\nCould you send me the report?", to: [new EmailAddress("Writers", "writers@lists.example")]));

        Assert.IsEmpty(Findings(result).Where(f => f.Severity >= Severity.Warning));
    }

    [TestMethod]
    public void A_bare_greeting_to_someone_who_wrote_before_is_fine()
    {
        MessageInput message = Message("Hello,\nI'm a product designer and would love 15 minutes of your time.");
        AnalysisResult result = Analyze(message, Mailbox(message, new() { [Jane.Address] = TwoWay }));

        Assert.IsEmpty(Findings(result).Where(f => f.Severity >= Severity.Warning));
    }

    [TestMethod]
    public void A_bare_greeting_is_judged_by_who_is_in_To_not_Cc()
    {
        // A colleague in To, a stranger in Cc: the greeting is for the colleague.
        MessageInput message = Message("Hello,\nthe draft contract is attached for your review.", to: [Priya], cc: [Jane]);

        Assert.IsEmpty(Findings(Analyze(message)).Where(f => f.Severity >= Severity.Warning));
    }

    [TestMethod]
    public void A_merge_field_outside_a_placeholder_greeting_is_reported_too()
    {
        AnalysisResult result = Analyze(Message("Dear [Name],\nI know [Company] is growing fast."));

        CollectionAssert.AreEqual(new[] { Rule + "/placeholder", Rule + "/merge-field" }, Findings(result).Select(f => f.MessageId).ToArray());
        Assert.AreEqual("[Company]", Findings(result)[1].Evidence.Single().Text);
    }

    [TestMethod]
    public void A_named_greeting_passes_naming_the_person()
    {
        RuleCheck check = Check(Analyze(Message("Dear Jane,\nI loved your piece on carriage horses.")));

        Assert.AreEqual(CheckStatus.Passed, check.Status);
        Assert.AreEqual("The message greets Jane by name.", check.Detail);
    }

    [TestMethod]
    public void A_text_without_a_greeting_passes_as_having_no_placeholder()
    {
        RuleCheck check = Check(Analyze(Message("I loved your piece on carriage horses and wanted to say thanks.")));

        Assert.AreEqual(CheckStatus.Passed, check.Status);
        Assert.AreEqual("No placeholder or merge field found.", check.Detail);
    }

    [TestMethod]
    [DataRow("Carissima ___,\nti scrivo per una proposta.", "Ciao Giulia,\nti scrivo per una proposta.")]
    [DataRow("Gentilissima ___,\nLe scrivo per una proposta.", "Gentile Giulia,\nLe scrivo per una proposta.")]
    public void Italian_superlative_salutations_are_made_neutral_too(string body, string expected)
    {
        MessageInput message = Message(body, to: [Giulia]);
        TextFix fix = Findings(Analyze(message)).Single().Fix!;

        Assert.AreEqual(expected, message.Body.Remove(fix.Start, fix.Length).Insert(fix.Start, fix.Replacement));
    }

    private static string Apply(string body, TextFix fix) => body.Remove(fix.Start, fix.Length).Insert(fix.Start, fix.Replacement);

    [TestMethod]
    [DataRow("caro", "Ciao"), DataRow("Cara", "Ciao"), DataRow("cari", "Ciao"), DataRow("Care", "Ciao"), DataRow("Carissimo", "Ciao"), DataRow("carissima", "Ciao")]
    [DataRow("Egregio", "Gentile"), DataRow("egregia", "Gentile"), DataRow("Gentilissimo", "Gentile"), DataRow("gentilissima", "Gentile"), DataRow("Gent.mo", "Gentile"), DataRow("Gent.ma", "Gentile")]
    public void Every_gendered_Italian_salutation_is_made_neutral_and_a_line_before_the_greeting_is_kept(string salutation, string neutral)
    {
        string body = $"\n{salutation} ___,\nti scrivo per una proposta.";
        MessageInput message = Message(body, to: [Giulia]);

        TextFix fix = Findings(Analyze(message)).Single().Fix!;

        Assert.AreEqual($"\n{neutral} Giulia,\nti scrivo per una proposta.", Apply(body, fix));
    }

    [TestMethod]
    public void The_placeholder_and_no_greeting_hints_name_the_one_recipient()
    {
        Finding placeholder = Findings(Analyze(Message("Dear _ __,\nI would love your advice.", to: [Marco]))).Single();
        Finding hint = Findings(Analyze(Message("I loved your piece on carriage horses and wanted to say thanks.", to: [Marco]))).Single();

        StringAssert.Contains(placeholder.Suggestion, "Marco");
        StringAssert.Contains(hint.Suggestion, "(\"Dear Marco,\")");
    }

    [TestMethod]
    public void A_group_greeting_to_a_single_list_address_in_Cc_is_fine()
    {
        MessageInput message = Message("Hi all,\nThe minutes are attached.", to: [], cc: [new EmailAddress(null, "team@shape.example")]);

        Assert.IsEmpty(Findings(Analyze(message)).Where(f => f.MessageId == Rule + "/impersonal"));
    }

    [TestMethod]
    public void A_group_greeting_to_one_reader_in_Bcc_is_impersonal()
    {
        MessageInput message = Message("Hi all,\nCould you review my CV?", to: [], bcc: [Jane]);

        Assert.HasCount(1, Findings(Analyze(message)).Where(f => f.MessageId == Rule + "/impersonal"));
    }
}
