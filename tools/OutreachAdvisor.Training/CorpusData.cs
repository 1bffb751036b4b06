using OutreachAdvisor.Analysis.Detection;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Evaluation.Corpus;

namespace OutreachAdvisor.Training;

/// <summary>The train and dev splits of the corpus (sentences and messages). The test split is not read.</summary>
internal sealed class CorpusData
{
    private CorpusData(IReadOnlyList<LabelledSentence> trainSentences, IReadOnlyList<LabelledSentence> devSentences, IReadOnlyList<CorpusCase> trainMessages, IReadOnlyList<CorpusCase> devMessages)
    {
        TrainSentences = trainSentences;
        AllDevSentences = devSentences;
        TrainMessages = trainMessages;
        DevMessages = devMessages;
    }

    public IReadOnlyList<LabelledSentence> TrainSentences { get; }
    public IReadOnlyList<LabelledSentence> AllDevSentences { get; }
    public IReadOnlyList<CorpusCase> TrainMessages { get; }
    public IReadOnlyList<CorpusCase> DevMessages { get; }

    public IReadOnlyList<LabelledSentence> DevSentences(string language) => AllDevSentences.Where(s => s.Language == language).ToArray();

    public static async Task<CorpusData> LoadAsync(string root)
    {
        string corpus = Path.Combine(root, "corpus");
        string[] rules = RuleCatalog.Descriptions.Select(d => d.Name).ToArray();
        return new CorpusData(
            LabelledSentence.ReadFile(Path.Combine(corpus, "sentences", "train.json")),
            LabelledSentence.ReadFile(Path.Combine(corpus, "sentences", "dev.json")),
            await CorpusReader.ReadFolderAsync(Path.Combine(corpus, "messages", "train"), rules, CancellationToken.None),
            await CorpusReader.ReadFolderAsync(Path.Combine(corpus, "messages", "dev"), rules, CancellationToken.None));
    }

    /// <summary>One label's training rows for a language: every train sentence, plus the sentences of train messages whose label is known.</summary>
    public List<TrainingRow> Rows(string language, SentenceLabel label, float derivedWeight)
    {
        var rows = TrainSentences.Where(s => s.Language == language).Select(s => new TrainingRow(s.Text, s.Labels.Contains(label), 1f, "sentences")).ToList();
        if (derivedWeight > 0)
        {
            foreach (CorpusCase message in TrainMessages.Where(m => m.Language == language))
            {
                foreach ((SentenceLabel known, string text) in DerivedSentences.Negatives(message))
                {
                    if (known == label)
                        rows.Add(new TrainingRow(text, false, derivedWeight, "messages"));
                }
            }
        }
        return rows;
    }
}
