using System.Diagnostics;
using System.Text.Json;

namespace OutreachAdvisor.Language.Tests;

[TestClass]
public sealed class ErrorTests
{
    private static readonly List<TextDocument> OneDocument = [new("1", "Hello Contoso.", "en")];

    /// <summary>A body of the documented ErrorResponse shape, with codes from the ErrorCode/InnerErrorCode enums.</summary>
    private static string ErrorBody(string code, string message, string? innerCode = null) =>
        System.Text.Json.JsonSerializer.Serialize(innerCode is null
            ? new { error = (object)new { code, message } }
            : new { error = (object)new { code, message, innererror = new { code = innerCode, message } } });

    [TestMethod]
    public void The_test_codes_are_documented_error_codes()
    {
        JsonElement definitions = Fixtures.Load("2024-11-01/analyzetext.ErrorResponse.extract.json").GetProperty("definitions");
        IEnumerable<string> Values(string name) => definitions.GetProperty(name).GetProperty("x-ms-enum").GetProperty("values")
            .EnumerateArray().Select(v => v.GetProperty("value").GetString()!);

        CollectionAssert.IsSubsetOf(
            new[] { "InvalidArgument", "Unauthorized", "TooManyRequests", "InternalServerError" }, Values("ErrorCode").ToList());
        CollectionAssert.Contains(Values("InnerErrorCode").ToList(), "InvalidDocumentBatch");
        var required = definitions.GetProperty("ErrorResponse").GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        CollectionAssert.AreEqual(new[] { "error" }, required);
    }

    [TestMethod]
    public async Task A_400_error_response_becomes_an_exception_with_its_codes_and_is_not_retried()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (_, _) => new FakeResponse(400, ErrorBody("InvalidArgument", "Invalid document in request.", "InvalidDocumentBatch"));

        LanguageServiceException ex = await Assert.ThrowsExactlyAsync<LanguageServiceException>(
            () => Harness.KeyClient(server).RecognizeEntitiesAsync(OneDocument));

        Assert.AreEqual(400, ex.Status);
        Assert.AreEqual("InvalidArgument", ex.ErrorCode);
        Assert.AreEqual("InvalidDocumentBatch", ex.InnerErrorCode);
        StringAssert.Contains(ex.Message, "Invalid document in request.");
        Assert.DoesNotContain("Hello Contoso", ex.Message);
        Assert.HasCount(1, server.Requests);
    }

    [TestMethod]
    public async Task A_401_is_not_retried()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (_, _) => new FakeResponse(401, ErrorBody("Unauthorized", "Access denied due to invalid subscription key."));

        LanguageServiceException ex = await Assert.ThrowsExactlyAsync<LanguageServiceException>(
            () => Harness.KeyService(server).AnalyzeAsync("Hello Contoso.", "en", CancellationToken.None));

        Assert.AreEqual((401, "Unauthorized"), (ex.Status, ex.ErrorCode));
        Assert.HasCount(4, server.Requests);   // one per kind, none repeated
        Assert.DoesNotContain(Harness.Key, ex.Message);
    }

    [TestMethod]
    public async Task A_429_with_Retry_After_is_retried_after_the_wait()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (request, number) => number == 1
            ? new FakeResponse(429, ErrorBody("TooManyRequests", "Rate limit is exceeded."), new Dictionary<string, string> { ["Retry-After"] = "0.3" })
            : Harness.Echo(request, number);

        var watch = Stopwatch.StartNew();
        AnalyzeTextResult<EntitiesDocument> result = await Harness.KeyClient(server).RecognizeEntitiesAsync(OneDocument);

        Assert.AreEqual("Contoso", result.Documents.Single().Entities.Single().Text);
        Assert.HasCount(2, server.Requests);
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250), watch.Elapsed);
        Assert.AreEqual(server.Requests.First().Body, server.Requests.Last().Body);
    }

    [TestMethod]
    public async Task A_second_429_is_reported_once_the_retries_are_used()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (_, _) => new FakeResponse(
            429, ErrorBody("TooManyRequests", "Rate limit is exceeded."), new Dictionary<string, string> { ["Retry-After"] = "0" });

        LanguageServiceException ex = await Assert.ThrowsExactlyAsync<LanguageServiceException>(
            () => Harness.KeyClient(server, maxRetries: 1).RecognizeEntitiesAsync(OneDocument));

        Assert.AreEqual((429, "TooManyRequests"), (ex.Status, ex.ErrorCode));
        Assert.HasCount(2, server.Requests);
    }

    [TestMethod]
    public async Task A_Retry_After_longer_than_the_timeout_is_reported_at_once_as_429()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (_, _) => new FakeResponse(
            429, ErrorBody("TooManyRequests", "Rate limit is exceeded."), new Dictionary<string, string> { ["Retry-After"] = "30" });

        var watch = Stopwatch.StartNew();
        LanguageServiceException ex = await Assert.ThrowsExactlyAsync<LanguageServiceException>(
            () => Harness.KeyClient(server, TimeSpan.FromSeconds(2)).RecognizeEntitiesAsync(OneDocument));

        Assert.AreEqual(429, ex.Status);
        Assert.HasCount(1, server.Requests);
        Assert.IsLessThan(TimeSpan.FromSeconds(2), watch.Elapsed);
    }

    [TestMethod]
    public async Task A_500_is_retried_once_then_reported_with_the_header_code_when_the_body_is_not_json()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (_, _) => new FakeResponse(
            500, "<html>upstream error</html>", new Dictionary<string, string> { ["x-ms-error-code"] = "InternalServerError" });

        LanguageServiceException ex = await Assert.ThrowsExactlyAsync<LanguageServiceException>(
            () => Harness.KeyClient(server).ExtractKeyPhrasesAsync(OneDocument));

        Assert.AreEqual((500, "InternalServerError"), (ex.Status, ex.ErrorCode));
        Assert.HasCount(2, server.Requests);
    }

    [TestMethod]
    public async Task A_500_then_success_succeeds()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (request, number) => number == 1
            ? new FakeResponse(500, ErrorBody("InternalServerError", "Internal error."))
            : Harness.Echo(request, number);

        AnalyzeTextResult<KeyPhrasesDocument> result = await Harness.KeyClient(server).ExtractKeyPhrasesAsync(OneDocument);

        Assert.AreEqual("phrase of 1", result.Documents.Single().KeyPhrases[0]);
    }

    [TestMethod]
    [DataRow("{\"kind\":\"EntityRecognitionResults\",\"results\":{\"documents\":[", DisplayName = "truncated")]
    [DataRow("not json at all", DisplayName = "not json")]
    [DataRow("{\"kind\":\"EntityRecognitionResults\"}", DisplayName = "no results")]
    [DataRow("{\"kind\":\"KeyPhraseExtractionResults\",\"results\":{\"documents\":[],\"errors\":[]}}", DisplayName = "wrong kind")]
    [DataRow("{\"kind\":\"EntityRecognitionResults\",\"results\":{\"documents\":[{\"id\":\"1\",\"entities\":[{\"category\":\"Person\",\"offset\":\"x\",\"length\":3}]}]}}", DisplayName = "bad offset")]
    public async Task Malformed_json_is_an_invalid_response(string body)
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (_, _) => new FakeResponse(200, body);

        LanguageServiceException ex = await Assert.ThrowsExactlyAsync<LanguageServiceException>(
            () => Harness.KeyClient(server).RecognizeEntitiesAsync(OneDocument));

        Assert.AreEqual((200, LanguageServiceException.Codes.InvalidResponse), (ex.Status, ex.ErrorCode));
        Assert.HasCount(1, server.Requests);
    }

    [TestMethod]
    public async Task A_server_that_never_answers_times_out()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (_, _) => new FakeResponse(0, "", Hang: true);

        var watch = Stopwatch.StartNew();
        LanguageServiceException ex = await Assert.ThrowsExactlyAsync<LanguageServiceException>(
            () => Harness.KeyService(server, TimeSpan.FromMilliseconds(300)).AnalyzeAsync("Hello Contoso.", "en", CancellationToken.None));

        Assert.AreEqual((0, LanguageServiceException.Codes.Timeout), (ex.Status, ex.ErrorCode));
        Assert.IsLessThan(TimeSpan.FromSeconds(3), watch.Elapsed);
    }

    [TestMethod]
    public async Task The_callers_cancellation_is_not_a_service_failure()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (_, _) => new FakeResponse(0, "", Hang: true);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => Harness.KeyService(server, TimeSpan.FromSeconds(10)).AnalyzeAsync("Hello Contoso.", "en", cancel.Token));
    }

    [TestMethod]
    public async Task An_unreachable_endpoint_is_a_network_error()
    {
        var port = System.Net.Sockets.TcpListener.Create(0);
        port.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)port.LocalEndpoint).Port}/");
        port.Stop();   // nothing listens there now
        var client = new AzureLanguageClient(Harness.Http, new AzureLanguageOptions { Endpoint = endpoint, ApiKey = "k", MaxRetries = 0 });

        LanguageServiceException ex = await Assert.ThrowsExactlyAsync<LanguageServiceException>(() => client.DetectLanguageAsync(OneDocument));

        Assert.AreEqual((0, LanguageServiceException.Codes.NetworkError), (ex.Status, ex.ErrorCode));
    }

    [TestMethod]
    public async Task Per_document_errors_are_returned_by_the_client_and_fail_the_analysis()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (request, number) => request.Kind == AnalyzeTextKind.PiiEntityRecognition
            ? new FakeResponse(200, """
                {"kind":"PiiEntityRecognitionResults","results":{"documents":[],"errors":[{"id":"1","error":{
                  "code":"InvalidArgument","message":"Invalid Language Code.",
                  "innererror":{"code":"UnsupportedLanguageCode","message":"Invalid language code. Supported languages: en"}}}],
                  "modelVersion":"2021-01-15"}}
                """)
            : Harness.Echo(request, number);

        AnalyzeTextResult<PiiEntitiesDocument> result = await Harness.KeyClient(server).RecognizePiiEntitiesAsync(OneDocument);
        Assert.IsEmpty(result.Documents);
        Assert.AreEqual(new DocumentError("1", "InvalidArgument", "Invalid Language Code.", "UnsupportedLanguageCode"), result.Errors.Single());

        LanguageServiceException ex = await Assert.ThrowsExactlyAsync<LanguageServiceException>(
            () => Harness.KeyService(server).AnalyzeAsync("Hello Contoso.", "xx", CancellationToken.None));
        Assert.AreEqual(("InvalidArgument", "UnsupportedLanguageCode", "1"), (ex.ErrorCode, ex.InnerErrorCode, ex.DocumentId));
    }

    [TestMethod]
    public async Task A_document_missing_from_the_answer_fails_the_analysis()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        // The documented exclusion example leaves document 1 out of its results.
        server.Handler = (request, number) => request.Kind == AnalyzeTextKind.KeyPhraseExtraction
            ? new FakeResponse(200, """{"kind":"KeyPhraseExtractionResults","results":{"documents":[],"errors":[],"modelVersion":"x"}}""")
            : Harness.Echo(request, number);

        LanguageServiceException ex = await Assert.ThrowsExactlyAsync<LanguageServiceException>(
            () => Harness.KeyService(server).AnalyzeAsync("Hello Contoso.", "en", CancellationToken.None));

        Assert.AreEqual(LanguageServiceException.Codes.MissingDocumentResult, ex.ErrorCode);
    }

    [TestMethod]
    public async Task TryAnalyze_turns_a_failure_into_a_reason_for_checks()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = (_, _) => new FakeResponse(503, ErrorBody("ServiceUnavailable", "Try later."));

        LanguageServiceResult result = await LanguageServiceResult.TryAnalyzeAsync(Harness.KeyService(server), "Hello.", "en", CancellationToken.None);

        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual("azure-ai-language: 503 ServiceUnavailable", result.FailureReason);
    }
}
