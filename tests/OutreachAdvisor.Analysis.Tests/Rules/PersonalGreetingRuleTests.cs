using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.PersonalGreeting;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Rules;

[TestClass]
public sealed class PersonalGreetingRuleTests : RuleTestBase<PersonalGreetingRule, PersonalGreetingRuleTests>
{
    public static IEnumerable<object[]> MustFire => new RuleCase[]
    {
        new RuleCase("en", "the article's 'Dear _ __'", Message("Dear _ __,\n\nI would love to pick your brain over coffee.")).Expect("placeholder", "Dear _ __,"),
        new RuleCase("en", "bracketed placeholder", Message("Dear [Name],\nI hope you are well.")).Expect("placeholder", "Dear [Name],"),
        new RuleCase("en", "mustache merge field", Message("Hi {{first_name}},\nQuick question for you.")).Expect("placeholder", "Hi {{first_name}},"),
        new RuleCase("en", "Sir or Madam", Message("Dear Sir or Madam,\nI am writing to ask for advice.")).Expect("impersonal", "Dear Sir or Madam"),
        new RuleCase("en", "to whom it may concern", Message("To whom it may concern,\nPlease find my CV attached.")).Expect("impersonal", "To whom it may concern"),
        new RuleCase("en", "empty name", Message("Dear ,\nI saw your talk.")).Expect("placeholder", "Dear ,"),
        new RuleCase("en", "merge field in the subject", Message("Dear Jane,\nI loved your article.", subject: "An idea for %COMPANY%")).Expect("subject-merge-field"),
        new RuleCase("en", "merge field later in the body", Message("Hi Jane,\nI know *|COMPANY|* is growing fast.")).Expect("merge-field", "*|COMPANY|*"),
        new RuleCase("it", "the article's 'Caro _ __'", Message("Caro _ __,\n\nvorrei chiederti un consiglio.")).Expect("placeholder", "Caro _ __,"),
        new RuleCase("it", "Caro ___", Message("Caro ___,\nti scrivo per una proposta.")).Expect("placeholder", "Caro ___,"),
        new RuleCase("it", "Gentile Signore/Signora", Message("Gentile Signore/Signora,\nLe scrivo per chiederle un parere.")).Expect("impersonal", "Gentile Signore/Signora"),
        new RuleCase("it", "a chi di competenza", Message("A chi di competenza,\nallego il mio curriculum.")).Expect("impersonal", "A chi di competenza"),
        new RuleCase("it", "campo [Nome]", Message("Ciao [Nome],\nho una domanda.")).Expect("placeholder", "Ciao [Nome],"),
    }.Select(c => c.AsRow());

    public static IEnumerable<object[]> MustNotFire => new RuleCase[]
    {
        new RuleCase("en", "greets by first name", Message("Dear Jane,\nI loved your piece on carriage horses.")),
        new RuleCase("en", "Hi with full name", Message("Hi Jane Doe, thanks for the talk yesterday.")),
        new RuleCase("en", "honorific and surname", Message("Dear Dr. Doe,\nThank you for your lecture.")),
        new RuleCase("en", "name only line", Message("Jane,\nthe slides are attached as promised.")),
        new RuleCase("en", "square brackets that are not a field", Message("Dear Jane,\nThe results [see attached] look good.")),
        new RuleCase("it", "saluta per nome", Message("Cara Jane,\nho letto il tuo articolo su SHAPE.")),
        new RuleCase("it", "Gentile dott.ssa", Message("Gentile dott.ssa Rossi,\nLa ringrazio per l'intervento.")),
        new RuleCase("it", "Ciao con nome", Message("Ciao Marco, ci vediamo domani?", to: [Marco])),
    }.Select(c => c.AsRow());

    [TestMethod]
    public void Placeholder_greeting_is_an_error_with_the_placeholder_as_evidence()
    {
        Outcome outcome = Evaluate(new RuleCase("en", "blank", Message("Dear _ __,\nHello.")));
        Finding finding = outcome.Findings.Single();
        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual(new Evidence(0, 10, "Dear _ __,"), finding.Evidence.Single());
    }

    [TestMethod]
    public void Placeholder_fix_puts_the_recipients_first_name_in_its_place()
    {
        MessageInput message = Message("Dear _ __,\nHello.");
        TextFix fix = Evaluate(new RuleCase("en", "blank", message)).Findings.Single().Fix!;
        string fixedText = message.Body.Remove(fix.Start, fix.Length).Insert(fix.Start, fix.Replacement);
        Assert.AreEqual("Dear Jane,\nHello.", fixedText);
    }

    [TestMethod]
    public void Impersonal_fix_replaces_the_whole_greeting_in_the_message_language()
    {
        MessageInput message = Message("Gentile Signore/Signora,\nLe scrivo per chiederle un parere sul mio progetto.", to: [Marco]);
        TextFix fix = Evaluate(new RuleCase("it", "impersonal", message)).Findings.Single().Fix!;
        Assert.AreEqual("Gentile Marco,\nLe scrivo", message.Body.Remove(fix.Start, fix.Length).Insert(fix.Start, fix.Replacement)[..24]);
    }

    [TestMethod]
    public void No_greeting_gives_an_info_hint_only()
    {
        Outcome outcome = Evaluate(new RuleCase("en", "none", Message("I loved your piece on carriage horses.")));
        Assert.AreEqual(Severity.Info, outcome.Findings.Single().Severity);
        Assert.AreEqual(CheckStatus.Passed, outcome.Status);
    }

    [TestMethod]
    public void Works_in_a_language_the_analyzer_does_not_check()
    {
        Outcome outcome = Evaluate(new RuleCase("de", "German", Message("Dear [Name],\nich habe eine Frage zu Ihrem Projekt und wir würden uns freuen, wenn Sie Zeit für uns hätten.")));
        Assert.AreEqual(CheckStatus.Failed, outcome.Status);
    }

    [TestMethod]
    public void Html_body_offsets_point_into_the_plain_text()
    {
        MessageInput message = Message("<html><body><p>Dear&nbsp;[Name],</p><p>I would love your <b>advice</b>.</p></body></html>", format: BodyFormat.Html);
        AssertFires(new RuleCase("en", "html", message).Expect("placeholder", "Dear [Name],"));
    }
}
