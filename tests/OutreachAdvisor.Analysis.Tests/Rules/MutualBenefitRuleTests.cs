using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.MutualBenefit;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Rules;

[TestClass]
public sealed class MutualBenefitRuleTests : RuleTestBase<MutualBenefitRule, MutualBenefitRuleTests>
{
    public static IEnumerable<object[]> MustFire => new RuleCase[]
    {
        new RuleCase("en", "take only", Message("Hi Jane,\nCould you introduce me to your editor? I need a byline.")).Expect("nothing-offered", "Could you introduce me to your editor?"),
        new RuleCase("en", "an HTML link in the reference is no offer", Message("<div>Dear Jane,</div><div>I read <a href=\"https://shape.example/colour\">your piece on colour</a> and would love to pick your brain over coffee. Could you also review my CV?</div>", format: BodyFormat.Html)).Expect("nothing-offered", "I read your piece on colour <https://shape.example/colour> and would love to pick your brain over coffee."),
        new RuleCase("it", "un link HTML nel riferimento non è un'offerta", Message("<div>Ciao Giulia,</div><div>ho letto <a href=\"https://rivista.example/colore\">il tuo articolo sul colore</a>. Potresti dare un'occhiata al mio curriculum?</div>", format: BodyFormat.Html)).Expect("nothing-offered", "Potresti dare un'occhiata al mio curriculum?"),
        new RuleCase("en", "CV review", Message("Dear Jane,\nI'd really appreciate it if you could look over my résumé.")).Expect("nothing-offered", "I'd really appreciate it if you could look over my résumé."),
        new RuleCase("en", "sending my own CV is no offer", Message("Dear Jane,\nCould you tell me about openings at SHAPE? I can send you my CV.")).Expect("nothing-offered", "Could you tell me about openings at SHAPE?"),
        new RuleCase("it", "solo richiesta", Message("Ciao Jane,\npotresti presentarmi al tuo editor?")).Expect("nothing-offered", "potresti presentarmi al tuo editor?"),
        new RuleCase("it", "curriculum", Message("Gentile Jane,\nmi piacerebbe un tuo parere sul mio curriculum.")).Expect("nothing-offered", "mi piacerebbe un tuo parere sul mio curriculum."),
    }.Select(c => c.AsRow());

    public static IEnumerable<object[]> MustNotFire => new RuleCase[]
    {
        new RuleCase("en", "offers to return the favour", Message("Hi Jane,\nCould you introduce me to your editor? I'd be happy to return the favour any time.")),
        new RuleCase("en", "offers help", Message("Hi Jane,\nWould you have 10 minutes for a call? In return, I can help you test the new app with my students.")),
        new RuleCase("en", "buys the coffee", Message("Hi Jane,\nCould I buy you a coffee? My treat, of course.")),
        new RuleCase("en", "a colleague asked to review mock-ups", Message("Hi Priya,\ncould you look over the onboarding mock-ups before Thursday's design review?", to: [Priya]),
            Mailbox(Message("Hi Priya,\ncould you look over the onboarding mock-ups before Thursday's design review?", to: [Priya]), new() { [Priya.Address] = TwoWay })),
        new RuleCase("it", "una collega per una bozza", Message("Ciao Priya,\nriesci a dare un'occhiata alla bozza del preventivo entro domani?", to: [Priya]), Mailbox(Message("Ciao Priya,\nriesci a dare un'occhiata alla bozza del preventivo entro domani?", to: [Priya]))),
        new RuleCase("en", "a friend who has written before", Message("Hi Jane,\ncould you lend me your tent for the weekend?"), Mailbox(Message("Hi Jane,\ncould you lend me your tent for the weekend?"), new() { [Jane.Address] = TwoWay })),
        new RuleCase("it", "un contatto noto", Message("Ciao Jane,\nmi passeresti il numero del fotografo del matrimonio?"), Mailbox(Message("Ciao Jane,\nmi passeresti il numero del fotografo del matrimonio?"), new() { [Jane.Address] = TwoWay })),
        new RuleCase("en", "a long cold ask: only a hint", Message("Hi Jane,\nCould you look at my portfolio? I'd be happy to return the favour by reviewing yours. " + string.Concat(Enumerable.Repeat("I have worked on brand identity for small food producers in the valley for six years. ", 20)))),
        new RuleCase("en", "a hard cold ask: only a hint", Message("Hi Jane,\nWould you consider evaluating the methodological considerations underlying the epidemiological characterisation of intergenerational socioeconomic stratification, notwithstanding institutional heterogeneity and longitudinal attrition? In return, I'd be happy to share our preliminary anonymised datasets with your laboratory.")),
        new RuleCase("en", "all about me, but no ask: only a hint", Message("Hi Jane,\nI finished my course, I moved to Leeds, I started my own studio, and I think my new work is my best. I am proud of myself.")),
        new RuleCase("en", "no ask", Message("Hi Jane,\nThanks for the great talk!")),
        new RuleCase("en", "offers the data", Message("Hi Jane,\nCould you look at our study? We can share the results with your lab before we publish.")),
        new RuleCase("it", "offre di ricambiare", Message("Ciao Jane,\npotresti presentarmi al tuo editor? Sarei felice di ricambiare il favore.")),
        new RuleCase("it", "offre aiuto", Message("Ciao Jane,\nti andrebbe un caffè? Posso aiutarti con le foto per il tuo blog, in cambio.")),
        new RuleCase("it", "offre i dati", Message("Gentile Luca,\nti andrebbe di valutare un articolo? Posso mandarti i dati della ricerca.")),
        new RuleCase("it", "se può essere utile", Message("Gentile Luca,\npotresti leggere la mia proposta? Se ti può essere utile, conosco due artigiani da intervistare.")),
        new RuleCase("it", "i dati girati se utili", Message("Gentile Jane,\nse le sono utili le giro i nostri dati sulle vendite per regione. Avrebbe tempo per una call?")),
        new RuleCase("it", "mette a disposizione", Message("Gentile Jane,\nle proporrei un workshop con i suoi studenti: noi mettiamo a disposizione il laboratorio e i materiali. Sarebbe interessata?")),
        new RuleCase("en", "a gift with no strings attached", Message("Hi Jane,\nI've attached a benchmark of footfall on your high streets, no strings attached. Could we talk next week?")),
    }.Select(c => c.AsRow());

    [TestMethod]
    public void Self_focused_message_gets_an_info_hint()
    {
        const string body = "Hi Jane,\nI am a designer. I have worked on my portfolio for years and I think my style is unique. " +
                            "I want my work to be seen, I need my name out there, and I believe I deserve it. My goal is my own studio.";
        Outcome outcome = Evaluate(new RuleCase("en", "self", Message(body)));
        Finding hint = outcome.Findings.Single();
        Assert.AreEqual(Severity.Info, hint.Severity);
        StringAssert.Contains(hint.Message, "mostly about you");
    }

    [TestMethod]
    public void A_long_cold_ask_gets_a_hint_citing_the_published_numbers()
    {
        MessageInput message = Message("Hi Jane,\nCould you review my portfolio? I'd be glad to return the favour. " + string.Concat(Enumerable.Repeat("I design packaging for small producers in the hills and have done so for years. ", 25)));
        Finding hint = Evaluate(new RuleCase("en", "long", message)).Findings.Single(f => f.MessageId == Id("long-ask"));
        Assert.AreEqual(Severity.Info, hint.Severity);
        StringAssert.Contains(hint.Message, "50-125 words");
    }

    [TestMethod]
    public void A_colleague_gets_no_cold_outreach_hint_and_the_check_says_why()
    {
        MessageInput message = Message("Hi Priya,\ncould you check the invoice numbers?", to: [Priya]);
        Outcome outcome = Evaluate(new RuleCase("en", "colleague", message, Mailbox(message)));
        Assert.IsEmpty(outcome.Findings);
        Assert.AreEqual("check/no-cold-recipient", outcome.DetailId);
        StringAssert.Contains(outcome.Detail, "is a colleague");
    }
}
