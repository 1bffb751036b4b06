using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// The counts and reading ease the result's <c>metrics</c>, the length and reading hints and the report share,
/// on texts small enough to count by hand (the formulas are in TextMetrics' summary).
/// </summary>
[TestClass]
public sealed class TextMetricsTests
{
    private static MessageMetrics Measure(string text, string language = "en", string subject = "") => TextMetrics.Measure(text, subject, language);

    [TestMethod]
    public void Words_sentences_and_questions_are_counted()
    {
        MessageMetrics metrics = Measure("The cat sat. Did it run? Yes, 42 times!");
        Assert.AreEqual(9, metrics.Words, "42 is a word");
        Assert.AreEqual(3, metrics.Sentences);
        Assert.AreEqual(1, metrics.Questions);
    }

    [TestMethod]
    [DataRow("Hi Jane\n\nThanks", 2, "a blank line ends a sentence")]
    [DataRow("Hi Jane\n \nThanks", 2, "a line of spaces is blank too")]
    [DataRow("Hi\nJane", 1, "a line end alone does not")]
    [DataRow("Hi!!! Really...", 2, "repeated marks end one sentence")]
    [DataRow("? ! .", 0, "marks without words are no sentence")]
    [DataRow("no full stop at the end", 1, "the last words are a sentence")]
    [DataRow("", 0, "")]
    public void Sentences_end_at_marks_and_blank_lines(string text, int sentences, string why) =>
        Assert.AreEqual(sentences, Measure(text).Sentences, why);

    [TestMethod]
    public void A_question_is_a_sentence_ending_in_a_question_mark()
    {
        Assert.AreEqual(2, Measure("Really? Is it? Yes.").Questions);
        Assert.AreEqual(0, Measure("What I asked was why.").Questions);
        Assert.AreEqual(1, Measure("Why?? Because.").Questions, "one question however many marks");
    }

    [TestMethod]
    public void English_reading_ease_is_flesch_with_syllables_as_vowel_groups()
    {
        // 8 words, 1 sentence, 13 syllables (beau-ti-ful 3, in-for-ma-tion 4, six of one):
        // 206.835 - 1.015 x 8 - 84.6 x 13 / 8 = 61.24.
        MessageMetrics metrics = Measure("The cat sat on the beautiful information mat.");
        Assert.AreEqual(61.2, metrics.ReadingEase);
        Assert.AreEqual("flesch", metrics.ReadingScale);

        // "rarely" is three groups with y a vowel (ra-re-ly), "now" one: 10 words, 17 syllables: 206.835 - 10.15 - 143.82 = 52.865.
        Assert.AreEqual(52.9, Measure("The cat sat on the beautiful information mat rarely now.").ReadingEase);
        // A word without vowels or of digits still has one: 10 words, 15 syllables: 206.835 - 10.15 - 126.9 = 69.785.
        Assert.AreEqual(69.8, Measure("The cat sat on the beautiful information mat brr 42.").ReadingEase);
        // Two sentences halve the words per sentence: 206.835 - 1.015 x 4 - 137.475 = 65.3.
        Assert.AreEqual(65.3, Measure("The cat sat on. The beautiful information mat.").ReadingEase);
    }

    [TestMethod]
    public void Accented_vowels_count_as_vowels()
    {
        // "perché" is two groups (per-ché), "più" one: 206.835 - 1.015 x 8 - 84.6 x 14 / 8 = 50.665.
        Assert.AreEqual(50.7, Measure("The beautiful information mat perché più cat sat.").ReadingEase);
    }

    [TestMethod]
    public void Italian_reading_ease_is_gulpease()
    {
        // 3 words, 41 letters, 1 sentence: 89 + (300 - 410) / 3 = 52.33.
        MessageMetrics metrics = Measure("Considerazioni particolarmente interessanti.", "it");
        Assert.AreEqual(52.3, metrics.ReadingEase);
        Assert.AreEqual("gulpease", metrics.ReadingScale);
        // Digits are words without letters: 4 words, 41 letters: 89 + (300 - 410) / 4 = 61.5.
        Assert.AreEqual(61.5, Measure("Considerazioni particolarmente interessanti 2026.", "it").ReadingEase);
    }

    [TestMethod]
    public void Reading_ease_stays_between_0_and_100()
    {
        Assert.AreEqual(100, Measure("I go. We run. Me too.").ReadingEase);
        Assert.AreEqual(0, Measure("Internationalization responsibilities.").ReadingEase);
        Assert.AreEqual(100, Measure("Io e te. Lui va.", "it").ReadingEase);
        Assert.AreEqual(0, Measure("Precipitevolissimevolmentesuperlunghissimaparola.", "it").ReadingEase);
    }

    [TestMethod]
    public void Other_languages_and_empty_texts_have_no_reading_ease()
    {
        MessageMetrics french = Measure("Je voudrais vous demander un conseil.", "fr");
        Assert.IsNull(french.ReadingEase);
        Assert.IsNull(french.ReadingScale);
        Assert.AreEqual(6, french.Words);
        Assert.IsNull(Measure("", "en").ReadingEase);
        Assert.IsNull(Measure("...", "it").ReadingScale);
    }

    [TestMethod]
    [DataRow("Re: coffee next week?", 4)]
    [DataRow("CV-review (2 pages)", 4)]
    [DataRow("   ", 0)]
    [DataRow("", 0)]
    [DataRow(null, 0)]
    public void Subject_words_are_runs_of_letters_and_digits(string? subject, int words) =>
        Assert.AreEqual(words, TextMetrics.Measure("Hi.", subject!, "en").SubjectWords);
}
