using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Language.Tests;

[TestClass]
public sealed class RequestShapeTests
{
    private const string Text = "Hello Jane, I read your Contoso article. Call me at 555-0100.";

    [TestMethod]
    public async Task Each_kind_is_posted_with_api_version_parameters_and_documents()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = Harness.Echo;

        await Harness.KeyService(server).AnalyzeAsync(Text, "en", CancellationToken.None);

        var kinds = server.Requests.Select(r => r.Kind).Order().ToList();
        CollectionAssert.AreEqual(
            new[] { "EntityRecognition", "KeyPhraseExtraction", "LanguageDetection", "PiiEntityRecognition" }, kinds);
        foreach (RecordedRequest request in server.Requests)
        {
            Assert.AreEqual("POST", request.Method);
            Assert.AreEqual("/language/:analyze-text", request.Path);
            Assert.AreEqual("?api-version=2024-11-01", request.Query);
            Assert.AreEqual("latest", request.Parameters.GetProperty("modelVersion").GetString());
            Assert.IsTrue(request.Parameters.GetProperty("loggingOptOut").GetBoolean());
            Assert.HasCount(1, request.Documents);
            Assert.AreEqual("1", request.Documents[0].Id);
            Assert.AreEqual(Text, request.Documents[0].Text);
            StringAssert.StartsWith(request.Header("Content-Type"), "application/json");
        }

        foreach (string? kind in new[] { AnalyzeTextKind.EntityRecognition, AnalyzeTextKind.PiiEntityRecognition })
        {
            RecordedRequest request = server.RequestsOfKind(kind).Single();
            Assert.AreEqual("Utf16CodeUnit", request.Parameters.GetProperty("stringIndexType").GetString(), kind);
            Assert.AreEqual("en", request.Documents[0].Language, kind);
        }

        Assert.AreEqual("en", server.RequestsOfKind(AnalyzeTextKind.KeyPhraseExtraction).Single().Documents[0].Language);
        // Language detection takes no language (it is what it finds) and returns no offsets.
        RecordedRequest detection = server.RequestsOfKind(AnalyzeTextKind.LanguageDetection).Single();
        Assert.IsNull(detection.Documents[0].Language);
        Assert.IsFalse(detection.Parameters.TryGetProperty("stringIndexType", out _));
    }

    [TestMethod]
    public async Task Without_a_hint_no_language_is_sent()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = Harness.Echo;

        await Harness.KeyService(server).AnalyzeAsync(Text, null, CancellationToken.None);

        Assert.IsTrue(server.Requests.All(r => r.Documents.All(d => d.Language is null)));
    }

    [TestMethod]
    public async Task Key_authentication_sends_the_subscription_key_header_only()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = Harness.Echo;

        await Harness.KeyService(server).AnalyzeAsync(Text, "en", CancellationToken.None);

        Assert.HasCount(4, server.Requests);
        foreach (RecordedRequest request in server.Requests)
        {
            Assert.AreEqual(Harness.Key, request.Header("Ocp-Apim-Subscription-Key"));
            Assert.IsNull(request.Header("Authorization"));
        }
    }

    [TestMethod]
    public async Task Token_authentication_sends_a_bearer_token_for_the_cognitive_services_scope()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = Harness.Echo;
        var credential = new FakeTokenCredential();
        var client = new AzureLanguageClient(
            Harness.Http, new AzureLanguageOptions { Endpoint = server.Endpoint, UseManagedIdentity = true }, credential);
        var service = new AzureLanguageService(client);

        await service.AnalyzeAsync(Text, "en", CancellationToken.None);
        await service.AnalyzeAsync(Text, "en", CancellationToken.None);

        Assert.HasCount(8, server.Requests);
        foreach (RecordedRequest request in server.Requests)
        {
            Assert.AreEqual("Bearer fake-entra-token", request.Header("Authorization"));
            Assert.IsNull(request.Header("Ocp-Apim-Subscription-Key"));
        }

        Assert.IsTrue(credential.RequestedScopes.All(s => s.SequenceEqual(new[] { "https://cognitiveservices.azure.com/.default" })));
        // The token is cached: at most the four concurrent first calls ask for it, the second analysis does not.
        Assert.IsLessThanOrEqualTo(4, credential.Calls);
    }

    [TestMethod]
    public void FromSettings_returns_null_without_an_endpoint()
    {
        Assert.IsNull(AzureLanguageService.FromSettings(null, "key", false, null));
        Assert.IsNull(AzureLanguageService.FromSettings("  ", "key", true, new FakeTokenCredential()));
    }

    [TestMethod]
    public void FromSettings_prefers_managed_identity_and_falls_back_to_the_key()
    {
        var withIdentity = AzureLanguageService.FromSettings("https://lang.example/", "key", true, new FakeTokenCredential());
        Assert.IsNotNull(withIdentity);
        Assert.IsTrue(withIdentity.Client.Options.UseManagedIdentity);
        Assert.AreEqual("azure-ai-language", withIdentity.Name);

        var withKey = AzureLanguageService.FromSettings("https://lang.example/", "key", true, credential: null);
        Assert.IsNotNull(withKey);
        Assert.IsFalse(withKey.Client.Options.UseManagedIdentity);
    }

    [TestMethod]
    public void FromSettings_rejects_an_endpoint_without_credentials_or_https()
    {
        Assert.ThrowsExactly<InvalidOperationException>(() => AzureLanguageService.FromSettings("https://lang.example/", null, false, null));
        Assert.ThrowsExactly<InvalidOperationException>(() => AzureLanguageService.FromSettings("https://lang.example/", "", true, null));
        Assert.ThrowsExactly<InvalidOperationException>(() => AzureLanguageService.FromSettings("http://lang.example/", "key", false, null));
        Assert.ThrowsExactly<InvalidOperationException>(() => AzureLanguageService.FromSettings("not a uri", "key", false, null));
    }

    [TestMethod]
    public async Task Empty_text_is_not_sent()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();

        LanguageSignals signals = await Harness.KeyService(server).AnalyzeAsync(" \n\t ", "en", CancellationToken.None);

        Assert.AreEqual(LanguageSignalsEmpty, signals);
        Assert.IsEmpty(server.Requests);
    }

    private static readonly Analysis.Context.LanguageSignals LanguageSignalsEmpty = Analysis.Context.LanguageSignals.Empty;
}
