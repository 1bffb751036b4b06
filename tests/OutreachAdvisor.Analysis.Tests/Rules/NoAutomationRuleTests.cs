using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.NoAutomation;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Rules;

[TestClass]
public sealed class NoAutomationRuleTests : RuleTestBase<NoAutomationRule, NoAutomationRuleTests>
{
    private static EmailAddress[] Many(int count) => Enumerable.Range(1, count).Select(i => new EmailAddress(null, $"person{i}@company{i}.example")).ToArray();

    public static IEnumerable<object[]> MustFire => new RuleCase[]
    {
        new RuleCase("en", "the article's auto-DM", Message("Ty so much! Looking forward to your tweets. Let's network on Facebook: http://fb.example/janedoe.author My ebooks: http://books.example/JaneDoe")).Expect("formula", "Ty so much", "Looking forward to your tweets").Expect("promoted-links", "http://fb.example/janedoe.author", "http://books.example/JaneDoe"),
        new RuleCase("en", "thanks for following", Message("Thanks for following! Check out my course: https://course.example/x")).Expect("formula", "Thanks for following"),
        new RuleCase("en", "connect on LinkedIn with a link", Message("Hi Jane, let's connect on LinkedIn: https://linkedin.example/in/ann")).Expect("promoted-links", "https://linkedin.example/in/ann"),
        new RuleCase("en", "link dump", Message("Hi Jane,\nMy book: https://a.example/book\nMy podcast: https://b.example/pod\nMy shop: https://c.example")).Expect("promoted-links", "https://a.example/book", "https://b.example/pod", "https://c.example"),
        new RuleCase("en", "mass Bcc", Message("Hi,\nHere is our news.", to: [Ann], bcc: Many(6))).Expect("mass-bcc"),
        new RuleCase("it", "l'auto-DM dell'articolo", Message("Grazie per avermi seguito! Facciamo rete su Facebook: http://fb.example/janedoe.author I miei ebook: http://books.example/JaneDoe")).Expect("formula", "Grazie per avermi seguito").Expect("promoted-links", "http://fb.example/janedoe.author", "http://books.example/JaneDoe"),
        new RuleCase("it", "seguimi su Instagram", Message("Ciao! Grazie per il messaggio, sono molto contenta. Seguimi su Instagram: https://instagram.example/ann")).Expect("promoted-links", "https://instagram.example/ann"),
            new RuleCase("en", "two of the sender's links with plain labels", Message("Hi Jane,\nCould I send you some samples?\nPortfolio: https://annlee-illustration.example\nBehance: https://behance.example/annlee")).Expect("promoted-links", "https://annlee-illustration.example", "https://behance.example/annlee"),
        new RuleCase("it", "due link del mittente senza 'il mio'", Message("Ciao Jane,\nguarda il video: https://annlee.example/video\niscriviti qui: https://annlee.example/corso\nci sentiamo?")).Expect("promoted-links", "https://annlee.example/video", "https://annlee.example/corso"),
    }.Select(c => c.AsRow());

    public static IEnumerable<object[]> MustNotFire => new RuleCase[]
    {
        new RuleCase("en", "one relevant link", Message("Hi Jane,\nHere is the study I mentioned: https://journal.example/study")),
        new RuleCase("en", "a signature with one site", Message("Hi Jane,\nThanks for the talk.\n\nAnn Lee\nMy website: https://lee.example")),
        new RuleCase("en", "a personal thank-you", Message("Hi Jane, thanks for following up on my question yesterday.")),
        new RuleCase("en", "a few people in Bcc", Message("Hi,\nMinutes attached.", bcc: Many(2))),
        new RuleCase("it", "un link pertinente", Message("Ciao Jane,\necco lo studio di cui ti parlavo: https://journal.example/study")),
        new RuleCase("it", "ringraziamento personale", Message("Ciao Jane, grazie per la chiacchierata di ieri.")),
            new RuleCase("en", "two links to the recipient's own site", Message("Hi Jane,\nI loved https://shape.example/running-injuries and the follow-up at https://shape.example/recovery.")),
        new RuleCase("it", "lo stesso link due volte", Message("Ciao Jane,\necco il mio portfolio: https://annlee.example/portfolio (di nuovo: https://annlee.example/portfolio)")),
    }.Select(c => c.AsRow());

    [TestMethod]
    public void Article_auto_dm_quotes_the_formula_and_the_links()
    {
        Outcome outcome = Evaluate(new RuleCase("en", "auto-dm", Message("Ty so much! Looking forward to your tweets. Let's network on Facebook: http://fb.example/x My ebooks: http://books.example/y")));
        string[] evidence = outcome.Findings.SelectMany(f => f.Evidence).Select(e => e.Text).ToArray();
        CollectionAssert.Contains(evidence, "Ty so much");
        CollectionAssert.Contains(evidence, "http://fb.example/x");
        CollectionAssert.Contains(evidence, "http://books.example/y");
        Assert.IsTrue(outcome.Findings.All(f => f.Severity == Severity.Error));
    }
}
