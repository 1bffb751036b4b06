using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests.Detection;

[TestClass]
public sealed class SentencesTests
{
    private static string[] Split(string text) => Sentences.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToArray();

    [TestMethod]
    public void Sentences_end_at_punctuation_and_lines_but_not_after_abbreviations() =>
        CollectionAssert.AreEqual(
            new[] { "Dear Dr. Okafor,", "I met Prof. Rossi at the session in St. Ives.", "It was great!", "Could we talk?", "Best,", "Ann" },
            Split("Dear Dr. Okafor,\n\nI met Prof. Rossi at the session in St. Ives. It was great! Could we talk?\n\nBest,\nAnn"));

    [TestMethod]
    public void Abbreviations_initials_and_domains()
    {
        CollectionAssert.AreEqual(new[] { "Gentile Dott.ssa Ferri,", "Le scrivo per conto dell'Ing. Galli.", "Grazie." },
            Split("Gentile Dott.ssa Ferri,\nLe scrivo per conto dell'Ing. Galli. Grazie."));
        CollectionAssert.AreEqual(new[] { "J. R. Smith wrote it.", "See shape.example.", "Thanks!" },
            Split("J. R. Smith wrote it. See shape.example. Thanks!"));
    }

    [TestMethod]
    public void A_hard_wrapped_paragraph_is_one_sentence()
    {
        CollectionAssert.AreEqual(new[] { "I was hoping you might put me in touch with your editor at the\nmagazine next week.", "Ann" },
            Split("I was hoping you might put me in touch with your editor at the\nmagazine next week.\nAnn"));
    }

    [TestMethod]
    public void A_run_without_any_end_is_cut_at_a_space()
    {
        string text = string.Join(' ', Enumerable.Repeat("word", 1_000));
        List<TextSpan> sentences = Sentences.Split(text);
        Assert.IsTrue(sentences.All(s => s.Length <= Sentences.MaxLength + 5));
        Assert.AreEqual(text.Length, sentences.Sum(s => s.Length) + sentences.Count - 1);
    }

    [TestMethod]
    [DataRow("\"")]
    [DataRow("'")]
    [DataRow("”")]
    [DataRow("’")]
    [DataRow("»")]
    [DataRow(")")]
    [DataRow("!)")]
    public void Closing_quotes_and_brackets_after_the_end_stay_with_their_sentence(string closers) =>
        CollectionAssert.AreEqual(new[] { $"She said: go on!{closers}", "Then we left." }, Split($"She said: go on!{closers} Then we left."));

    [TestMethod]
    public void A_quoted_abbreviation_or_an_exclamation_after_one_still_ends_the_sentence()
    {
        CollectionAssert.AreEqual(new[] { "Everyone called him \"the Dr.\"", "Then he left." }, Split("Everyone called him \"the Dr.\" Then he left."));
        CollectionAssert.AreEqual(new[] { "Quick, call a Dr!", "He is hurt." }, Split("Quick, call a Dr! He is hurt."));
    }

    [TestMethod]
    public void Dotted_short_forms_of_up_to_four_letters_a_part_do_not_end_a_sentence()
    {
        CollectionAssert.AreEqual(new[] { "La Prof.ssa Neri ha risposto." }, Split("La Prof.ssa Neri ha risposto."));
        CollectionAssert.AreEqual(new[] { "Scrivi a Profe.ssa.", "Poi vediamo." }, Split("Scrivi a Profe.ssa. Poi vediamo."), "a part of five letters is a word");
    }

    [TestMethod]
    public void A_very_long_word_before_a_full_stop_is_read_safely() =>
        CollectionAssert.AreEqual(new[] { "It was supercalifragilisticexpialidocious.", "Truly." }, Split("It was supercalifragilisticexpialidocious. Truly."));

    [TestMethod]
    public void Sentences_exclude_the_spaces_around_them_and_may_open_with_punctuation()
    {
        CollectionAssert.AreEqual(new[] { "\"Hello,\" she said", "(Then she left.)" }, Split("\"Hello,\" she said   \n(Then she left.)"));
        CollectionAssert.AreEqual(new[] { "Ok" }, Split("\nOk"));
    }

    [TestMethod]
    public void Only_a_long_line_without_an_ending_followed_by_a_lower_case_word_is_wrapped()
    {
        string long40 = "I was hoping you might put me in touch w";   // 40 characters
        string short39 = long40[..39];
        Assert.HasCount(1, Split(long40 + "\nith your editor."), "40 characters continue");
        Assert.HasCount(2, Split(short39 + "\nwith your editor."), "39 do not");
        Assert.HasCount(1, Split(long40 + "\n   \tith your editor."), "indentation before the lower-case word");
        Assert.HasCount(2, Split(long40 + "\nWith your editor."), "an upper-case word starts a sentence");
        foreach (string ending in new[] { ",", ":", ";" })
            Assert.HasCount(2, Split(long40 + ending + "\nwith your editor."), $"a line ending in '{ending}'");
        // The second line is measured from its own start: the first line's break is not part of it.
        Assert.HasCount(2, Split(long40 + "\ni" + short39[1..] + "\nwith your editor."), "a 39-character line inside a wrapped paragraph");
        // ...and from where its sentence starts, when one starts inside the line.
        Assert.HasCount(3, Split("Yes. " + short39 + "\nwith your editor."), "the 39 characters after the full stop");
    }

    [TestMethod]
    public void A_run_without_an_end_is_cut_at_the_first_space_once_its_own_sentence_reaches_the_maximum()
    {
        string xs = new('x', Sentences.MaxLength - 13), ys = new('y', 30);
        CollectionAssert.AreEqual(new[] { "Hello there.", xs + " " + ys, "end" }, Split("Hello there. " + xs + " " + ys + " end"),
            "counted from where the second sentence starts, not from the text's start");

        string exactly = new('x', Sentences.MaxLength);
        CollectionAssert.AreEqual(new[] { exactly, "yyyy z" }, Split(exactly + " yyyy z"), "a space right at the maximum cuts");
    }
}
