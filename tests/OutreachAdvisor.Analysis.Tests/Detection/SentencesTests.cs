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
}
