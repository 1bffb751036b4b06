using System.Text.Json;
using static OutreachAdvisor.Cli.Tests.CliRunner;

namespace OutreachAdvisor.Cli.Tests;

[TestClass]
public sealed class CheckCommandTests
{
    /// <summary>The bundled samples and the rules each must trip (at warning or above) with the sample mailbox.</summary>
    [TestMethod]
    [DataRow("en-dear-blank-coffee.eml", "engage-before-asking,mutual-benefit,personal-greeting,specific-reference")]
    [DataRow("en-perfect-for-self.eml", "engage-before-asking,mutual-benefit,right-recipient,specific-reference")]
    // "Let's network on Facebook: <link>" is an ask as well as automation (corpus/LABELLING.md section 7).
    [DataRow("en-auto-dm.eml", "engage-before-asking,mutual-benefit,no-automation,specific-reference")]
    [DataRow("en-group-cv-request.eml", "engage-before-asking,private-channel,mutual-benefit,specific-reference")]
    // The sketchbook she sends is a gift the recipient keeps: an offer (corpus/LABELLING.md section 7).
    [DataRow("en-home-address.eml", "engage-before-asking,no-personal-details")]
    [DataRow("en-html-impersonal.eml", "engage-before-asking,mutual-benefit,personal-greeting,right-recipient,specific-reference")]
    [DataRow("en-good-specific-cold.eml", "engage-before-asking")]
    [DataRow("en-good-known-contact.eml", "")]
    [DataRow("it-caro-blank.eml", "engage-before-asking,mutual-benefit,personal-greeting,specific-reference")]
    [DataRow("it-mass-mail-merge.eml", "engage-before-asking,mutual-benefit,personal-greeting,specific-reference,no-automation")]
    [DataRow("it-good-known-contact.eml", "")]
    public async Task Sample_trips_exactly_its_rules(string sample, string expectedRules)
    {
        Run run = await RunAsync(["check", Sample(sample), "--mailbox", SampleMailbox, "--json"]);
        using var result = JsonDocument.Parse(run.Stdout);
        string[] fired = result.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() is "warning" or "error")
            .Select(f => f.GetProperty("rule").GetString()!)
            .Distinct().Order().ToArray();
        string[] expected = expectedRules.Split(',', StringSplitOptions.RemoveEmptyEntries).Order().ToArray();
        CollectionAssert.AreEqual(expected, fired, string.Join(",", fired));
        Assert.AreEqual(expected.Length == 0 ? 0 : 1, run.ExitCode);
        Assert.AreEqual(string.Empty, run.Stderr);
    }

    [TestMethod]
    public async Task Json_output_is_exactly_the_contract_result_object()
    {
        Run run = await RunAsync(["check", Sample("en-dear-blank-coffee.eml"), "--json"]);
        using var result = JsonDocument.Parse(run.Stdout);
        JsonElement root = result.RootElement;
        CollectionAssert.AreEqual(new[] { "score", "coverage", "scoreBreakdown", "language", "ask", "metrics", "findings", "checks" }, root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.AreEqual("en", root.GetProperty("language").GetString());
        Assert.IsTrue(root.GetProperty("ask").GetBoolean());
        Assert.AreEqual(9, root.GetProperty("checks").GetArrayLength());
        JsonElement greeting = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "personal-greeting");
        JsonElement evidence = greeting.GetProperty("evidence")[0];
        Assert.AreEqual(0, evidence.GetProperty("start").GetInt32());
        Assert.AreEqual("Dear _ __,", evidence.GetProperty("text").GetString());
        Assert.AreEqual(JsonValueKind.Null, greeting.GetProperty("recipient").ValueKind);
        Assert.AreEqual("error", greeting.GetProperty("severity").GetString());
    }

    [TestMethod]
    public async Task Text_output_groups_findings_by_category_and_quotes_evidence()
    {
        Run run = await RunAsync(["check", Sample("en-perfect-for-self.eml"), "--mailbox", SampleMailbox, "--lang", "en"]);
        StringAssert.Contains(run.Stdout, "Personalisation");
        StringAssert.Contains(run.Stdout, "\"Self\"");
        StringAssert.Contains(run.Stdout, "-> Name the outlet");
        StringAssert.Contains(run.Stdout, "Checks");
        Assert.IsLessThan(run.Stdout.IndexOf("Personalisation", StringComparison.Ordinal), run.Stdout.IndexOf("Relationship", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Lang_it_writes_findings_in_Italian()
    {
        Run run = await RunAsync(["check", Sample("en-dear-blank-coffee.eml"), "--lang", "it"]);
        StringAssert.Contains(run.Stdout, "Personalizzazione");
        StringAssert.Contains(run.Stdout, "segnaposto vuoto");
    }

    [TestMethod]
    public async Task Standard_input_is_read_with_a_dash()
    {
        string message = await File.ReadAllTextAsync(Sample("it-caro-blank.eml"));
        Run run = await RunAsync(["check", "-", "--json"], stdin: message);
        Assert.AreEqual(1, run.ExitCode, run.Stderr);
        StringAssert.Contains(run.Stdout, "\"language\": \"it\"");
    }

    [TestMethod]
    public async Task Found_at_page_that_lists_the_address_obfuscated_passes_listed_address()
    {
        Run run = await RunAsync(["check", Sample("en-good-specific-cold.eml"), "--mailbox", SampleMailbox, "--json",
            "--found-at", "jane@shape.example=" + SamplePage("janedoe-contact.html")]);
        Assert.AreEqual("passed", CheckStatus(run, "listed-address"));
    }

    [TestMethod]
    public async Task Found_at_page_without_the_address_fails_listed_address()
    {
        Run run = await RunAsync(["check", Sample("en-good-specific-cold.eml"), "--mailbox", SampleMailbox, "--json",
            "--found-at=jane@shape.example=" + SamplePage("janedoe-about.html")]);
        Assert.AreEqual("failed", CheckStatus(run, "listed-address"));
    }

    /// <summary>Issue 15.9: escape sequences in the subject, a display name or quoted evidence are printed as visible escapes.</summary>
    [TestMethod]
    public async Task Control_characters_from_the_message_are_made_visible_in_the_text_output()
    {
        string path = Path.Combine(Path.GetTempPath(), $"outreach-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(path, "From: Ann Lee <ann@lee.example>\r\nTo: \"Jane\u001b[2J\" <jane@shape.example>\r\n" +
            "Subject: Hello \u001b]0;pwned\u0007 there\r\n\r\nDear \u001b[31m{{first_name}}\u009b,\r\nCould you review my CV?\r\n");
        try
        {
            Run run = await RunAsync(["check", path, "--lang", "en"]);

            StringAssert.Contains(run.Stdout, "pwned");
            foreach (char control in new[] { '\u001b', '\u0007', '\u009b' })
                Assert.DoesNotContain(control.ToString(), run.Stdout, $"U+{(int)control:X4} printed raw");
            StringAssert.Contains(run.Stdout, "\\u001b]0;pwned\\u0007");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Issue 15.4: a To header nothing can be read from (an unquoted backslash and no address) used to give vacuous passes.</summary>
    [TestMethod]
    public async Task A_recipient_header_that_cannot_be_read_skips_the_recipient_rules_and_says_so()
    {
        string path = Path.Combine(Path.GetTempPath(), $"outreach-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(path, "From: Ann Lee <ann@lee.example>\r\nTo: Eva \\orris <no address here>\r\nSubject: Your piece\r\n\r\n" +
            "Hi Eva,\r\nI read your piece on river towns last week. Could you spare ten minutes for a call?\r\n");
        try
        {
            Run json = await RunAsync(["check", path, "--json"]);
            foreach (string rule in new[] { "private-channel", "right-recipient", "engage-before-asking", "listed-address" })
                Assert.AreEqual("skipped", CheckStatus(json, rule), rule);
            Assert.AreEqual("passed", CheckStatus(json, "personal-greeting"));

            Run text = await RunAsync(["check", path, "--lang", "en"]);
            StringAssert.Contains(text.Stdout, "no address could be read from the message's To header");
            Assert.AreEqual(string.Empty, text.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Issue 15: a To header that is only partly readable (two addresses, and a part that holds none) used to pass
    /// private-channel as if the two were everyone; the recipient rules now say a part could not be read.
    /// </summary>
    [TestMethod]
    public async Task A_recipient_header_that_is_only_partly_readable_gives_no_recipient_pass_and_says_so()
    {
        string path = Path.Combine(Path.GetTempPath(), $"outreach-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(path, "From: Ann Lee <ann@lee.example>\r\nTo: Nadia Kerr <nadia@harbour-press.example>, \"Ward, Tomas\" <no address>\r\nSubject: Your piece\r\n\r\n" +
            "Hi Nadia,\r\nI read your piece on river towns last week. Could you spare ten minutes for a call?\r\n");
        try
        {
            Run json = await RunAsync(["check", path, "--json"]);
            using (var result = JsonDocument.Parse(json.Stdout))
            {
                JsonElement privateChannel = result.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "private-channel");
                Assert.AreEqual("skipped", privateChannel.GetProperty("status").GetString(), "one readable recipient is not 'one recipient'");
                Assert.AreEqual("check/recipients-partly-unchecked", privateChannel.GetProperty("detailId").GetString());
            }
            Assert.AreEqual("passed", CheckStatus(json, "personal-greeting"), "the text rules are not affected");

            Run text = await RunAsync(["check", path, "--lang", "it"]);
            StringAssert.Contains(text.Stdout, "una parte dell'intestazione To del messaggio non si è potuta leggere");
            Assert.AreEqual(string.Empty, text.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string? CheckStatus(Run run, string rule)
    {
        using var result = JsonDocument.Parse(run.Stdout);
        return result.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == rule).GetProperty("status").GetString();
    }
}
