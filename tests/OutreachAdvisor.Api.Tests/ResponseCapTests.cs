using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Tests.Common;
using static OutreachAdvisor.Api.Tests.HttpContexts;

namespace OutreachAdvisor.Api.Tests;

/// <summary>
/// Issue 15.1, output amplification: whatever a 1 MB body holds, the answer stays under 256 KB, says what it
/// left out, and the server's memory does not grow with the number of such requests.
/// </summary>
[TestClass]
public sealed class ResponseCapTests
{
    private sealed class NoFetch : IFoundAtChecker
    {
        public Task<FoundAtVerdict> CheckAsync(string address, string source, CancellationToken cancellationToken) =>
            Task.FromResult(new FoundAtVerdict(FoundAtStatus.NotListed, Reason.With("found-at/not-listed", ("address", address), ("source", source))));
    }

    private static AnalyzeHandler Handler() =>
        new(new FixedAnalysisSources(new ContextSources { FoundAt = new NoFetch() }), OutreachAnalyzer.Default);

    /// <summary>
    /// Just under 1 MiB of JSON: 500 recipients (each with a found-at page), and a body that repeats every
    /// pattern a rule quotes - merge fields, blank and impersonal greetings, addresses, links, asks.
    /// </summary>
    public static string AdversarialBody(int seed = 0)
    {
        var to = new JsonArray();
        var foundAt = new JsonObject();
        for (int i = 0; i < 500; i++)
        {
            string address = $"person{i}.{seed}@outlet{i % 37}.example";
            to.Add(new JsonObject { ["name"] = $"Person {i}", ["address"] = address });
            foundAt[address] = $"https://outlet{i % 37}.example/staff/{i}";
        }
        var message = new JsonObject
        {
            ["from"] = new JsonObject { ["name"] = "Ann Lee", ["address"] = "ann@lee.example" },
            ["to"] = to,
            ["subject"] = "Hi {{first_name}} {{company}} [Name]",
            ["bodyFormat"] = "text",
            ["foundAt"] = foundAt,
            ["body"] = "",
        };
        int room = ApiLimits.MaxRequestBytes - Encoding.UTF8.GetByteCount(message.ToJsonString());
        StringBuilder body = AdversarialText.Body(room);
        // Escaping makes the JSON longer than the text: cut the body until the request fits the limit.
        while (true)
        {
            message["body"] = body.ToString();
            int over = Encoding.UTF8.GetByteCount(message.ToJsonString()) - ApiLimits.MaxRequestBytes;
            if (over <= 0)
                return message.ToJsonString();
            body.Length -= over;
        }
    }

    private static async Task<(int Status, string Json)> AnalyzeAsync(string json)
    {
        DefaultHttpContext context = Post(json);
        await Handler().HandleAsync(context);
        return (context.Response.StatusCode, ResponseText(context));
    }

    [TestMethod]
    public async Task A_1_MB_adversarial_body_gets_an_answer_under_256_KB_that_says_what_it_left_out()
    {
        string request = AdversarialBody();
        Assert.IsLessThanOrEqualTo(ApiLimits.MaxRequestBytes, Encoding.UTF8.GetByteCount(request));
        Assert.IsGreaterThan(ApiLimits.MaxRequestBytes - 1024, Encoding.UTF8.GetByteCount(request), "the body is the full megabyte");

        (int status, string json) = await AnalyzeAsync(request);

        Assert.AreEqual(StatusCodes.Status200OK, status, json.Length > 500 ? json[..500] : json);
        Assert.IsLessThan(256 * 1024, Encoding.UTF8.GetByteCount(json));
        using var result = JsonDocument.Parse(json);
        JsonElement findings = result.RootElement.GetProperty("findings");
        Assert.IsLessThanOrEqualTo(ApiLimits.MaxFindings, findings.GetArrayLength());
        foreach (JsonElement finding in findings.EnumerateArray())
        {
            Assert.IsLessThanOrEqualTo(ApiLimits.MaxEvidencePerFinding, finding.GetProperty("evidence").GetArrayLength());
            Assert.IsLessThanOrEqualTo(ApiLimits.MaxRecipientsPerFinding, finding.GetProperty("recipients").GetArrayLength());
        }
        // Nothing silently dropped: the cut is counted, and every rule still has its check.
        Assert.IsTrue(result.RootElement.TryGetProperty("truncated", out JsonElement truncated), "the answer says it was cut");
        Assert.IsGreaterThan(0, truncated.GetProperty("findingsOmitted").GetInt32() + truncated.GetProperty("evidenceOmitted").GetInt32() + truncated.GetProperty("recipientsOmitted").GetInt32());
        Assert.AreEqual(9, result.RootElement.GetProperty("checks").GetArrayLength());
        // The analysis's own bound (issue 15): it read the start of the body and says how much, beside the caps' counts.
        Assert.IsLessThanOrEqualTo(OutreachAnalyzer.MaxTextChars, truncated.GetProperty("textCharactersRead").GetInt32());
        Assert.IsGreaterThan(900_000, truncated.GetProperty("textCharacters").GetInt32());
        Assert.IsFalse(result.RootElement.GetProperty("checks").EnumerateArray().Any(c => c.GetProperty("status").GetString() == "passed" && c.GetProperty("rule").GetString() != "listed-address"),
            "no rule that read the cut text passes");
    }

    [TestMethod]
    public async Task An_ordinary_answer_is_not_touched()
    {
        (int status, string json) = await AnalyzeAsync(ColdAsk);

        Assert.AreEqual(StatusCodes.Status200OK, status);
        using var result = JsonDocument.Parse(json);
        Assert.IsFalse(result.RootElement.TryGetProperty("truncated", out _), "a whole result has no truncated field");
    }

    [TestMethod]
    public void Evidence_cut_to_its_cap_still_matches_the_text_at_its_offsets()
    {
        string text = new string('x', 50) + new string('y', 500);
        var result = new AnalysisResult
        {
            Score = 10,
            Coverage = new Coverage(9, 9),
            Language = "en",
            Ask = true,
            Findings =
            [
                new Finding
                {
                    Rule = "personal-greeting", MessageId = "personal-greeting/placeholder", Severity = Severity.Error,
                    Title = "t", Message = new string('m', 5000), Suggestion = "s",
                    Evidence = Enumerable.Range(0, 30).Select(_ => new Evidence(50, 500, text.Substring(50, 500))).ToArray(),
                    Fix = new TextFix("fix", 0, 3, new string('r', 5000)),
                },
            ],
            Checks = [],
            PlainText = text,
        };

        (AnalysisResult capped, byte[] json) = ResultCaps.Apply(result);

        Finding finding = capped.Findings.Single();
        Assert.HasCount(ApiLimits.MaxEvidencePerFinding, finding.Evidence);
        foreach (Evidence evidence in finding.Evidence)
        {
            Assert.AreEqual(ApiLimits.MaxEvidenceChars, evidence.Length);
            Assert.AreEqual(text.Substring(evidence.Start, evidence.Length), evidence.Text);
        }
        Assert.AreEqual(ApiLimits.MaxMessageChars, finding.Message.Length);
        Assert.IsNull(finding.Fix, "a replacement too long to send whole is not offered cut");
        Assert.AreEqual(new Truncation(0, 10, 0, 22), capped.Truncated);
        Assert.IsLessThan(ApiLimits.MaxAnalyzeResponseBytes, json.Length);
    }

    [TestMethod]
    public async Task Memory_stays_flat_over_many_adversarial_requests()
    {
        // 20 in CI; OUTREACH_ADVERSARIAL_REQUESTS=100 repeats the measurement behind docs/operations.md.
        int requests = int.TryParse(Environment.GetEnvironmentVariable("OUTREACH_ADVERSARIAL_REQUESTS"), out int asked) && asked > 0 ? asked : 20;
        // Different bodies (no cache can help), the same size.
        string[] bodies = Enumerable.Range(0, 4).Select(AdversarialBody).ToArray();
        for (int i = 0; i < 5; i++)
            await AnalyzeAsync(bodies[i % bodies.Length]);
        long before = Settled();
        long peakManaged = 0;
        for (int i = 0; i < requests; i++)
        {
            (int status, string json) = await AnalyzeAsync(bodies[i % bodies.Length]);
            Assert.AreEqual(StatusCodes.Status200OK, status);
            Assert.IsLessThan(256 * 1024, json.Length);
            peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(forceFullCollection: false));
        }
        long after = Settled();

        string measured = $"{requests} requests: retained before {before / 1024} KB, after {after / 1024} KB, peak managed {peakManaged / 1024 / 1024} MB";
        Console.WriteLine(measured);
        Assert.IsLessThan(16L * 1024 * 1024, after - before, "memory kept: " + measured);
    }

    private static long Settled()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
