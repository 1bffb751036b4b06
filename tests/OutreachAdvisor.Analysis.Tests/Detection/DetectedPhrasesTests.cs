using OutreachAdvisor.Analysis.Detection;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests.Detection;

/// <summary>
/// How <see cref="DetectedPhrases"/> joins the lexicon's phrases and a model's sentences into evidence: the
/// signature asks and offers nothing, a switched-off label adds nothing, private details need at least even
/// odds, each list is in reading order, and a detected sentence is quoted by the clause that decided it. The
/// models here are made by hand with every weight zero, so every sentence gets the same probability (the
/// bias's) and only the rules under test decide what is kept.
/// </summary>
[TestClass]
public sealed class DetectedPhrasesTests
{
    private const string Signed = "Hi Ana,\n\nI enjoyed the workshop.\n\nKind regards,\nJane Doe\nHead of Partnerships\nAcme Ltd";

    /// <summary>A model that gives every sentence <paramref name="probability"/> for each label, with these thresholds (NaN: off).</summary>
    private static SentenceModel Constant(float probability, params (SentenceLabel Label, float Threshold)[] labels)
    {
        var options = new FeatureOptions(Bits: 8, CharGramMin: 4, CharGramMax: 4);
        float bias = MathF.Log(probability / (1 - probability));
        return new SentenceModel("en", options, [.. labels.Select(l => l.Label)], [.. labels.Select(_ => bias)],
            [.. labels.Select(l => l.Threshold)], new Half[options.Buckets * labels.Length], "hand-made for tests");
    }

    private static DetectedPhrases Find(string text, SentenceModel? model = null) => DetectedPhrases.Find(text, Lexicon.English, model);

    private static string[] Quotes(string text, IReadOnlyList<TextSpan> spans) => [.. spans.Select(s => text.Substring(s.Start, s.Length))];

    [TestMethod]
    public void A_model_that_flags_every_sentence_flags_none_of_the_signature()
    {
        int signature = Signed.IndexOf("Kind regards", StringComparison.Ordinal);
        DetectedPhrases found = Find(Signed, Constant(0.9f, (SentenceLabel.Offer, 0.5f)));

        Assert.IsNotEmpty(found.Offers, "the body's sentences are flagged");
        foreach (TextSpan offer in found.Offers)
            Assert.IsLessThanOrEqualTo(signature, offer.End, $"'{Signed.Substring(offer.Start, offer.Length)}' is in the signature");
    }

    [TestMethod]
    public void A_phrase_in_the_signature_is_not_an_offer_and_the_same_phrase_in_the_body_is()
    {
        const string body = "Hi Ana,\n\nI enjoyed the workshop. Happy to help with intros.\n\nKind regards,\nJane Doe\nAcme Ltd";
        const string signature = "Hi Ana,\n\nI enjoyed the workshop.\n\nKind regards,\nJane Doe\nHappy to help with intros\nAcme Ltd";

        Assert.AreEqual("Happy to help with intros.", string.Join(" | ", Quotes(body, Find(body).Offers)));
        Assert.IsEmpty(Find(signature).Offers);
    }

    [TestMethod]
    public void A_model_with_one_label_on_and_one_off_detects_only_the_label_that_is_on()
    {
        DetectedPhrases found = Find(Signed, Constant(0.9f, (SentenceLabel.Reference, float.NaN), (SentenceLabel.Offer, 0.5f)));

        CollectionAssert.Contains(Quotes(Signed, found.Offers), "I enjoyed the workshop.");
        Assert.IsEmpty(found.References);
    }

    [TestMethod]
    public void Private_details_need_even_odds_from_the_model_whatever_its_tuned_threshold()
    {
        const string text = "Hi Ana,\n\nI saw the photos of your children. I know the street you live on.\n\nBest,\nJane";

        DetectedPhrases belowEven = Find(text, Constant(0.4f, (SentenceLabel.Offer, 0.2f), (SentenceLabel.Private, 0.2f)));
        Assert.IsNotEmpty(belowEven.Offers, "other labels keep their tuned threshold of 0.2");
        Assert.IsEmpty(belowEven.PrivateDetails, "0.4 is below the private floor of 0.5");

        DetectedPhrases aboveEven = Find(text, Constant(0.6f, (SentenceLabel.Private, 0.2f)));
        CollectionAssert.IsSubsetOf(new[] { "I saw the photos of your children.", "I know the street you live on." }, Quotes(text, aboveEven.PrivateDetails));
    }

    [TestMethod]
    public void A_probability_equal_to_the_threshold_counts()
    {
        SentenceModel model = Constant(0.7f, (SentenceLabel.Offer, 0.5f));
        float probability = model.Score("I enjoyed the workshop.", SentenceLabel.Offer);

        SentenceModel atThreshold = model.WithThresholds(new Dictionary<SentenceLabel, float> { [SentenceLabel.Offer] = probability });
        SentenceModel justAbove = model.WithThresholds(new Dictionary<SentenceLabel, float> { [SentenceLabel.Offer] = MathF.BitIncrement(probability) });

        Assert.IsNotEmpty(Find(Signed, atThreshold).Offers);
        Assert.IsEmpty(Find(Signed, justAbove).Offers);
    }

    [TestMethod]
    public void Phrases_and_model_sentences_come_out_in_reading_order()
    {
        // Each label's phrase is in a late sentence; the model adds the earlier sentences after it.
        const string text = "Hi Ana,\n\nIs the dataset public? I enjoyed the workshop. I read your article on soil. Happy to help with intros. Could you share the slides?\n\nBest,\nJane";
        DetectedPhrases found = Find(text, Constant(0.9f, (SentenceLabel.Ask, 0.5f), (SentenceLabel.Offer, 0.5f), (SentenceLabel.Reference, 0.5f)));

        foreach ((string name, IReadOnlyList<TextSpan> spans) in new[] { ("asks", found.Asks), ("offers", found.Offers), ("references", found.References) })
        {
            Assert.IsGreaterThanOrEqualTo(2, spans.Count, name);
            for (int i = 1; i < spans.Count; i++)
                Assert.IsLessThanOrEqualTo(spans[i].Start, spans[i - 1].End, $"{name}: {string.Join(" | ", Quotes(text, spans))}");
        }
    }

    [TestMethod]
    public void A_model_only_ask_needs_a_question_or_an_ask_cue()
    {
        const string text = "Hi Ana,\n\nI enjoyed the workshop. Is the dataset public?\n\nBest,\nJane";
        DetectedPhrases found = Find(text, Constant(0.9f, (SentenceLabel.Ask, 0.5f)));

        CollectionAssert.Contains(Quotes(text, found.Asks), "Is the dataset public?");
        CollectionAssert.DoesNotContain(Quotes(text, found.Asks), "I enjoyed the workshop.");
    }

    [TestMethod]
    public void Two_phrases_in_two_sentences_are_two_pieces_of_evidence_and_two_in_one_clause_are_one()
    {
        const string two = "Hi Ana,\n\nCould you share the slides? Later on, would you be open to a short call?\n\nBest,\nJane";
        const string one = "Hi Ana,\n\nCould you share the slides or could you send a link?\n\nBest,\nJane";

        Assert.HasCount(2, Find(two).Asks, string.Join(" | ", Quotes(two, Find(two).Asks)));
        Assert.HasCount(1, Find(one).Asks, string.Join(" | ", Quotes(one, Find(one).Asks)));
    }

    [TestMethod]
    public void A_sentence_whose_clauses_score_the_same_is_quoted_by_its_first_clause()
    {
        const string text = "Hi Ana,\n\nI enjoyed the workshop, and the slides were a great help to our team.\n\nBest,\nJane";
        DetectedPhrases found = Find(text, Constant(0.9f, (SentenceLabel.Offer, 0.5f)));

        string quote = Quotes(text, found.Offers).Single(q => q.Contains("workshop", StringComparison.Ordinal) || q.Contains("slides", StringComparison.Ordinal));
        Assert.StartsWith("I enjoyed the workshop", quote);
        Assert.DoesNotContain("slides", quote, "one clause, not the whole sentence");
    }

    [TestMethod]
    public void The_detector_sets_name_themselves_and_the_default_set_has_both_languages()
    {
        Assert.AreEqual("models", SentenceDetectors.Default.Name);
        Assert.AreEqual("lexicon", SentenceDetectors.LexiconOnly.Name);
        CollectionAssert.AreEquivalent(new[] { "en", "it" }, SentenceDetectors.Default.Models.Select(m => m.Language).ToArray());
        Assert.IsEmpty(SentenceDetectors.LexiconOnly.Models);
    }
}
