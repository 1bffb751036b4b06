using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Detection;

/// <summary>
/// Where a message asks, offers, refers to the recipient's work, and touches their private details:
/// the lexicon's phrases (high-precision evidence) plus, where a language model is loaded, the
/// sentences its classifiers score at or above the threshold chosen on dev. Every span is evidence a
/// reader can check - the clause that holds the phrase, or the clause of the sentence the model scored
/// highest - in whole words and at most <see cref="Clauses.MaxEvidence"/> characters.
/// </summary>
public sealed class DetectedPhrases
{
    public static DetectedPhrases None { get; } = new([], [], [], []);

    /// <summary>The lowest probability at which the private-details model alone flags a sentence (tuned thresholds below it are raised).</summary>
    public const float PrivateFloor = 0.5f;

    private DetectedPhrases(IReadOnlyList<TextSpan> asks, IReadOnlyList<TextSpan> offers, IReadOnlyList<TextSpan> references, IReadOnlyList<TextSpan> privateDetails)
    {
        Asks = asks;
        Offers = offers;
        References = references;
        PrivateDetails = privateDetails;
    }

    public IReadOnlyList<TextSpan> Asks { get; }
    public IReadOnlyList<TextSpan> Offers { get; }
    public IReadOnlyList<TextSpan> References { get; }
    /// <summary>Sentences (clauses) about the recipient's private details, from the model only (the rule keeps its own phrase list).</summary>
    public IReadOnlyList<TextSpan> PrivateDetails { get; }

    /// <param name="text">The new text of the message (offsets of the spans point into it, and it starts the plain text).</param>
    public static DetectedPhrases Find(ReadOnlySpan<char> text, Lexicon lexicon, SentenceModel? model)
    {
        List<TextSpan> sentences = Sentences.Split(text);
        // The signature (after "Kind regards,") names the sender's title and department; it asks and offers nothing.
        (int signatureStart, int signatureEnd) = Signature.Find(text, lexicon.SignOff);
        bool InSignature(TextSpan span) => span.Start >= signatureStart && span.Start < signatureEnd;
        sentences.RemoveAll(InSignature);
        var scratch = new List<TextSpan>();
        List<TextSpan> asks = FromPhrases(text, Outside(lexicon.Ask.FindAll(text)), sentences, scratch);
        List<TextSpan> offers = FromPhrases(text, Outside(lexicon.Offer.FindAll(text)), sentences, scratch);
        List<TextSpan> references = FromPhrases(text, Outside(lexicon.Reference.FindAll(text)), sentences, scratch);
        IReadOnlyList<TextSpan> Outside(IReadOnlyList<TextSpan> hits) => signatureStart == signatureEnd ? hits : hits.Where(h => !InSignature(h)).ToList();
        List<TextSpan>? privateDetails = null;

        if (model is not null && model.Labels.Any(model.IsEnabled))
        {
            int slots = model.Labels.Count;
            Span<float> probabilities = stackalloc float[slots];
            Span<float> thresholds = stackalloc float[slots];
            for (int l = 0; l < slots; l++)
            {
                // Private details are an error that blocks Send: the model alone must be at least even odds.
                float threshold = model.Threshold(model.Labels[l]);
                thresholds[l] = model.Labels[l] == SentenceLabel.Private ? MathF.Max(threshold, PrivateFloor) : threshold;
            }

            foreach (TextSpan sentence in sentences)
            {
                model.Score(text.Slice(sentence.Start, sentence.Length), probabilities);
                for (int l = 0; l < slots; l++)
                {
                    // NaN compares false: a label switched off never adds anything.
                    if (!(probabilities[l] >= thresholds[l]))
                        continue;
                    if (model.Labels[l] == SentenceLabel.Ask && !SoundsLikeARequest(text.Slice(sentence.Start, sentence.Length), lexicon))
                        continue;
                    List<TextSpan> target = model.Labels[l] switch
                    {
                        SentenceLabel.Ask => asks,
                        SentenceLabel.Offer => offers,
                        SentenceLabel.Reference => references,
                        _ => privateDetails ??= [],
                    };
                    if (!target.Any(s => s.Overlaps(sentence)))
                        target.Add(BestClause(text, sentence, model, model.Labels[l], scratch));
                }
            }
            asks.Sort(ByStart);
            offers.Sort(ByStart);
            references.Sort(ByStart);
        }

        return new DetectedPhrases(asks, offers, references, privateDetails ?? (IReadOnlyList<TextSpan>)[]);
    }

    private static bool SoundsLikeARequest(ReadOnlySpan<char> sentence, Lexicon lexicon) =>
        sentence.Contains('?') || lexicon.AskCues.IsMatch(sentence);

    private static readonly Comparison<TextSpan> ByStart = (a, b) => a.Start.CompareTo(b.Start);

    /// <summary>One span per phrase: the clause around it; a phrase in a clause already quoted adds nothing.</summary>
    private static List<TextSpan> FromPhrases(ReadOnlySpan<char> text, IReadOnlyList<TextSpan> hits, List<TextSpan> sentences, List<TextSpan> scratch)
    {
        var spans = new List<TextSpan>(hits.Count);
        int s = 0;
        foreach (TextSpan hit in hits)
        {
            while (s < sentences.Count && sentences[s].End <= hit.Start)
                s++;
            TextSpan evidence = s < sentences.Count && sentences[s].Start <= hit.Start
                ? Clauses.AroundPhrase(text, sentences[s], hit, scratch)
                : hit;
            if (spans.Count == 0 || !spans[^1].Overlaps(evidence))
                spans.Add(evidence);
        }
        return spans;
    }

    /// <summary>The clause of a detected sentence that scores highest for the label: the words that made the decision.</summary>
    private static TextSpan BestClause(ReadOnlySpan<char> text, TextSpan sentence, SentenceModel model, SentenceLabel label, List<TextSpan> scratch)
    {
        scratch.Clear();
        Clauses.Split(text, sentence, scratch);
        if (scratch.Count <= 1)
            return Clauses.Bounded(text, scratch.Count == 1 ? scratch[0] : sentence);
        TextSpan best = scratch[0];
        float bestScore = float.MinValue;
        foreach (TextSpan clause in scratch)
        {
            float score = model.Score(text.Slice(clause.Start, clause.Length), label);
            if (score > bestScore)
                (best, bestScore) = (clause, score);
        }
        return Clauses.Bounded(text, best);
    }
}
