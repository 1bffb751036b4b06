using System.Text.Json;
using OutreachAdvisor.Evaluation.Corpus;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Evaluation.Tests;

/// <summary>The split is fixed by each id's hash (corpus/README.md, "The split"): nothing may move between splits.</summary>
[TestClass]
public sealed class CorpusSplitTests
{
    private static string Corpus => Path.Combine(RepoPaths.Root, "corpus");

    [TestMethod]
    public void Every_message_file_sits_in_the_split_its_id_hashes_to_and_is_named_after_it()
    {
        string[] files = Directory.GetFiles(Path.Combine(Corpus, "messages"), "*.json", SearchOption.AllDirectories);
        Assert.IsGreaterThanOrEqualTo(500, files.Length, "the corpus has at least 500 messages");
        foreach (string file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            string id = document.RootElement.GetProperty("id").GetString()!;
            string split = Path.GetFileName(Path.GetDirectoryName(file))!;
            Assert.AreEqual(CorpusSplit.Of(id), split, $"{id} is in {split}");
            Assert.AreEqual(id + ".json", Path.GetFileName(file));
        }
    }

    [TestMethod]
    public void Every_sentence_sits_in_the_split_its_id_hashes_to()
    {
        int count = 0;
        foreach (string split in new[] { CorpusSplit.Train, CorpusSplit.Dev, CorpusSplit.Test })
        {
            foreach (LabelledSentence sentence in LabelledSentence.ReadFile(Path.Combine(Corpus, "sentences", split + ".json")))
            {
                Assert.AreEqual(CorpusSplit.Of(sentence.Id), split, $"{sentence.Id} is in {split}");
                count++;
            }
        }
        Assert.IsGreaterThanOrEqualTo(3000, count);
    }

    [TestMethod]
    [DataRow("en-a-0001", "train")]
    [DataRow("en-a-0004", "dev")]
    public void The_hash_rule_is_the_documented_one(string id, string split) =>
        Assert.AreEqual(split, CorpusSplit.Of(id));

    [TestMethod]
    public void Splits_are_roughly_sixty_twenty_twenty()
    {
        string[] ids = Enumerable.Range(0, 10_000).Select(i => $"x-{i}").ToArray();
        double train = ids.Count(i => CorpusSplit.Of(i) == CorpusSplit.Train) / (double)ids.Length;
        double dev = ids.Count(i => CorpusSplit.Of(i) == CorpusSplit.Dev) / (double)ids.Length;
        Assert.AreEqual(0.6, train, 0.02);
        Assert.AreEqual(0.2, dev, 0.02);
    }

    [TestMethod]
    public async Task Every_split_reads_with_all_nine_labels()
    {
        string[] rules = Analysis.Rules.RuleCatalog.Descriptions.Select(d => d.Name).ToArray();
        foreach (string split in new[] { CorpusSplit.Train, CorpusSplit.Dev, CorpusSplit.Test })
        {
            IReadOnlyList<CorpusCase> cases = await CorpusReader.ReadFolderAsync(Path.Combine(Corpus, "messages", split), rules, CancellationToken.None);
            Assert.IsTrue(cases.All(c => c.Labels.Count == rules.Length), split);
        }
    }
}
