using System.Globalization;
using System.Text.Json;
using OutreachAdvisor.Tests.Common;
using static OutreachAdvisor.Cli.Tests.CliRunner;

namespace OutreachAdvisor.Cli.Tests;

/// <summary>
/// Every bundled sample through `outreach check --json` with the sample mailbox: the rules that fire,
/// their severity, recipient and evidence, and each check's status. A refactoring leaves
/// Golden/samples.txt unchanged; a change of semantics updates it (OUTREACH_UPDATE_GOLDEN=1).
/// </summary>
[TestClass]
public sealed class SampleGoldenTests
{
    [TestMethod]
    public async Task Every_sample_gives_the_recorded_findings()
    {
        var lines = new List<string>();
        foreach (string sample in Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "messages"), "*.eml").Order(StringComparer.Ordinal))
        {
            Run run = await RunAsync(["check", sample, "--mailbox", SampleMailbox, "--json", "--lang", "en"]);
            using var result = JsonDocument.Parse(run.Stdout);
            lines.Add($"{Path.GetFileName(sample)} exit={run.ExitCode} score={result.RootElement.GetProperty("score")}");
            foreach (JsonElement finding in result.RootElement.GetProperty("findings").EnumerateArray())
            {
                string evidence = string.Join(" ", finding.GetProperty("evidence").EnumerateArray()
                    .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.GetProperty("start").GetInt32()}+{e.GetProperty("length").GetInt32()}")));
                string recipient = finding.GetProperty("recipient").ValueKind == JsonValueKind.String ? finding.GetProperty("recipient").GetString()! : "-";
                lines.Add($"  {finding.GetProperty("rule").GetString()} {finding.GetProperty("severity").GetString()} to={recipient} at=[{evidence}]");
            }
            lines.Add("  checks " + string.Join(" ", result.RootElement.GetProperty("checks").EnumerateArray()
                .Select(c => $"{c.GetProperty("rule").GetString()}:{c.GetProperty("status").GetString()}")));
        }
        GoldenFile.AssertMatches("tests/OutreachAdvisor.Cli.Tests/Golden/samples.txt", lines);
    }
}
