using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.SpecificReference;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Rules;

[TestClass]
public sealed class SpecificReferenceRuleTests : RuleTestBase<SpecificReferenceRule, SpecificReferenceRuleTests>
{
    public static IEnumerable<object[]> MustFire => new RuleCase[]
    {
        new RuleCase("en", "generic ask", Message("Hi Jane,\nI'm a recent graduate looking to break into journalism. Could you take a look at my CV?")).Expect("no-reference", "Could you take a look at my CV?"),
        new RuleCase("en", "generic praise is no reference", Message("Hi Jane,\nI love your work and I'm a big fan. Would you be open to a quick call next week?")).Expect("no-reference", "Would you be open to a quick call next week?"),
        new RuleCase("en", "coffee ask", Message("Dear Jane,\nI'd love to pick your brain over a coffee sometime.")).Expect("no-reference", "I'd love to pick your brain over a coffee sometime."),
        new RuleCase("en", "their next piece is not their work yet", Message("Hi Jane,\nWould you be willing to feature my app in your next piece?")).Expect("no-reference", "Would you be willing to feature my app in your next piece?"),
        new RuleCase("it", "richiesta generica", Message("Ciao Jane,\nsono un neolaureato e vorrei un tuo consiglio per entrare nel giornalismo.")).Expect("no-reference", "sono un neolaureato e vorrei un tuo consiglio per entrare nel giornalismo."),
        new RuleCase("it", "il prossimo articolo non è ancora il suo lavoro", Message("Ciao Jane,\npotresti parlare della mia app nel tuo prossimo articolo?")).Expect("no-reference", "potresti parlare della mia app nel tuo prossimo articolo?"),
        new RuleCase("it", "complimento generico", Message("Cara Jane,\nammiro tanto quello che fai. Ti andrebbe un caffè la prossima settimana?")).Expect("no-reference", "Ti andrebbe un caffè la prossima settimana?"),
        new RuleCase("en", "admiring their work in general", Message("Hi Jane,\nI have long admired your impressive research and I am very interested in what you do. Would you be open to a chat?")).Expect("no-reference", "Would you be open to a chat?"),
        new RuleCase("it", "ha visto il profilo e basta", Message("Ciao Jane,\nho visto il tuo profilo e mi sembra che abbiamo molto in comune. Ti andrebbe di sentirci?")).Expect("no-reference", "Ti andrebbe di sentirci?"),
        new RuleCase("en", "the sender's own ebook is no reference to theirs", Message("Hi Jane,\nI've just published my new ebook, \"Pricing Without Fear\". Could you share it with your readers?")).Expect("no-reference", "Could you share it with your readers?"),
        new RuleCase("it", "un dato privato non è un riferimento al suo lavoro", Message("Gentile Jane,\nho visto che sua figlia frequenta la stessa scuola di mio figlio. Avrebbe mezz'ora per un caffè?")).Expect("no-reference", "Avrebbe mezz'ora per un caffè?"),
    }.Select(c => c.AsRow());

    public static IEnumerable<object[]> MustNotFire => new RuleCase[]
    {
        new RuleCase("en", "the article's own example", Message("Hi Jane,\nI saw you quoted in the Times on your position about horse-drawn carriages in New York, and what you said struck a chord. Could I ask you one question about it?")),
        new RuleCase("en", "names the article", Message("Hi Jane,\nYour recent article on running injuries changed my training. Would you be willing to answer two questions?")),
        new RuleCase("en", "quotes their words", Message("Hi Jane,\nIn your newsletter you said \"rest days are training days\" and I'd love your advice on that.")),
        new RuleCase("en", "no ask at all", Message("Hi Jane,\nJust wanted to say thank you for the lovely evening.")),
        new RuleCase("en", "words between 'your' and the work", Message("Dear Dr. Chen,\nI just finished your 2025 paper on sleep spindles. Would you be open to a 15-minute call?")),
        new RuleCase("it", "l'esempio dell'articolo", Message("Ciao Jane,\nti ho visto citata sul Times riguardo alla tua posizione sulle carrozze a New York, e quello che hai detto mi ha colpito. Potrei farti una domanda?")),
        new RuleCase("it", "cita l'intervista", Message("Cara Jane,\nho letto la tua intervista sul numero di marzo. Vorrei chiederti un consiglio.")),
        new RuleCase("it", "nessuna richiesta", Message("Ciao Jane,\ngrazie ancora per la bella serata di ieri.")),
        new RuleCase("en", "a warm ask to someone who has written before", Message("Hi Jane,\nCould you put me in touch with your accountant?"), Mailbox(Message("Hi Jane,\nCould you put me in touch with your accountant?"), new() { [Jane.Address] = TwoWay })),
        new RuleCase("it", "una richiesta a un collega", Message("Ciao Priya,\npotresti inoltrarmi il verbale della riunione?", to: [Priya]), Mailbox(Message("Ciao Priya,\npotresti inoltrarmi il verbale della riunione?", to: [Priya]))),
        new RuleCase("en", "names the outlet where their column ran", Message("Hi Jane,\nYour column in The Guardian last week about tenant rights stayed with me. Would you be open to a short call?", to: [new("Jane Doe", "jane.doe@gmail.example")])),
        new RuleCase("it", "parole tra 'tuo' e l'opera", Message("Gentile Luca,\nil tuo ultimo bellissimo editoriale mi ha colpito. Ti andrebbe di valutare un articolo?")),
        new RuleCase("en", "a named project, praised after the name", Message("Hi Jane,\nI saw Greenline's trial with Bristol council turning old bus shelters into seed libraries - lovely. Would you be up for a call?")),
        new RuleCase("it", "un lavoro con anno e rivista", Message("Gentile Dott.ssa Ferri,\nnel vostro lavoro su Food Chemistry del 2022 descrivete un metodo che ci interessa. Potrebbe dirmi che colonna usate?")),
    }.Select(c => c.AsRow());

    [TestMethod]
    public void Evidence_is_the_ask()
    {
        Finding finding = Evaluate(new RuleCase("en", "ask", Message("Hi Jane,\nCould you review my portfolio?"))).Findings.Single();
        Assert.AreEqual("Could you review my portfolio?", finding.Evidence.Single().Text);
    }

    [TestMethod]
    public void Unchecked_language_is_skipped_and_says_why()
    {
        Outcome outcome = Evaluate(new RuleCase("fr", "French", Message("Bonjour Jane,\nje voudrais vous demander un conseil pour mon projet, merci beaucoup pour votre temps et pour votre aide.")));
        Assert.AreEqual(CheckStatus.Skipped, outcome.Status);
        StringAssert.Contains(outcome.Detail, "(fr)");
    }

    [TestMethod]
    public void Language_service_event_addressed_to_the_reader_counts_as_a_reference()
    {
        const string body = "Hi Jane,\nDesign Days 2026 was where I first heard you. Could I ask you one question?";
        MessageInput message = Message(body);
        Assert.AreEqual(CheckStatus.Failed, Evaluate(new RuleCase("en", "without", message)).Status);
        Outcome outcome = Evaluate(new RuleCase("en", "with", message, WithSignals(message, Signals(body, entities: [("Design Days 2026", "Event")]))));
        Assert.AreEqual(CheckStatus.Passed, outcome.Status);
        StringAssert.Contains(outcome.Detail, "Design Days 2026");
    }
}
