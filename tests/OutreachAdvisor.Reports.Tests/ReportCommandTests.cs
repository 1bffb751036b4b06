using System.Text.Json;
using OutreachAdvisor.Cli;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>`outreach report` in process, on the sample mailbox (samples/mailbox/README.md: owner ann@lee.example).</summary>
[TestClass]
public sealed class ReportCommandTests
{
    private static string SampleMailbox => Path.Combine(RepoPaths.Root, "samples", "mailbox");

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), $"outreach-report-{Guid.NewGuid():N}");

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdin = new MemoryStream();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await OutreachCli.RunAsync(args, stdin, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [TestMethod]
    public async Task Report_on_the_sample_mailbox_writes_both_files()
    {
        string folder = TempFolder();
        (int exit, string? stdout, string? stderr) = await RunAsync("report", "--mailbox", SampleMailbox, "--out", folder);

        Assert.AreEqual(0, exit, stderr);
        // Nothing but the line end a run longer than five seconds adds after its progress (a loaded machine).
        Assert.AreEqual(string.Empty, stderr.Trim());
        StringAssert.Contains(stdout, "2 outreach of 7 sent, 1 replied");
        string html = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"));
        StringAssert.Contains(html, "Your SHAPE piece on colour in wellness apps");

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
        JsonElement root = json.RootElement;
        Assert.AreEqual("ann@lee.example", root.GetProperty("me").GetString());
        Assert.AreEqual(7, root.GetProperty("sentMessages").GetInt32());
        // Marco (3 Feb, answered the next day) and Jane (7 Apr, never answered); Tom is a colleague,
        // the 10 Mar mail to Marco follows earlier contact, and the 21 Apr follow-up is in Jane's thread.
        Assert.AreEqual(2, root.GetProperty("outreachMessages").GetInt32());
        Assert.AreEqual(1, root.GetProperty("replied").GetInt32());
        Assert.AreEqual(7, root.GetProperty("receivedMessages").GetInt32());
        Assert.AreEqual("2026-02-03", root.GetProperty("from").GetString());
        Assert.AreEqual("2026-04-21", root.GetProperty("to").GetString());
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public async Task Json_flag_prints_the_report_and_lang_it_writes_italian()
    {
        string folder = TempFolder();
        (int exit, string? stdout, string _) = await RunAsync("report", "--mailbox", SampleMailbox, "--out", folder, "--json", "--lang", "it", "--me", "ANN@lee.example", "--since", "2026-04-01");

        Assert.AreEqual(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.AreEqual("ann@lee.example", json.RootElement.GetProperty("me").GetString());
        Assert.AreEqual(2, json.RootElement.GetProperty("sentMessages").GetInt32());
        Assert.AreEqual(1, json.RootElement.GetProperty("outreachMessages").GetInt32());
        Assert.AreEqual("it", json.RootElement.GetProperty("language").GetString());
        StringAssert.Contains(await File.ReadAllTextAsync(Path.Combine(folder, "report.html")), "Rapporto sulla posta inviata");
        Directory.Delete(folder, recursive: true);
    }

    public static IEnumerable<object[]> BadInput =>
    [
        [new[] { "report", "--mailbox", "/no/such/mailbox" }, "mailbox not found"],
        [new[] { "report" }, "Option '--mailbox' is required"],
        [new[] { "report", "--mailbox", SampleMailbox, "--since", "01/03/2026" }, "bad --since"],
        [new[] { "report", "--mailbox", SampleMailbox, "--since", "2026-02-30" }, "bad --since"],
        [new[] { "report", "--mailbox", SampleMailbox, "--me", "ann" }, "bad --me"],
        [new[] { "report", "--mailbox", SampleMailbox, "--out", Path.Combine(SampleMailbox, "contacts.vcf") }, "is a file"],
        [new[] { "report", "--mailbox", SampleMailbox, "--out", Path.Combine(SampleMailbox, "contacts.vcf", "inside") }, "cannot write to --out"],
        [new[] { "report", "--mailbox", SampleMailbox, "--frmo", "x" }, "Unrecognized command or argument '--frmo'"],
    ];

    [TestMethod]
    [DynamicData(nameof(BadInput))]
    public async Task Bad_input_exits_2_with_one_line(string[] args, string expected)
    {
        (int exit, string? stdout, string? stderr) = await RunAsync(args);

        Assert.AreEqual(2, exit);
        Assert.AreEqual(string.Empty, stdout);
        string[] lines = stderr.TrimEnd().Split('\n');
        Assert.HasCount(1, lines, stderr);
        StringAssert.StartsWith(lines[0], "outreach: ");
        StringAssert.Contains(lines[0], expected);
    }

    [TestMethod]
    public async Task An_empty_mailbox_without_me_is_a_usage_error_and_with_me_an_empty_report()
    {
        string mailbox = TempFolder();
        Directory.CreateDirectory(mailbox);
        string folder = TempFolder();

        (int exit, string _, string? stderr) = await RunAsync("report", "--mailbox", mailbox, "--out", folder);
        Assert.AreEqual(2, exit);
        StringAssert.Contains(stderr, "give --me");

        (exit, _, stderr) = await RunAsync("report", "--mailbox", mailbox, "--out", folder, "--me", "ann@lee.example");
        Assert.AreEqual(0, exit, stderr);
        Assert.IsTrue(File.Exists(Path.Combine(folder, "report.html")));
        Directory.Delete(mailbox, recursive: true);
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public async Task Help_describes_the_report_command()
    {
        (int exit, string? stdout, string _) = await RunAsync("report", "--help");
        Assert.AreEqual(0, exit);
        StringAssert.Contains(stdout, "--mailbox <PATH>");
        StringAssert.Contains(stdout, "--since <YYYY-MM-DD>");
    }
}
