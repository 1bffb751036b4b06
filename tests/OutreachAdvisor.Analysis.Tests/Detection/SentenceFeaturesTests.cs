using OutreachAdvisor.Analysis.Detection;

namespace OutreachAdvisor.Analysis.Tests.Detection;

/// <summary>
/// What the sentence models see of a sentence (SentenceFeatures): which differences are folded away (case,
/// accents, digits, apostrophes, which link or address), which are kept (order, "?" and "!"), and how many
/// features each part gives. Training and analysis share this code; these pin what it promises.
/// </summary>
[TestClass]
public sealed class SentenceFeaturesTests
{
    private static int[] Features(string text)
    {
        int[] buffer = new int[SentenceFeatures.MaxFeatures(FeatureOptions.Default)];
        return buffer[..SentenceFeatures.Extract(text, FeatureOptions.Default, buffer)];
    }

    private static int[] Sorted(string text) => [.. Features(text).Order()];

    private static void Same(string a, string b) => CollectionAssert.AreEqual(Sorted(a), Sorted(b), $"'{a}' and '{b}'");

    private static void Different(string a, string b) => CollectionAssert.AreNotEqual(Sorted(a), Sorted(b), $"'{a}' and '{b}'");

    [TestMethod]
    [DataRow("hello", 8, "a word, its bigram from the start, four 4-grams of \" hello \", the end bigram, the length")]
    [DataRow("abc", 6, "\" abc \" has two 4-grams")]
    [DataRow("hi", 5, "a word shorter than the gram gives itself once")]
    [DataRow("ok?", 7, "a question mark is a word of its own (and its bigram)")]
    [DataRow("l'arte", 10, "an elision also counts the word after the apostrophe")]
    [DataRow("I'd", 6, "but not a single letter after it")]
    [DataRow("", 2, "the end bigram and the length")]
    [DataRow("https://a.example/x", 4, "a link is one token without grams")]
    public void Each_part_of_a_sentence_gives_its_features(string text, int expected, string why) =>
        Assert.HasCount(expected, Features(text), why);

    [TestMethod]
    public void Case_accents_digits_and_typographic_apostrophes_are_folded()
    {
        Same("Perché", "perche");
        Same("ÀÉÌÒÙÇÑ", "aeioucn");
        Same("Room 42 at 9", "room 17 at 3");
        Same("I’d like l‘arte", "i'd like l'arte");
        Different("perche", "perch");
    }

    [TestMethod]
    [DataRow('A', 'a')]
    [DataRow('Z', 'z')]
    [DataRow('a', 'a')]
    [DataRow('@', '@')]
    [DataRow('[', '[')]
    [DataRow('0', '0')]
    [DataRow('9', '0')]
    [DataRow('/', '/')]
    [DataRow(':', ':')]
    [DataRow('\u0663', '0')]
    [DataRow('É', 'e')]
    [DataRow('ü', 'u')]
    [DataRow('å', 'a')]
    [DataRow('õ', 'o')]
    [DataRow('ï', 'i')]
    [DataRow('ê', 'e')]
    [DataRow('Ç', 'c')]
    [DataRow('Ñ', 'n')]
    [DataRow('’', '\'')]
    [DataRow('‘', '\'')]
    [DataRow('ß', 'ß')]
    [DataRow('Ł', 'ł')]
    public void Fold_lowers_strips_accents_and_zeroes_digits(char c, char expected) =>
        Assert.AreEqual(expected, SentenceFeatures.Fold(c));

    [TestMethod]
    public void Links_and_addresses_are_one_token_each_whatever_they_are()
    {
        Same("see https://a.example/x please", "see www.b.example please");
        Same("see http://a.example please", "see WWW.b.example please");
        Same("write to ann@b.example today", "write to bob@c.example today");
        Different("see https://a.example please", "see ann@b.example please");
        Different("see a.example please", "see www.a.example please");
        Different("write to @b.example today", "write to ann@b.example today");
        Different("write to ann@example today", "write to ann@b.example today");
        Different("write to ann.@example today", "write to ann@b.example today");
    }

    [TestMethod]
    public void The_link_the_html_view_adds_after_a_link_s_text_is_not_read()
    {
        Same("your piece <https://x.example/p> on colour", "your piece on colour");
        Same("your piece <HTTP://x.example/p>", "your piece");
    }

    [TestMethod]
    public void Word_order_and_punctuation_that_asks_are_kept()
    {
        Different("could you", "you could");
        Different("ok?", "ok");
        Different("ok?", "ok!");
        Same("ok, fine.", "ok fine");
        Same("dogs'", "dogs");
        Same("the dogs', bones", "the dogs, bones");
    }

    [TestMethod]
    public void The_length_feature_counts_words_in_fours_up_to_twelve()
    {
        static int Length(int words) => Features(string.Join(' ', Enumerable.Repeat("w", words)))[^1];
        Assert.AreEqual(Length(4), Length(7));
        Assert.AreNotEqual(Length(7), Length(8));
        Assert.AreEqual(Length(48), Length(60), "twelve fours and more are one bucket");
        Assert.AreNotEqual(Length(44), Length(48));
        Assert.AreEqual(Length(0), Length(3));
        Assert.AreEqual(Length(1), Features("https://a.example w w")[^1], "a link is a word too");
        Assert.AreEqual(Length(4), Features("https://a.example ann@b.example w w")[^1], "links and addresses count as words");
    }

    [TestMethod]
    public void Only_the_first_characters_of_a_sentence_and_of_a_word_are_read()
    {
        string sentence = string.Join(' ', Enumerable.Repeat("river", 150));
        Same(sentence, sentence[..SentenceFeatures.MaxChars]);
        Different(sentence[..SentenceFeatures.MaxChars], sentence[..(SentenceFeatures.MaxChars - 6)]);

        string word = new('q', 30);
        Same(word, word[..24]);
        Different(word[..24], word[..23]);
    }

    [TestMethod]
    public void Features_stay_inside_the_hash_space_and_the_buffer()
    {
        var small = new FeatureOptions(Bits: 8, CharGramMin: 2, CharGramMax: 5);
        string text = string.Concat(Enumerable.Repeat("Potresti darmi un'occhiata al CV? https://x.example ann@b.example ! ", 20));
        int[] buffer = new int[SentenceFeatures.MaxFeatures(small)];
        int count = SentenceFeatures.Extract(text, small, buffer);
        Assert.IsGreaterThan(100, count);
        Assert.IsTrue(buffer[..count].All(i => i >= 0 && i < small.Buckets));
    }

    [TestMethod]
    public void Gram_lengths_follow_the_options()
    {
        var two = new FeatureOptions(Bits: 16, CharGramMin: 2, CharGramMax: 3);
        int[] buffer = new int[SentenceFeatures.MaxFeatures(two)];
        // " hello " gives six 2-grams and five 3-grams, beside the word, its bigram, the end bigram and the length.
        Assert.AreEqual(4 + 6 + 5, SentenceFeatures.Extract("hello", two, buffer));
        // " hi " gives three 2-grams, two 3-grams, then itself once for 4: a word no longer than n ends the grams.
        Assert.AreEqual(4 + 3 + 2 + 1, SentenceFeatures.Extract("hi", new FeatureOptions(16, 2, 5), buffer));
    }
}
