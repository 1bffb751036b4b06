using System.Text.Json;
using System.Text.RegularExpressions;
using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Output;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

[TestClass]
public sealed partial class OutputTests
{
    private const string Hostile = "<script>alert('x')</script> & \"friends\"";

    private static async Task<OutreachReport> ReportAsync(int messages = 3)
    {
        var mailbox = new TestMailbox();
        for (int i = 0; i < messages; i++)
        {
            string sent = mailbox.Send($"p{i}@x{i}.example", Day(3, 2 + (i % 20)), i % 2 == 0 ? AskingBody : ThankingBody, i == 0 ? Hostile : $"Hello {i}");
            if (i % 3 == 0)
                mailbox.Receive($"p{i}@x{i}.example", Day(3, 3 + (i % 20)), conversation: sent);
        }

        return await mailbox.ReportAsync(o => o with { WeakestCount = 10 });
    }

    [TestMethod]
    public async Task Json_has_the_contract_fields_with_their_names()
    {
        using var json = JsonDocument.Parse(ReportJson.Serialize(await ReportAsync()));
        JsonElement root = json.RootElement;
        foreach (string? field in new[] { "me", "from", "to", "sentMessages", "outreachMessages", "replied", "replyRate", "averageScore", "rules", "templates", "weeks", "weakest", "scoreBands", "language", "generatedAt" })
            Assert.IsTrue(root.TryGetProperty(field, out _), field);

        Assert.AreEqual("ann@lee.example", root.GetProperty("me").GetString());
        Assert.AreEqual("2026-03-02", root.GetProperty("from").GetString());
        JsonElement rule = root.GetProperty("rules")[0];
        foreach (string? field in new[] { "rule", "fired", "repliedWhenFired", "notFired", "repliedWhenNotFired" })
            Assert.IsTrue(rule.TryGetProperty(field, out _), field);
        JsonElement week = root.GetProperty("weeks")[0];
        foreach (string? field in new[] { "week", "outreachMessages", "averageScore", "replied" })
            Assert.IsTrue(week.TryGetProperty(field, out _), field);
        JsonElement weak = root.GetProperty("weakest")[0];
        foreach (string? field in new[] { "subject", "to", "sent", "score", "rules" })
            Assert.IsTrue(weak.TryGetProperty(field, out _), field);
        Assert.IsFalse(weak.TryGetProperty("body", out _), "no body unless asked");
    }

    [TestMethod]
    public async Task Template_json_fields()
    {
        OutreachReport report = (await ReportAsync()) with { Templates = [new TemplateGroup(14, "Quick question", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9), 14, 1, 55)] };
        using var json = JsonDocument.Parse(ReportJson.Serialize(report));
        JsonElement template = json.RootElement.GetProperty("templates")[0];
        Assert.AreEqual(14, template.GetProperty("recipients").GetInt32());
        Assert.AreEqual("Quick question", template.GetProperty("subject").GetString());
        Assert.AreEqual("2026-03-02", template.GetProperty("firstSent").GetString());
        Assert.AreEqual("2026-03-09", template.GetProperty("lastSent").GetString());
    }

    [TestMethod]
    public async Task Json_round_trips()
    {
        OutreachReport report = await ReportAsync();
        OutreachReport again = ReportJson.Deserialize(ReportJson.Serialize(report))!;
        Assert.AreEqual(ReportJson.Serialize(report), ReportJson.Serialize(again));
    }

    [TestMethod]
    public async Task Html_encodes_what_comes_from_mail()
    {
        string html = ReportHtml.Render(await ReportAsync());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        StringAssert.Contains(html, "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;friends&quot;");
    }

    [TestMethod]
    public async Task Html_is_self_contained_and_well_formed()
    {
        string html = ReportHtml.Render(await ReportAsync(30));

        StringAssert.StartsWith(html, "<!DOCTYPE html>");
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("@import", html);
        StringAssert.Contains(html, "<svg class=\"chart\"");
        StringAssert.Contains(html, "@media print");
        StringAssert.Contains(html, "name=\"viewport\"");
        AssertBalanced(html);
    }

    [TestMethod]
    public async Task Small_samples_are_called_small()
    {
        string html = ReportHtml.Render(await ReportAsync(5));
        StringAssert.Contains(html, "too few to draw conclusions");
        StringAssert.Contains(html, "Only 5 outreach messages");

        string large = ReportHtml.Render(await ReportAsync(30));
        Assert.DoesNotContain("Only 30 outreach messages", large);
        StringAssert.Contains(large, " of 15 replied (");
    }

    [TestMethod]
    public async Task Html_in_italian()
    {
        string html = ReportHtml.Render(await ReportAsync(5), "it");
        StringAssert.Contains(html, "<html lang=\"it\">");
        StringAssert.Contains(html, "Rapporto sulla posta inviata");
        StringAssert.Contains(html, "troppo pochi per trarre conclusioni");
        Assert.DoesNotContain("too few", html);
    }

    [TestMethod]
    public async Task An_empty_report_renders_and_says_so()
    {
        string html = ReportHtml.Render(await new TestMailbox().ReportAsync());
        StringAssert.Contains(html, "No outreach messages in this period");
        AssertBalanced(html);
    }

    [TestMethod]
    public async Task The_page_fits_a_phone_and_shows_intervals_verdicts_features_and_follow_ups()
    {
        var mailbox = new TestMailbox();
        for (int i = 0; i < 12; i++)
            mailbox.Send($"p{i}@x{i}.example", Day(5, 19 + (i % 5)), AskingBody, $"Hello {i}");

        OutreachReport report = await mailbox.ReportAsync();
        foreach (string language in new[] { "en", "it" })
        {
            string html = Output.ReportHtml.Render(report, language);
            Assert.DoesNotContain("min-width: 520px", html);
            StringAssert.Contains(html, "class=\"whisker\"");
            StringAssert.Contains(html, "class=\"verdict");
            StringAssert.Contains(html, language == "it" ? "Dato pubblicato altrove" : "Published elsewhere");
            StringAssert.Contains(html, language == "it" ? "Un solo sollecito" : "Follow up once");
        }
    }

    [TestMethod]
    public async Task Rule_titles_on_the_page_are_the_rule_catalogues_in_both_languages()
    {
        OutreachReport report = await ReportAsync(12);
        RuleReplyStats broken = report.Rules.Where(r => r.Fired > 0).OrderByDescending(r => r.Fired).First();
        foreach (string language in new[] { "en", "it" })
        {
            string html = ReportHtml.Render(report, language);
            string title = Analysis.Rules.RuleCatalog.Describe(broken.Rule)!.Title.In(language);
            StringAssert.Contains(html, "<h3>" + Html.Encode(title) + " <code>" + broken.Rule + "</code></h3>", language);
        }
    }

    [GeneratedRegex(@"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")]
    private static partial Regex Tag();

    /// <summary>Every element that is opened is closed, in order (void elements and self-closing SVG tags aside).</summary>
    private static void AssertBalanced(string html)
    {
        string[] voidElements = ["meta", "br", "hr", "img", "input", "link"];
        string body = html[html.IndexOf("<html", StringComparison.Ordinal)..];
        body = Regex.Replace(body, "<style>.*?</style>", "<style></style>", RegexOptions.Singleline);
        var open = new Stack<string>();
        foreach (Match tag in Tag().Matches(body))
        {
            string name = tag.Groups[2].Value.ToLowerInvariant();
            if (tag.Groups[3].Value == "/" || voidElements.Contains(name))
                continue;
            if (tag.Groups[1].Value == "/")
            {
                Assert.IsNotEmpty(open, $"</{name}> closes nothing");
                Assert.AreEqual(open.Pop(), name, "tags closed out of order");
            }
            else
            {
                open.Push(name);
            }
        }

        Assert.IsEmpty(open, "unclosed: " + string.Join(", ", open));
    }
}
