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
        [new[] { "check", Sample("en-auto-dm.eml"), "--mailbox" }, "'--mailbox'"],
        [new[] { "check", Sample("en-auto-dm.eml"), "--jsn" }, "Unrecognized command or argument '--jsn'"],
        [new[] { "check" }, "Required argument 'MESSAGE' missing"],
        [new[] { "check", Sample("en-auto-dm.eml"), "--lang", "xx" }, "--lang must be en or it, not 'xx'"],
        [new[] { "report" }, "Option '--mailbox' is required"],
        [new[] { "chek" }, "Unrecognized command or argument 'chek'"],
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
        Assert.HasCount(1, run.Stderr.TrimEnd().Split('\n'), "a short usage, one line");
        StringAssert.Contains(run.Stderr, "usage: outreach check");
    }

    [TestMethod]
    [DataRow("check")]
    [DataRow("report")]
    [DataRow("rules")]
    [DataRow("serve")]
    public async Task Every_command_has_generated_help(string command)
    {
        Run run = await RunAsync([command, "--help"]);
        Assert.AreEqual(0, run.ExitCode);
        StringAssert.Contains(run.Stdout, $"outreach {command}");
        StringAssert.Contains(run.Stdout, "--help");
    }

    [TestMethod]
    public async Task Control_characters_in_an_error_line_are_made_visible()
    {
        Run run = await RunAsync(["check", "/no/such/\u001b]0;pwned\u0007.eml"]);
        Assert.AreEqual(2, run.ExitCode);
        Assert.DoesNotContain("\u001b", run.Stderr);
        StringAssert.Contains(run.Stderr, "\\u001b");
    }
}
