using OutreachAdvisor.Reports.Model;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

[TestClass]
public sealed class TemplateTests
{
    private const string Campaign =
        "Hi {0},\n\nI am launching Calm Colours, a small newsletter about colour in wellness apps, and I think {0} would enjoy it. " +
        "Every two weeks it collects three palettes tested with real users and one short interview with a designer. " +
        "Could you subscribe and share it with your readers? It would mean a lot to a tiny project like mine.\n\nThanks,\nAnn";

    [TestMethod]
    public async Task A_campaign_of_five_near_identical_texts_with_different_names_is_one_template()
    {
        var mailbox = new TestMailbox();
        string[] people = ["jane@shape.example", "marco@studio.example", "paolo@galleria.example", "lucy@press.example", "omar@radio.example"];
        for (int i = 0; i < people.Length; i++)
            mailbox.Send(people[i], Day(3, 2 + i), Campaign, i == 4 ? "Calm Colours - a newsletter for you" : "Calm Colours");
        mailbox.Send("zoe@other.example", Day(3, 3), TestMailbox.ThankingBody, "Thank you");

        OutreachReport report = await mailbox.ReportAsync();

        TemplateGroup template = report.Templates.Single();
        Assert.AreEqual(5, template.Recipients);
        Assert.AreEqual(5, template.Messages);
        Assert.AreEqual("Calm Colours", template.Subject);
        Assert.AreEqual(new DateOnly(2026, 3, 2), template.FirstSent);
        Assert.AreEqual(new DateOnly(2026, 3, 6), template.LastSent);

        // The contract: no-automation fires "in reports, the same text sent to three or more recipients".
        RuleReplyStats automation = report.Rules.Single(r => r.Rule == "no-automation");
        Assert.AreEqual(5, automation.Fired);
        // The thank-you broke nothing: it is not among the weakest (only messages with findings are), and not automated.
        Assert.IsFalse(report.Weakest.Any(w => w.Subject == "Thank you" && w.Rules.Contains("no-automation")));
    }

    [TestMethod]
    public async Task Two_near_identical_texts_are_not_a_template()
    {
        var mailbox = new TestMailbox();
        mailbox.Send("jane@shape.example", Day(3, 2), Campaign, "Calm Colours");
        mailbox.Send("marco@studio.example", Day(3, 3), Campaign, "Calm Colours");

        Assert.IsEmpty((await mailbox.ReportAsync()).Templates);
    }

    [TestMethod]
    public async Task Unrelated_texts_are_not_a_template()
    {
        var mailbox = new TestMailbox();
        for (int i = 0; i < 8; i++)
            mailbox.Send($"p{i}@x{i}.example", Day(3, 2 + i), RandomText(i), $"Hello {i}");

        Assert.IsEmpty((await mailbox.ReportAsync()).Templates);
    }

    [TestMethod]
    public async Task The_same_text_to_the_same_two_people_again_is_still_two_recipients()
    {
        var mailbox = new TestMailbox();
        for (int i = 0; i < 3; i++)
        {
            mailbox.Send("jane@shape.example", Day(3, 2 + i), Campaign, $"Calm Colours {i}");
            mailbox.Send("marco@studio.example", Day(3, 2 + i), Campaign, $"Calm Colours {i}");
        }

        Assert.IsEmpty((await mailbox.ReportAsync()).Templates);
    }

    internal static string RandomText(int seed, int words = 80)
    {
        string[] vocabulary = ["river", "paper", "window", "orange", "quiet", "market", "letter", "garden", "silver", "morning", "engine", "pocket", "winter", "bridge", "castle", "pencil",
            "yellow", "meadow", "rocket", "candle", "forest", "harbor", "island", "jacket", "kettle", "ladder", "mirror", "needle", "pillow", "rabbit", "saddle", "tunnel",
            "velvet", "wallet", "anchor", "bottle", "cactus", "dragon", "feather", "guitar", "helmet", "insect", "jungle", "lantern", "magnet", "noodle", "oyster", "parrot"];
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
    }
}
