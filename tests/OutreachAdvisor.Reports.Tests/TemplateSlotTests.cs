using OutreachAdvisor.Reports.Benchmarks;
using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Templates;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>Templates whose copies differ in slots and names (issue 12), and the template benchmark's floors.</summary>
[TestClass]
public sealed class TemplateSlotTests
{
    private const string Slotted =
        "Hi {0},\n\nI loved your piece on calm colour palettes. I am a designer at a small studio that works on wellness apps. " +
        "Would you have 15 minutes for a call {1}? I would be happy to share our survey of {2} people in return.\n\nBest,\nAnn";

    [TestMethod]
    public async Task A_campaign_whose_copies_differ_in_name_and_a_slot_is_one_template()
    {
        var mailbox = new TestMailbox();
        string[] people = ["jane@shape.example", "marco@studio.example", "paolo@galleria.example", "lucy@press.example", "omar@radio.example"];
        string[] when = ["next week", "this week", "on Friday", "on Monday", "before the summer"];
        for (int i = 0; i < people.Length; i++)
            mailbox.Send(people[i], Day(3, 2 + i), Slotted.Replace("{1}", when[i], StringComparison.Ordinal).Replace("{2}", (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), "Quick question");

        OutreachReport report = await mailbox.ReportAsync();

        Assert.AreEqual(5, report.Templates.Single().Messages);
    }

    [TestMethod]
    public void The_template_benchmark_meets_its_floors_in_both_languages()
    {
        var sketcher = new TemplateSketcher();
        foreach (string language in new[] { "en", "it" })
        {
            List<CorpusMessage> corpus = CampaignCorpus.Generate(4000, language, seed: 7);
            SketchStore store = TemplateBenchmark.Sketch(corpus, sketcher);
            TemplateBenchmark.Score score = TemplateBenchmark.Evaluate(corpus, new TemplateClusterer().Cluster(store, Enumerable.Range(0, corpus.Count).ToArray()));
            Assert.IsGreaterThanOrEqualTo(0.95, score.Recall, language);
            Assert.IsGreaterThanOrEqualTo(0.99, score.Precision, language);
        }
    }
}
