using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.NoPersonalDetails;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Rules;

[TestClass]
public sealed class NoPersonalDetailsRuleTests : RuleTestBase<NoPersonalDetailsRule, NoPersonalDetailsRuleTests>
{
    public static IEnumerable<object[]> MustFire => new RuleCase[]
    {
        new RuleCase("en", "the article's cyber-stalker", Message("Hi Jane,\nI want to send you a copy of my book - I already have your home address.")).Expect("private-detail", "I already have your home address"),
        new RuleCase("en", "personal phone", Message("Hi Jane,\nI found your personal phone number online, can I call you tonight?")).Expect("private-detail", "I found your personal phone"),
        new RuleCase("en", "where you live", Message("Hi Jane,\nI know where you live, we are neighbours!")).Expect("private-detail", "where you live"),
        new RuleCase("en", "drop it at the door", Message("Hi Jane,\nI'll drop the sample at your door on Friday.")).Expect("private-detail", "at your door"),
        new RuleCase("it", "l'indirizzo di casa", Message("Ciao Jane,\nvorrei spedirti il mio libro, ho già il tuo indirizzo di casa.")).Expect("private-detail", "ho già il tuo indirizzo di casa"),
        new RuleCase("it", "il cellulare", Message("Cara Jane,\nho trovato il tuo cellulare su un forum.")).Expect("private-detail", "ho trovato il tuo cellulare"),
        new RuleCase("it", "dove abiti", Message("Ciao Jane,\nso dove abiti, passo a trovarti.")).Expect("private-detail", "dove abiti"),
            new RuleCase("en", "where she walks her dog, no listed phrase", Message("Hi Jane,\nI think we're neighbours - I've seen you walking your dog in Victoria Park most mornings. Could I buy you a coffee?")).Expect("private-detail", "I think we're neighbours"),
        new RuleCase("en", "the recipient's children", Message("Hi Jane,\nHow are your twins getting on at nursery? I'd love your view on our pitch.")).Expect("private-detail", "your twins"),
        new RuleCase("en", "a birthday", Message("Hi Jane,\nHappy birthday for yesterday! Could I ask a quick favour?")).Expect("private-detail", "Happy birthday"),
        new RuleCase("en", "her weekly whereabouts", Message("Hi Jane,\nI spot you at the Riverside gym every Tuesday, so I thought I'd say hi.")).Expect("private-detail", "spot you at the Riverside gym every Tuesday"),
        new RuleCase("en", "a private social account", Message("Hi Jane,\nI also messaged your private Facebook in case that's quicker.")).Expect("private-detail", "your private Facebook"),
        new RuleCase("it", "il marito", Message("Ciao Jane,\nho saputo che tuo marito lavora con mio cugino: potremmo vederci?")).Expect("private-detail", "tuo marito"),
        new RuleCase("it", "il compleanno", Message("Ciao Jane,\nbuon compleanno! Ti scrivo per chiederti un consiglio.")).Expect("private-detail", "buon compleanno"),
        new RuleCase("it", "sa dove abita", Message("Ciao Jane,\nho saputo che abiti in via Garibaldi, vicino al mio ufficio.")).Expect("private-detail", "ho saputo che abiti"),
        new RuleCase("it", "il numero WhatsApp personale", Message("Ciao Jane,\nti scrivo anche sul tuo numero WhatsApp personale.")).Expect("private-detail", "numero WhatsApp personale"),
    }.Select(c => c.AsRow());

    public static IEnumerable<object[]> MustNotFire => new RuleCase[]
    {
        new RuleCase("en", "the public contact page", Message("Hi Jane,\nI found your address on your website's contact page.")),
        new RuleCase("en", "sender's own phone in the signature", Message("Hi Jane,\nThanks for the talk.\n\nAnn Lee\n+39 333 1234567")),
        new RuleCase("en", "work address", Message("Hi Jane,\nCould I send the book to your office at the magazine?")),
        new RuleCase("it", "la pagina contatti", Message("Ciao Jane,\nho trovato il tuo indirizzo e-mail nella pagina contatti.")),
        new RuleCase("it", "l'ufficio", Message("Gentile Jane,\nposso spedire il libro in redazione?")),
            new RuleCase("en", "an address from the press office", Message("Hi Jane,\nThe press office passed me your email and said you cover urban farming.")),
        new RuleCase("it", "un contatto dal sito dello studio", Message("Gentile Jane,\nho preso il suo numero dal sito dello studio e le scrivo prima di chiamarla.")),
        new RuleCase("en", "a children's book is work, the sender's daughter is the sender's", Message("Hi Jane,\nYour children's book about otters made my daughter laugh. Could you sign a copy for her school?")),
        new RuleCase("en", "a family-run business is public", Message("Hi Jane,\nYour family-run bakery was in the Evening News list. Would you take part in our tasting?")),
        new RuleCase("en", "business partners", Message("Hi Jane,\nCould you share the survey with your partner agencies?")),
        new RuleCase("it", "il proprio cellulare in firma", Message("Gentile Jane,\nle mando il programma. Per qualsiasi cosa, il mio cellulare personale è 333 1234567.")),
        new RuleCase("it", "il figlio del mittente", Message("Gentile Jane,\nmio figlio ha letto il suo libro tre volte: potrei invitarla a scuola?")),
        new RuleCase("en", "a pleasantry knows nothing private", Message("Hi Jane,\nHope you're well! I loved your talk on urban bees.")),
        new RuleCase("it", "un saluto di cortesia", Message("Ciao Jane,\nspero che tu stia bene. Ho letto il tuo articolo sulle api.")),
    }.Select(c => c.AsRow());

    [TestMethod]
    public void It_is_an_error_quoting_the_words()
    {
        Finding finding = Evaluate(new RuleCase("en", "home", Message("I have your home address."))).Findings.Single();
        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual("I have your home address", finding.Evidence.Single().Text);
    }

    [TestMethod]
    public void Language_service_street_address_in_a_sentence_about_the_reader_fires()
    {
        const string body = "Hi Jane,\nI will wait for you at 12 Elm Street tomorrow morning.";
        MessageInput message = Message(body);
        Outcome outcome = Evaluate(new RuleCase("en", "pii", message, WithSignals(message, Signals(body, pii: [("12 Elm Street", "Address")]))));
        Assert.AreEqual("12 Elm Street", outcome.Findings.Single().Evidence.Single().Text);
        StringAssert.Contains(outcome.Detail, "azure-ai-language");
    }

    [TestMethod]
    public void Language_service_address_in_the_senders_signature_stays_quiet()
    {
        const string body = "Hi Jane,\nThanks for the talk.\n\nAnn Lee\nStudio Lee, 5 Via Roma, Torino";
        MessageInput message = Message(body);
        Outcome outcome = Evaluate(new RuleCase("en", "signature", message, WithSignals(message, Signals(body, pii: [("5 Via Roma, Torino", "Address")]))));
        Assert.IsEmpty(outcome.Findings);
    }

    [TestMethod]
    public void Language_service_failure_is_named_in_the_check()
    {
        MessageInput message = Message("Hi Jane,\nThanks.");
        Outcome outcome = Evaluate(new RuleCase("en", "fallback", message, WithSignals(message, null, Reason.With("language/timeout", ("service", "azure-ai-language"), ("seconds", "2")))));
        StringAssert.Contains(outcome.Detail, "the built-in analyzer was used");
        Assert.AreEqual(CheckStatus.Passed, outcome.Status);
    }
}
