using OutreachAdvisor.Analysis.Detection;
using OutreachAdvisor.Analysis.Text;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// The small matchers the text view is built from, at the edges the rule cases leave open (found by the Text
/// mutation run, docs/quality.md): a phrase list split over two regex engines still finds every phrase in
/// reading order; a greeting's name part is a placeholder when it is a blank, a field or bracketed; spans that
/// only touch do not overlap; the sentence around an offset; the subject decides the language only when the
/// body cannot.
/// </summary>
[TestClass]
public sealed class TextMatchersTests
{
    [TestMethod]
    public void A_phrase_list_over_both_engines_finds_every_phrase_in_reading_order()
    {
        // "early(?! nope)" needs the backtracking engine; "late word" runs on the linear one.
        var phrases = new PhraseSet(["late word", "early(?! nope)"]);

        IReadOnlyList<TextSpan> found = phrases.FindAll("early then late word, not early nope");

        CollectionAssert.AreEqual(new[] { new TextSpan(0, 5), new TextSpan(11, 9) }, found.ToArray());
    }

    [TestMethod]
    public void A_phrase_list_on_one_engine_finds_whole_words_only()
    {
        var linear = new PhraseSet(["could you"]);
        var backtracking = new PhraseSet(["could you(?! believe)"]);

        CollectionAssert.AreEqual(new[] { new TextSpan(3, 9) }, linear.FindAll("so could you help").ToArray());
        CollectionAssert.AreEqual(new[] { new TextSpan(3, 9) }, backtracking.FindAll("so could you help").ToArray());
        Assert.IsEmpty(linear.FindAll("so could youth help"));
        Assert.IsEmpty(backtracking.FindAll("could you believe it"));
    }

    [TestMethod]
    public void IsMatch_answers_for_either_engine_and_an_empty_list_matches_nothing()
    {
        var both = new PhraseSet(["late word", "early(?! nope)"]);
        var backtrackingOnly = new PhraseSet(["early(?! nope)"]);

        Assert.IsTrue(both.IsMatch("a late word"), "linear");
        Assert.IsTrue(both.IsMatch("early on"), "backtracking");
        Assert.IsFalse(both.IsMatch("early nope"));
        Assert.IsFalse(backtrackingOnly.IsMatch("a late word"));
        Assert.IsTrue(backtrackingOnly.IsMatch("early on"));
        Assert.IsFalse(new PhraseSet(["late word"]).IsMatch("early on"));
        Assert.IsFalse(PhraseSet.Empty.IsMatch("anything at all"));
        Assert.IsEmpty(PhraseSet.Empty.FindAll("anything at all"));
    }

    [TestMethod]
    [DataRow("...", true, DisplayName = "dots where the name belongs")]
    [DataRow("…", true, DisplayName = "an ellipsis")]
    [DataRow("{{name}}", true, DisplayName = "a merge field without an underscore")]
    [DataRow("%FIRSTNAME%", true, DisplayName = "another merge field")]
    [DataRow("first_name", true, DisplayName = "an underscore")]
    [DataRow("[Professor]", true, DisplayName = "anything in brackets")]
    [DataRow("Anna]", false, DisplayName = "a closing bracket alone")]
    [DataRow("[Anna", false, DisplayName = "an opening bracket alone")]
    [DataRow("Anna", false, DisplayName = "a name")]
    [DataRow("Dr. Rossi", false, DisplayName = "a name with a dot")]
    public void A_greetings_name_part_is_a_placeholder_when_it_is_a_blank_a_field_or_bracketed(string namePart, bool expected) =>
        Assert.AreEqual(expected, MergeFields.LooksLikePlaceholder(namePart));

    [TestMethod]
    public void Spans_that_only_touch_do_not_overlap()
    {
        var first = new TextSpan(0, 3);
        Assert.IsFalse(first.Overlaps(new TextSpan(3, 2)));
        Assert.IsFalse(new TextSpan(3, 2).Overlaps(first));
        Assert.IsTrue(first.Overlaps(new TextSpan(2, 2)));
        Assert.IsTrue(new TextSpan(2, 2).Overlaps(first));
    }

    private static TextView View(string body, string subject = "Hello") =>
        TextView.Create(Message(body, subject), PlainText.Of(Message(body, subject)), null, SentenceDetectors.LexiconOnly);

    [TestMethod]
    public void The_sentence_around_an_offset_runs_from_the_last_sentence_end_before_it_to_the_next()
    {
        TextView view = View("One two. Three four! Five");
        string text = view.Text;
        int three = text.IndexOf("Three", StringComparison.Ordinal);
        int stop = text.IndexOf('!', StringComparison.Ordinal);

        Assert.AreEqual(" Three four", view.SentenceAround(three).ToString());
        Assert.AreEqual(" Three four", view.SentenceAround(three - 1).ToString(), "the space after the full stop");
        Assert.AreEqual(" Three four", view.SentenceAround(stop).ToString(), "the sentence end itself");
        Assert.AreEqual(text[(stop + 1)..], view.SentenceAround(text.Length).ToString(), "the last sentence has no end");
        Assert.AreEqual("One two", view.SentenceAround(0).ToString());
    }

    [TestMethod]
    public void A_text_that_starts_with_a_sentence_end_has_an_empty_sentence_there() =>
        Assert.AreEqual(string.Empty, View("?\nCiao").SentenceAround(0).ToString());

    [TestMethod]
    public void The_subject_decides_the_language_only_when_the_body_cannot()
    {
        const string italianSubject = "Richiesta di un consiglio per la mia tesi di laurea sulla moda";
        Assert.AreEqual("it", View("Ok.", italianSubject).Language, "a body too short to tell");
        Assert.AreEqual(LanguageDetector.Undetermined, View("Ok.", string.Empty).Language);
        Assert.AreEqual("en", View("Hi Ana, could you spare ten minutes next week to tell me how you planned the survey? Thanks for your time.", italianSubject).Language);
    }

    [TestMethod]
    [DataRow("the and", "en", DisplayName = "two stop words are enough")]
    [DataRow("the", "und", DisplayName = "one is not")]
    [DataRow("the and di", "und", DisplayName = "two against one is not confident")]
    [DataRow("the and with vous pour", "en", DisplayName = "three against two unchecked: exactly 1.5 times is enough")]
    [DataRow("the and with to vous pour des", "und", DisplayName = "four against three unchecked is under 1.5 times")]
    [DataRow("the and with to di che della", "en", DisplayName = "a checked language beside the winner does not count against it")]
    [DataRow("vous pour des je der und ist", "fr", DisplayName = "an unchecked winner is named whatever the runner-up")]
    [DataRow("Un minuto mañana", "es", DisplayName = "marker letters decide a tie")]
    public void The_language_is_named_only_with_enough_and_clear_enough_evidence(string text, string expected) =>
        Assert.AreEqual(expected, LanguageDetector.Detect(text));

    [TestMethod]
    public void Stop_words_must_be_a_share_of_every_word_read()
    {
        string fillers = string.Join(' ', Enumerable.Repeat("zzq", 30));
        Assert.AreEqual(LanguageDetector.Undetermined, LanguageDetector.Detect("the and with " + fillers), "3 of 33 words is under 12%");
        Assert.AreEqual("en", LanguageDetector.Detect("the and with " + string.Join(' ', Enumerable.Repeat("zzq", 22))), "3 of 25 is 12%");
    }
}
