using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// How evidence is cut from a sentence (Clauses): the boundaries between clauses, one-word clauses joined to a
/// neighbour, the clause around a phrase, and the 200-character bound kept in whole words.
/// </summary>
[TestClass]
public sealed class ClausesTests
{
    private static string[] Split(string sentence)
    {
        var into = new List<TextSpan>();
        Clauses.Split(sentence, new TextSpan(0, sentence.Length), into);
        return [.. into.Select(s => sentence.Substring(s.Start, s.Length))];
    }

    [TestMethod]
    public void Clauses_end_at_commas_semicolons_colons_dashes_and_brackets()
    {
        CollectionAssert.AreEqual(new[] { "I read your piece", "the one on ferries", "and loved it" }, Split("I read your piece, the one on ferries; and loved it"));
        CollectionAssert.AreEqual(new[] { "Two things here", "the data and the code" }, Split("Two things here: the data and the code"));
        CollectionAssert.AreEqual(new[] { "My study", "the one from May", "is ready" }, Split("My study (the one from May) is ready"));
        CollectionAssert.AreEqual(new[] { "I can help", "happy to share data" }, Split("I can help – happy to share data"));
        CollectionAssert.AreEqual(new[] { "I can help", "happy to share data" }, Split("I can help — happy to share data"));
        CollectionAssert.AreEqual(new[] { "I can help", "happy to share data" }, Split("I can help - happy to share data"));
    }

    [TestMethod]
    public void Marks_inside_words_and_numbers_are_no_boundary()
    {
        CollectionAssert.AreEqual(new[] { "A well-known 3,000-word piece at 10:30 today" }, Split("A well-known 3,000-word piece at 10:30 today"));
        CollectionAssert.AreEqual(new[] { "The so-called plan works" }, Split("The so-called plan works"));
        CollectionAssert.AreEqual(new[] { "Dash-ending words- are not split" }, Split("Dash-ending words- are not split"));
    }

    [TestMethod]
    public void A_one_word_clause_joins_its_neighbour()
    {
        CollectionAssert.AreEqual(new[] { "Also, could you look at my CV" }, Split("Also, could you look at my CV"));
        CollectionAssert.AreEqual(new[] { "Could you look at my CV, please" }, Split("Could you look at my CV, please"), "the last joins the one before");
        CollectionAssert.AreEqual(new[] { "Thanks" }, Split("Thanks"));
        CollectionAssert.AreEqual(new[] { "Yes, no" }, Split("Yes, no"));
    }

    [TestMethod]
    public void Clauses_are_trimmed_of_spaces_and_marks()
    {
        CollectionAssert.AreEqual(new[] { "first part", "second part" }, Split("  first part ,  second part ;  "));
        Assert.IsEmpty(Split(" , ; "));
    }

    [TestMethod]
    public void The_evidence_for_a_phrase_is_the_clause_that_holds_it()
    {
        const string sentence = "I loved your talk, could you review my CV, happy to return the favour";
        int at = sentence.IndexOf("could you", StringComparison.Ordinal);
        TextSpan span = Clauses.AroundPhrase(sentence, new TextSpan(0, sentence.Length), new TextSpan(at, 9), []);
        Assert.AreEqual("could you review my CV", sentence.Substring(span.Start, span.Length));

        int across = sentence.IndexOf("CV, happy", StringComparison.Ordinal);
        TextSpan both = Clauses.AroundPhrase(sentence, new TextSpan(0, sentence.Length), new TextSpan(across, 9), []);
        Assert.AreEqual("could you review my CV, happy to return the favour", sentence.Substring(both.Start, both.Length), "every clause the phrase touches");
    }

    [TestMethod]
    public void A_phrase_in_a_long_clause_is_quoted_with_whole_words_within_the_bound()
    {
        string sentence = string.Join(' ', Enumerable.Repeat("word", 40)) + " could you review my CV " + string.Join(' ', Enumerable.Repeat("more", 60));
        int at = sentence.IndexOf("could you", StringComparison.Ordinal);
        var hit = new TextSpan(at, "could you review my CV".Length);
        TextSpan span = Clauses.AroundPhrase(sentence, new TextSpan(0, sentence.Length), hit, []);
        string quote = sentence.Substring(span.Start, span.Length);

        Assert.IsLessThanOrEqualTo(Clauses.MaxEvidence, span.Length);
        Assert.IsGreaterThan(Clauses.MaxEvidence - 10, span.Length, "the room is used");
        StringAssert.Contains(quote, "could you review my CV");
        Assert.IsTrue(span.Start <= hit.Start && span.End >= hit.End);
        Assert.IsTrue(quote.StartsWith("word", StringComparison.Ordinal) && quote.EndsWith("more", StringComparison.Ordinal), quote);
        // A third of the room before the phrase, the rest after it.
        int before = hit.Start - span.Start, after = span.End - hit.End;
        Assert.IsTrue(before < after && before >= ((Clauses.MaxEvidence - hit.Length) / 3) - 5, $"{before} before, {after} after");
    }

    [TestMethod]
    public void A_long_sentence_is_bounded_to_its_first_whole_words()
    {
        string sentence = string.Join(' ', Enumerable.Repeat("abcdefg", 60));
        TextSpan span = Clauses.Bounded(sentence, new TextSpan(0, sentence.Length));
        Assert.AreEqual(0, span.Start);
        Assert.IsLessThanOrEqualTo(Clauses.MaxEvidence, span.Length);
        Assert.IsTrue(sentence.Substring(span.Start, span.Length).EndsWith("abcdefg", StringComparison.Ordinal));
        Assert.AreEqual(new TextSpan(3, 20), Clauses.Bounded(sentence, new TextSpan(3, 20)), "a short span is itself");
        string exact = new string('x', Clauses.MaxEvidence) + " y";
        Assert.AreEqual(Clauses.MaxEvidence, Clauses.Bounded(exact, new TextSpan(0, Clauses.MaxEvidence)).Length);
    }

    [TestMethod]
    public void Whole_words_never_cut_inside_a_word_or_keep_edge_spaces()
    {
        const string text = "alpha beta gamma delta";
        // [2, 19) starts inside "alpha" and ends inside "delta": shrunk to "beta gamma".
        TextSpan span = Clauses.WholeWords(text, new TextSpan(2, 17), new TextSpan(8, 0));
        Assert.AreEqual("beta gamma", text.Substring(span.Start, span.Length));
        TextSpan kept = Clauses.WholeWords(text, new TextSpan(2, 17), new TextSpan(2, 17));
        Assert.AreEqual(new TextSpan(2, 17), kept, "what must be kept stays");
        TextSpan apostrophe = Clauses.WholeWords("it's here", new TextSpan(0, 3), new TextSpan(0, 0));
        Assert.AreEqual(0, apostrophe.Length, "an apostrophe is inside a word");
    }
}
