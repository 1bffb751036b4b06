using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Functions;
using static OutreachAdvisor.Api.Tests.HttpContexts;

namespace OutreachAdvisor.Api.Tests;

/// <summary>The Functions app's trigger classes called directly with an ASP.NET Core HttpContext, as the isolated worker does.</summary>
[TestClass]
public sealed class FunctionTriggerTests
{
    private sealed class NoFetch : IFoundAtChecker
    {
        public Task<FoundAtVerdict> CheckAsync(string address, string source, CancellationToken cancellationToken) =>
            Task.FromResult(new FoundAtVerdict(FoundAtStatus.NotListed, OutreachAdvisor.Analysis.Messages.Reason.With("found-at/not-listed", ("address", address), ("source", source))));
    }

    private static readonly IAnalysisSources Sources = new FixedAnalysisSources(new ContextSources { FoundAt = new NoFetch() });

    private static HttpFunctions Functions() => new(new AnalyzeHandler(Sources, OutreachAnalyzer.Default), new HealthHandler(Sources), new RulesHandler());

    [TestMethod]
    public async Task Analyze_trigger_writes_the_same_result_as_the_library()
    {
        DefaultHttpContext context = Post(ColdAsk);
        IActionResult result = await Functions().AnalyzeAsync(context.Request);

        Assert.IsInstanceOfType<EmptyResult>(result);
        Assert.AreEqual(StatusCodes.Status200OK, context.Response.StatusCode);
        StringAssert.StartsWith(context.Response.ContentType, "application/json");

        MessageInput message = AnalysisJson.DeserializeRequest(ColdAsk)!;
        AnalysisResult expected = await OutreachAnalyzer.Default.AnalyzeAsync(message, new ContextSources { FoundAt = new NoFetch() }, "en", CancellationToken.None);
        Assert.AreEqual(AnalysisJson.Serialize(expected, indented: false), ResponseText(context));
    }

    [TestMethod]
    public async Task Analyze_trigger_reports_what_was_checked_for_the_found_at_page()
    {
        DefaultHttpContext context = Post(ColdAsk);
        await Functions().AnalyzeAsync(context.Request);
        using var result = JsonDocument.Parse(ResponseText(context));
        JsonElement listed = result.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "listed-address");
        Assert.AreEqual("failed", listed.GetProperty("status").GetString());
    }

    [TestMethod]
    public async Task Analyze_trigger_refuses_bad_input_with_a_problem()
    {
        DefaultHttpContext context = Post("{ \"to\": [ { \"address\": \"nobody\" } ], \"body\": \"hi\" }");
        await Functions().AnalyzeAsync(context.Request);
        Assert.AreEqual(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.AreEqual("application/problem+json", context.Response.ContentType);
        StringAssert.Contains(ResponseText(context), "to[0].address");
    }

    [TestMethod]
    public async Task Analyze_trigger_refuses_other_media_types()
    {
        DefaultHttpContext context = Post(ColdAsk, contentType: "text/plain");
        await Functions().AnalyzeAsync(context.Request);
        Assert.AreEqual(StatusCodes.Status415UnsupportedMediaType, context.Response.StatusCode);
    }

    [TestMethod]
    public async Task Analyze_trigger_speaks_Italian_when_asked()
    {
        DefaultHttpContext context = Post(ColdAsk, acceptLanguage: "it-IT,it;q=0.9,en;q=0.5");
        await Functions().AnalyzeAsync(context.Request);
        StringAssert.Contains(ResponseText(context), "segnaposto");
    }

    [TestMethod]
    [DataRow(null, "en", "Engage before you ask")]
    [DataRow("it-IT,it;q=0.9", "it", "Prima interagisci, poi chiedi")]
    [DataRow("fr-FR", "en", "Engage before you ask")]
    [DataRow("de;q=0.9,it;q=0.8", "it", "Prima interagisci, poi chiedi")]
    public async Task Rules_trigger_answers_the_catalogue_in_the_requested_language(string? acceptLanguage, string language, string firstTitle)
    {
        DefaultHttpContext context = Get("/api/rules");
        if (acceptLanguage is not null)
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        await Functions().RulesAsync(context.Request);

        Assert.AreEqual(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.AreEqual(language, context.Response.Headers.ContentLanguage.ToString());
        Assert.AreEqual("Accept-Language", context.Response.Headers.Vary.ToString());
        using var catalogue = JsonDocument.Parse(ResponseText(context));
        Assert.AreEqual(language, catalogue.RootElement.GetProperty("language").GetString());
        JsonElement[] rules = catalogue.RootElement.GetProperty("rules").EnumerateArray().ToArray();
        CollectionAssert.AreEqual(RuleCatalog.BuiltIn.Select(r => r.Description.Name).ToArray(), rules.Select(r => r.GetProperty("name").GetString()).ToArray());
        Assert.AreEqual(firstTitle, rules[0].GetProperty("title").GetString());
        JsonElement greeting = rules.Single(r => r.GetProperty("name").GetString() == "personal-greeting");
        Assert.AreEqual("personalisation", greeting.GetProperty("category").GetString());
        Assert.AreEqual("error", greeting.GetProperty("defaultSeverity").GetString());
        Assert.IsTrue(greeting.GetProperty("blocksSend").GetBoolean());
        Assert.IsTrue(greeting.GetProperty("promptsOnSend").GetBoolean());
        Assert.AreEqual("help/rules/personal-greeting.html", greeting.GetProperty("helpUri").GetString());
        CollectionAssert.Contains(greeting.GetProperty("messageIds").EnumerateArray().Select(e => e.GetString()).ToArray(), "personal-greeting/placeholder");
    }

    [TestMethod]
    public async Task Health_trigger_names_the_providers()
    {
        DefaultHttpContext context = Get("/api/health");
        await Functions().HealthAsync(context.Request);
        using var health = JsonDocument.Parse(ResponseText(context));
        Assert.AreEqual("none", health.RootElement.GetProperty("mailbox").GetString());
        Assert.AreEqual("built-in", health.RootElement.GetProperty("language").GetString());
    }
}
