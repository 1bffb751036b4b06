using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Evaluation.Corpus;

namespace OutreachAdvisor.Evaluation.Tests;

[TestClass]
public sealed class CorpusReaderTests
{
    private static readonly string[] Rules = RuleCatalog.Descriptions.Select(d => d.Name).ToArray();

    private static async Task<string> ErrorOf(TempCorpus corpus)
    {
        CorpusException error = await Assert.ThrowsExactlyAsync<CorpusException>(() => CorpusReader.ReadFolderAsync(corpus.Folder, Rules, CancellationToken.None));
        return error.Message;
    }

    [TestMethod]
    public async Task A_case_file_reads_with_its_mailbox_and_labels()
    {
        using var corpus = new TempCorpus();
        corpus.Write("a.json", TempCorpus.Case());
        CorpusCase read = (await CorpusReader.ReadFolderAsync(corpus.Folder, Rules, CancellationToken.None)).Single();
        Assert.AreEqual("en-t-0001", read.Id);
        Assert.AreEqual(RecipientHistoryLabel.None, read.Recipients["JANE@shape.example"].History);
        Assert.IsTrue(read.Labels["engage-before-asking"]);
        Assert.IsTrue(read.HasColdRecipient);
        Assert.IsEmpty(read.Message.Cc, "omitted lists read as empty");
    }

    [TestMethod]
    public async Task An_array_of_cases_in_one_file_reads_too()
    {
        using var corpus = new TempCorpus();
        corpus.Write("sub/many.json", "[" + TempCorpus.Case("en-t-0001") + "," + TempCorpus.Case("en-t-0002") + "]");
        Assert.HasCount(2, await CorpusReader.ReadFolderAsync(corpus.Folder, Rules, CancellationToken.None));
    }

    [TestMethod]
    public async Task An_empty_folder_is_bad_input()
    {
        using var corpus = new TempCorpus();
        StringAssert.Contains(await ErrorOf(corpus), "no cases");
    }

    [TestMethod]
    public async Task A_file_that_does_not_parse_is_named()
    {
        using var corpus = new TempCorpus();
        corpus.Write("good.json", TempCorpus.Case());
        string bad = corpus.Write("bad.json", "{ \"id\": ");
        string message = await ErrorOf(corpus);
        StringAssert.StartsWith(message, bad);
        StringAssert.Contains(message, "not valid JSON");
    }

    [TestMethod]
    public async Task An_unknown_rule_in_labels_is_named()
    {
        using var corpus = new TempCorpus();
        string path = corpus.Write("a.json", TempCorpus.Case(labelsOverride: "\"be-nice\": true,"));
        string message = await ErrorOf(corpus);
        StringAssert.StartsWith(message, path);
        StringAssert.Contains(message, "unknown rule 'be-nice'");
    }

    [TestMethod]
    public async Task A_missing_label_a_duplicate_id_and_a_recipient_without_mailbox_facts_are_bad_input()
    {
        using (var corpus = new TempCorpus())
        {
            corpus.Write("a.json", TempCorpus.Case().Replace("\"no-automation\": false", "\"no-automation\": \"no\"", StringComparison.Ordinal));
            StringAssert.Contains(await ErrorOf(corpus), "must be true or false");
        }
        using (var corpus = new TempCorpus())
        {
            corpus.Write("a.json", TempCorpus.Case().Replace(", \"no-automation\": false", string.Empty, StringComparison.Ordinal));
            StringAssert.Contains(await ErrorOf(corpus), "no label for no-automation");
        }
        using (var corpus = new TempCorpus())
        {
            corpus.Write("a.json", TempCorpus.Case());
            corpus.Write("b.json", TempCorpus.Case());
            StringAssert.Contains(await ErrorOf(corpus), "also in");
        }
        using (var corpus = new TempCorpus())
        {
            corpus.Write("a.json", TempCorpus.Case().Replace("\"jane@shape.example\": {", "\"someone@else.example\": {", StringComparison.Ordinal));
            StringAssert.Contains(await ErrorOf(corpus), "has no entry in mailbox.recipients");
        }
    }

    [TestMethod]
    public async Task The_sentence_set_is_not_taken_for_message_cases()
    {
        using var corpus = new TempCorpus();
        corpus.Write("s.json", """[{ "id": "s-en-1", "language": "en", "text": "Could you help?", "labels": ["ask"] }]""");
        StringAssert.Contains(await ErrorOf(corpus), "a labelled sentence, not a message case");
    }
}
