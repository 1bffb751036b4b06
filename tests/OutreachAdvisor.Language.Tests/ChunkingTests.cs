using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Language.Tests;

[TestClass]
public sealed class ChunkingTests
{
    [TestMethod]
    public void A_12000_character_text_becomes_3_documents_cut_at_whitespace()
    {
        string text = Harness.LongText(12_000);

        IReadOnlyList<TextChunk> chunks = TextChunker.Split(text);

        Assert.HasCount(3, chunks);
        Assert.AreEqual(text, string.Concat(chunks.Select(c => c.Text)));
        foreach (TextChunk chunk in chunks)
        {
            Assert.IsLessThanOrEqualTo(TextChunker.MaxDocumentLength, chunk.Text.Length);
            Assert.AreEqual(chunk.Text, text.Substring(chunk.Start, chunk.Text.Length));
        }

        foreach (TextChunk? chunk in chunks.SkipLast(1))
        {
            Assert.IsTrue(char.IsWhiteSpace(chunk.Text[^1]), $"chunk at {chunk.Start} ends inside a word");
        }
    }

    [TestMethod]
    public void A_line_break_is_preferred_to_a_sentence_end_and_a_sentence_end_to_a_space()
    {
        string lines = string.Concat(Enumerable.Repeat("Short. Line here\n", 10));
        IReadOnlyList<TextChunk> chunks = TextChunker.Split(lines, maxLength: 40);
        Assert.IsTrue(chunks.SkipLast(1).All(c => c.Text.EndsWith('\n')), string.Join("|", chunks.Select(c => c.Text)));

        string sentences = string.Concat(Enumerable.Repeat("One two three. Four five six ", 10));
        chunks = TextChunker.Split(sentences, maxLength: 50);
        Assert.IsTrue(chunks.SkipLast(1).All(c => c.Text.EndsWith(". ", StringComparison.Ordinal)), string.Join("|", chunks.Select(c => c.Text)));
    }

    [TestMethod]
    public void A_hard_cut_never_splits_a_surrogate_pair_or_a_combining_mark()
    {
        string emoji = string.Concat(Enumerable.Repeat("😀", 6_000));   // 12,000 UTF-16 code units, no spaces
        IReadOnlyList<TextChunk> chunks = TextChunker.Split(emoji);

        Assert.AreEqual(emoji, string.Concat(chunks.Select(c => c.Text)));
        Assert.IsTrue(chunks.All(c => !char.IsHighSurrogate(c.Text[^1]) && !char.IsLowSurrogate(c.Text[0])));
        Assert.IsTrue(chunks.All(c => c.Text.Length <= TextChunker.MaxDocumentLength));

        string accents = string.Concat(Enumerable.Repeat("e\u0301", 50));   // é as e + combining acute
        chunks = TextChunker.Split(accents, maxLength: 15);
        Assert.IsTrue(chunks.All(c => c.Text[0] == 'e'), string.Join("|", chunks.Select(c => c.Text)));
    }

    [TestMethod]
    public async Task Offsets_of_a_12000_character_text_are_mapped_back_into_the_original()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = Harness.Echo;
        string text = Harness.LongText(12_000);

        LanguageSignals signals = await Harness.KeyService(server).AnalyzeAsync(text, "it", CancellationToken.None);

        RecordedRequest ner = server.RequestsOfKind(AnalyzeTextKind.EntityRecognition).Single();
        CollectionAssert.AreEqual(new[] { "1", "2", "3" }, ner.Documents.Select(d => d.Id).ToArray());
        Assert.IsTrue(ner.Documents.All(d => d.Text.Length <= 5_120 && d.Language == "it"));
        Assert.AreEqual(text, string.Concat(ner.Documents.Select(d => d.Text)));

        // The fake found the entities at offsets inside each document; they must point at the same words in the whole text.
        CollectionAssert.AreEqual(Harness.Occurrences(text, "Contoso"), signals.Entities.Select(e => e.Offset).ToList());
        Assert.IsTrue(signals.Entities.All(e => text.Substring(e.Offset, e.Length) == "Contoso"));
        Assert.IsTrue(signals.Entities.Any(e => e.Offset > 10_240), "no entity from the third document");
        CollectionAssert.AreEqual(Harness.Occurrences(text, "555-0100"), signals.PiiEntities.Select(e => e.Offset).ToList());
        Assert.IsTrue(signals.PiiEntities.All(e => text.Substring(e.Offset, e.Length) == "555-0100"));

        Assert.AreEqual("it", signals.Language);
        Assert.AreEqual(0.9, signals.LanguageConfidence, 1e-9);
        // One phrase per document plus "Contoso", which every document returned and is kept once.
        CollectionAssert.AreEqual(new[] { "phrase of 1", "Contoso", "phrase of 2", "phrase of 3" }, signals.KeyPhrases.ToArray());
    }

    [TestMethod]
    public async Task More_documents_than_a_request_takes_are_sent_in_several_requests()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = Harness.Echo;
        string text = Harness.LongText(31_000);   // 7 documents

        LanguageSignals signals = await Harness.KeyService(server).AnalyzeAsync(text, "en", CancellationToken.None);

        int[] Sizes(string kind) => server.RequestsOfKind(kind).Select(r => r.Documents.Count).OrderDescending().ToArray();
        CollectionAssert.AreEqual(new[] { 5, 2 }, Sizes(AnalyzeTextKind.EntityRecognition));
        CollectionAssert.AreEqual(new[] { 5, 2 }, Sizes(AnalyzeTextKind.PiiEntityRecognition));
        CollectionAssert.AreEqual(new[] { 7 }, Sizes(AnalyzeTextKind.KeyPhraseExtraction));
        CollectionAssert.AreEqual(new[] { 7 }, Sizes(AnalyzeTextKind.LanguageDetection));
        Assert.IsTrue(signals.Entities.All(e => text.Substring(e.Offset, e.Length) == "Contoso"));
        Assert.HasCount(Harness.Occurrences(text, "Contoso").Count, signals.Entities);
    }

    [TestMethod]
    public async Task The_client_splits_documents_by_the_documented_limit_of_each_kind()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = Harness.Echo;
        AzureLanguageClient client = Harness.KeyClient(server);
        var documents = Enumerable.Range(1, 12).Select(i => new TextDocument($"d{i}", $"Contoso text {i}.", "en")).ToList();

        AnalyzeTextResult<EntitiesDocument> entities = await client.RecognizeEntitiesAsync(documents);
        AnalyzeTextResult<KeyPhrasesDocument> phrases = await client.ExtractKeyPhrasesAsync(documents);
        AnalyzeTextResult<DetectedLanguageDocument> languages = await client.DetectLanguageAsync(documents);
        AnalyzeTextResult<PiiEntitiesDocument> pii = await client.RecognizePiiEntitiesAsync(documents);

        Assert.AreEqual((3, 2, 1, 3), (entities.RequestCount, phrases.RequestCount, languages.RequestCount, pii.RequestCount));
        int[] Sizes(string kind) => server.RequestsOfKind(kind).Select(r => r.Documents.Count).OrderDescending().ToArray();
        CollectionAssert.AreEqual(new[] { 5, 5, 2 }, Sizes(AnalyzeTextKind.EntityRecognition));
        CollectionAssert.AreEqual(new[] { 10, 2 }, Sizes(AnalyzeTextKind.KeyPhraseExtraction));
        CollectionAssert.AreEqual(new[] { 12 }, Sizes(AnalyzeTextKind.LanguageDetection));
        // Results come back in input order whatever the order of the requests.
        CollectionAssert.AreEqual(documents.Select(d => d.Id).ToArray(), entities.Documents.Select(d => d.Id).ToArray());
        CollectionAssert.AreEqual(documents.Select(d => d.Id).ToArray(), pii.Documents.Select(d => d.Id).ToArray());
    }

    [TestMethod]
    public async Task Language_detection_requests_stay_under_the_1_MB_request_limit()
    {
        await using FakeLanguageServer server = await FakeLanguageServer.StartAsync();
        server.Handler = Harness.Echo;
        // 300 documents of 5,000 non-ASCII characters: 1,000 per request is allowed, but not 1 MB.
        var documents = Enumerable.Range(1, 300).Select(i => new TextDocument($"{i}", new string('è', 5_000))).ToList();

        AnalyzeTextResult<DetectedLanguageDocument> result = await Harness.KeyClient(server, TimeSpan.FromSeconds(20)).DetectLanguageAsync(documents);

        Assert.HasCount(300, result.Documents);
        Assert.IsGreaterThan(1, result.RequestCount);
        Assert.IsTrue(server.Requests.All(r => System.Text.Encoding.UTF8.GetByteCount(r.Body) <= AzureLanguageClient.MaxRequestBytes));
    }
}
