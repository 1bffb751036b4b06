using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Language.Tests;

/// <summary>
/// The client against the documented example responses. Offsets are asserted as published:
/// several do not match their text (see Fixtures/README.md), so no Substring checks here.
/// </summary>
[TestClass]
public sealed class ResponseParsingTests
{
    private static async Task<(FakeLanguageServer Server, AzureLanguageClient Client, List<TextDocument> Documents)> ServeAsync(
        string kind, string fixture)
    {
        FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.BodiesByKind[kind] = Fixtures.ResponseBody(fixture);
        return (server, Harness.KeyClient(server), Fixtures.RequestDocuments(fixture));
    }

    [TestMethod]
    public async Task Entity_recognition_2024_11_01_inclusion_list()
    {
        (FakeLanguageServer? server, AzureLanguageClient? client, List<TextDocument>? documents) = await ServeAsync(
            AnalyzeTextKind.EntityRecognition, "2024-11-01/SuccessfulEntityRecognitionInclusionRequest.json");
        await using FakeLanguageServer _ = server;

        AnalyzeTextResult<EntitiesDocument> result = await client.RecognizeEntitiesAsync(documents);

        Assert.AreEqual("2021-06-01", result.ModelVersion);
        Assert.IsEmpty(result.Errors);
        Assert.HasCount(2, result.Documents);
        Assert.AreEqual("2", result.Documents[0].Id);
        Assert.IsEmpty(result.Documents[0].Entities);
        IReadOnlyList<TextEntity> entities = result.Documents[1].Entities;
        CollectionAssert.AreEqual(new[] { "LAX", "Amsterdam", "Eiffel Tower", "Nile" }, entities.Select(e => e.Text).ToArray());
        Assert.IsTrue(entities.All(e => e.Category == "Location"));
        CollectionAssert.AreEqual(new[] { "Structural", "City", "Structural", "Geological" }, entities.Select(e => e.Subcategory).ToArray());
        Assert.AreEqual(new Analysis.Context.TextEntity("LAX", "Location", "Structural", 18, 3, 0.72), entities[0]);
        CollectionAssert.AreEqual(new[] { 18, 96, 107, 129 }, entities.Select(e => e.Offset).ToArray());
        // The documents were sent as given, with their ids and language.
        IReadOnlyList<(string Id, string Text, string? Language)> sent = server.Requests.Single().Documents;
        CollectionAssert.AreEqual(new[] { "2", "3" }, sent.Select(d => d.Id).ToArray());
        Assert.IsTrue(sent.All(d => d.Language == "en"));
    }

    [TestMethod]
    public async Task Entity_recognition_2024_11_01_overlap_policy()
    {
        (FakeLanguageServer? server, AzureLanguageClient? client, List<TextDocument>? documents) = await ServeAsync(
            AnalyzeTextKind.EntityRecognition, "2024-11-01/SuccessfulEntityRecognitionOverlapPolicy.json");
        await using FakeLanguageServer _ = server;

        IReadOnlyList<TextEntity> entities = (await client.RecognizeEntitiesAsync(documents)).Documents.Single().Entities;

        Assert.HasCount(2, entities);
        Assert.AreEqual(new Analysis.Context.TextEntity("25th April Meeting", "Event", "Event", 0, 18, 0.59), entities[0]);
        // Published as offset 0 although "WorldCup" is at the end of the text; kept as published.
        Assert.AreEqual(new Analysis.Context.TextEntity("Worldcup", "Event", "SportsEvent", 0, 8, 0.51), entities[1]);
    }

    [TestMethod]
    public async Task Entity_recognition_2023_04_01_with_metadata()
    {
        (FakeLanguageServer? server, AzureLanguageClient? client, List<TextDocument>? documents) = await ServeAsync(
            AnalyzeTextKind.EntityRecognition, "2023-04-01/SuccessfulEntityRecognitionRequest.json");
        await using FakeLanguageServer _ = server;

        AnalyzeTextResult<EntitiesDocument> result = await client.RecognizeEntitiesAsync(documents);

        CollectionAssert.AreEqual(new[] { "2", "3", "4", "5" }, result.Documents.Select(d => d.Id).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 5, 4, 2 }, result.Documents.Select(d => d.Entities.Count).ToArray());
        TextEntity money = result.Documents[0].Entities[1];
        Assert.AreEqual(("$90.00", "Numeric", "Currency", 29, 14, 0.99), (money.Text, money.Category, money.Subcategory, money.Offset, money.Length, money.ConfidenceScore));
        TextEntity phone = result.Documents[3].Entities[1];
        Assert.AreEqual(("PhoneNumber", "PhoneNumber", 45, 9), (phone.Category, phone.Subcategory, phone.Offset, phone.Length));
    }

    [TestMethod]
    [DataRow("2023-04-01/SuccessfulPiiEntityRecognitionRequest.json", '*')]
    [DataRow("2024-11-01/SuccessfulPiiEntityRecognitionRedactionRequest.json", '-')]
    public async Task Pii_recognition(string fixture, char redaction)
    {
        (FakeLanguageServer? server, AzureLanguageClient? client, List<TextDocument>? documents) = await ServeAsync(AnalyzeTextKind.PiiEntityRecognition, fixture);
        await using FakeLanguageServer _ = server;

        AnalyzeTextResult<PiiEntitiesDocument> result = await client.RecognizePiiEntitiesAsync(documents);

        Assert.HasCount(3, result.Documents);
        PiiEntitiesDocument ssn = result.Documents[0];
        Assert.AreEqual("My SSN is " + new string(redaction, 11), ssn.RedactedText);
        // Offset 28 is the published (wrong) value: the number is at 10. Parsed as published.
        Assert.AreEqual(new Analysis.Context.TextEntity("859-98-0987", "USSocialSecurityNumber", null, 28, 11, 0.65), ssn.Entities.Single());
        CollectionAssert.AreEqual(
            new[] { "USSocialSecurityNumber", "ABARoutingNumber", "BRCPFNumber" },
            result.Documents.Select(d => d.Entities.Single().Category).ToArray());
        Assert.AreEqual(3, result.Documents[2].Entities.Single().Offset);
        Assert.AreEqual("Utf16CodeUnit", server.Requests.Single().Parameters.GetProperty("stringIndexType").GetString());
    }

    [TestMethod]
    [DataRow("2023-04-01/SuccessfulKeyPhraseExtractionRequest.json")]
    [DataRow("2024-11-01/SuccessfulKeyPhraseExtractionRequest.json")]
    public async Task Key_phrase_extraction(string fixture)
    {
        (FakeLanguageServer? server, AzureLanguageClient? client, List<TextDocument>? documents) = await ServeAsync(AnalyzeTextKind.KeyPhraseExtraction, fixture);
        await using FakeLanguageServer _ = server;

        AnalyzeTextResult<KeyPhrasesDocument> result = await client.ExtractKeyPhrasesAsync(documents);

        Assert.HasCount(3, result.Documents);
        CollectionAssert.Contains(result.Documents[0].KeyPhrases.ToList(), "Bill Gates");
        CollectionAssert.Contains(result.Documents[2].KeyPhrases.ToList(), "veterinarian");
        Assert.IsEmpty(result.Warnings);
    }

    [TestMethod]
    [DataRow("2024-11-01/SuccessfulLanguageDetectionRequest.json", DisplayName = "script/scriptCode (TypeSpec example)")]
    [DataRow("2024-11-01/legacy-swagger/SuccessfulLanguageDetectionRequest.json", DisplayName = "scriptName/scriptIso15924Code (swagger)")]
    public async Task Language_detection_reads_both_script_field_names(string fixture)
    {
        (FakeLanguageServer? server, AzureLanguageClient? client, List<TextDocument>? documents) = await ServeAsync(AnalyzeTextKind.LanguageDetection, fixture);
        await using FakeLanguageServer _ = server;

        AnalyzeTextResult<DetectedLanguageDocument> result = await client.DetectLanguageAsync(documents);

        CollectionAssert.AreEqual(new[] { "en", "fr", "es", "hi" }, result.Documents.Select(d => d.Iso6391Name).ToArray());
        Assert.AreEqual(new DetectedLanguageDocument("1", "en", "English", 1, "Latin", "Latn"), result.Documents[0]);
        Assert.IsTrue(result.Documents.All(d => d is { Script: "Latin", ScriptCode: "Latn" }));
        Assert.AreEqual("2023-12-01", result.ModelVersion);
    }

    [TestMethod]
    public async Task Language_detection_2023_04_01_script_is_optional()
    {
        (FakeLanguageServer? server, AzureLanguageClient? client, List<TextDocument>? documents) = await ServeAsync(
            AnalyzeTextKind.LanguageDetection, "2023-04-01/SuccessfulLanguageDetectionRequest.json");
        await using FakeLanguageServer _ = server;

        AnalyzeTextResult<DetectedLanguageDocument> result = await client.DetectLanguageAsync(documents);

        Assert.IsNull(result.Documents[0].Script);
        Assert.AreEqual(("hi", "Latin", (string?)null), (result.Documents[3].Iso6391Name, result.Documents[3].Script, result.Documents[3].ScriptCode));
    }

    [TestMethod]
    public async Task Service_combines_the_documented_examples_into_signals()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        // The examples answer document "1" (and others, which were not sent and are ignored) for each kind.
        server.BodiesByKind[AnalyzeTextKind.LanguageDetection] = Fixtures.ResponseBody("2024-11-01/SuccessfulLanguageDetectionRequest.json");
        server.BodiesByKind[AnalyzeTextKind.KeyPhraseExtraction] = Fixtures.ResponseBody("2024-11-01/SuccessfulKeyPhraseExtractionRequest.json");
        server.BodiesByKind[AnalyzeTextKind.PiiEntityRecognition] = Fixtures.ResponseBody("2024-11-01/SuccessfulPiiEntityRecognitionRedactionRequest.json");
        server.BodiesByKind[AnalyzeTextKind.EntityRecognition] = """
            {"kind":"EntityRecognitionResults","results":{"documents":[{"id":"1","entities":[
              {"text":"Microsoft","category":"Organization","type":"Organization","offset":0,"length":9,"confidenceScore":0.97}],
              "warnings":[{"code":"LongWordsInDocument","message":"The document contains very long words."}]}],
              "errors":[],"modelVersion":"2021-06-01"}}
            """;

        LanguageAnalysis analysis = await Harness.KeyService(server).AnalyzeDetailedAsync(
            "Microsoft was founded by Bill Gates and Paul Allen.", "en", CancellationToken.None);

        LanguageSignals signals = analysis.Signals;
        Assert.AreEqual("en", signals.Language);
        Assert.AreEqual(1.0, signals.LanguageConfidence);
        CollectionAssert.AreEqual(new[] { "Bill Gates", "Paul Allen", "Microsoft" }, signals.KeyPhrases.ToArray());
        Assert.AreEqual("Organization", signals.Entities.Single().Category);
        Assert.AreEqual("USSocialSecurityNumber", signals.PiiEntities.Single().Category);
        Assert.AreEqual(new DocumentWarning("1", "LongWordsInDocument", "The document contains very long words."), analysis.Warnings.Single());
    }
}
