using static OutreachAdvisor.Cli.Tests.CliRunner;

namespace OutreachAdvisor.Cli.Tests;

/// <summary>Bad input: exit code 2 and one clear line on standard error, never a stack trace, nothing on standard output.</summary>
[TestClass]
public sealed class BadInputTests
{
    private static string TempFile(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"outreach-{Guid.NewGuid():N}.eml");
        File.WriteAllText(path, content);
        return path;
    }

    public static IEnumerable<object[]> Cases =>
    [
        [new[] { "check", "/no/such/message.eml" }, "message file not found"],
        [new[] { "check", TempFile("just some words, not an e-mail\nsecond line\n") }, "is not a MIME message"],
        [new[] { "check", TempFile("From: a@b.example\nTo: c@d.example\nSubject: empty\n\n") }, "has no text body"],
        [new[] { "check", TempFile("") }, "is empty"],
        [new[] { "check", Sample("en-auto-dm.eml"), "--mailbox", "/no/such/mailbox" }, "mailbox"],
        [new[] { "check", Sample("en-auto-dm.eml"), "--found-at", "jane-at-shape" }, "bad --found-at"],
        [new[] { "check", Sample("en-auto-dm.eml"), "--found-at", "jane@shape.example=/no/such/page.html" }, "neither an http(s) URL nor an existing file"],
        [new[] { "check", Sample("en-auto-dm.eml"), "--mailbox" }, "--mailbox needs a value"],
        [new[] { "check", Sample("en-auto-dm.eml"), "--jsn" }, "unknown argument '--jsn'"],
        [new[] { "check" }, "check needs a message file"],
        [new[] { "chek" }, "unknown command 'chek'"],
        [new[] { "serve", "--port", "http" }, "--port must be a number"],
    ];

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public async Task Bad_input_exits_2_with_one_line(string[] args, string expected)
    {
        Run run = await RunAsync(args);
        Assert.AreEqual(2, run.ExitCode);
        Assert.AreEqual(string.Empty, run.Stdout);
        string[] lines = run.Stderr.TrimEnd().Split('\n');
        Assert.HasCount(1, lines, run.Stderr);
        StringAssert.StartsWith(lines[0], "outreach: ");
        StringAssert.Contains(lines[0], expected);
        Assert.DoesNotContain(" at OutreachAdvisor", run.Stderr);
    }

    [TestMethod]
    public async Task No_arguments_prints_usage_and_exits_2()
    {
        Run run = await RunAsync([]);
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Stderr, "usage: outreach check");
    }
}
