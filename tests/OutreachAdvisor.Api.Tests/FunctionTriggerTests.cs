using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Model;
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

    private static HttpFunctions Functions() => new(new AnalyzeHandler(Sources, OutreachAnalyzer.Default), new HealthHandler(Sources));

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
    public async Task Health_trigger_names_the_providers()
    {
        DefaultHttpContext context = Get("/api/health");
        await Functions().HealthAsync(context.Request);
        using var health = JsonDocument.Parse(ResponseText(context));
        Assert.AreEqual("none", health.RootElement.GetProperty("mailbox").GetString());
        Assert.AreEqual("built-in", health.RootElement.GetProperty("language").GetString());
    }
}
