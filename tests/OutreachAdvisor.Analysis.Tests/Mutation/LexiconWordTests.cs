using System.Text.Json;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// Words the text reader takes from the lexicons rather than from code: every abbreviation of both languages
/// keeps a sentence whole, and name particles stay inside a greeted name.
/// </summary>
[TestClass]
public sealed class LexiconWordTests
{
    private static IEnumerable<object[]> Abbreviations() =>
        Lexicon.Supported.Values.SelectMany(l => l.Abbreviations.Select(a => new object[] { l.Language, a }));

    [TestMethod]
    [DynamicData(nameof(Abbreviations))]
    public void A_full_stop_after_an_abbreviation_does_not_end_the_sentence(string language, string abbreviation)
    {
        string text = $"We met {abbreviation}. Rossi there. Then we left.";
        Assert.HasCount(2, Sentences.Split(text), $"{language}: {abbreviation}");
        string capital = $"We met {char.ToUpperInvariant(abbreviation[0])}{abbreviation[1..]}. Rossi there. Then we left.";
        Assert.HasCount(2, Sentences.Split(capital), $"{language}: {abbreviation}, capitalised");
    }

    [TestMethod]
    public void A_full_stop_after_an_ordinary_word_ends_the_sentence()
    {
        Assert.HasCount(3, Sentences.Split("We met him. Rossi there. Then we left."));
        Assert.HasCount(3, Sentences.Split("We met doctors. Rossi there. Then we left."), "a word an abbreviation starts is no abbreviation");
    }

    [TestMethod]
    public void Each_language_s_abbreviations_are_lower_case_words()
    {
        foreach (Lexicon lexicon in Lexicon.Supported.Values)
        {
            Assert.IsNotEmpty(lexicon.Abbreviations, lexicon.Language);
            Assert.IsTrue(lexicon.Abbreviations.All(a => a.Length > 0 && a.All(char.IsLower)), lexicon.Language);
        }
        Assert.Contains("dott", Lexicon.Italian.Abbreviations);
        Assert.Contains("dr", Lexicon.English.Abbreviations);
    }

    private static IEnumerable<object[]> Particles()
    {
        using Stream stream = typeof(Lexicon).Assembly.GetManifestResourceStream("OutreachAdvisor.Analysis.Lexicons.recipient-names.json")!;
        using var document = JsonDocument.Parse(stream);
        return [.. document.RootElement.GetProperty("nameParticles").EnumerateArray().Select(e => new object[] { e.GetString()! })];
    }

    [TestMethod]
    [DynamicData(nameof(Particles))]
    public void A_name_particle_stays_inside_the_greeted_name(string particle)
    {
        Greeting greeting = Greeting.Find($"Dear Carla {particle} Luca,\nI loved your talk.", 200)!;
        Assert.AreEqual($"Carla {particle} Luca", greeting.Name);
        Assert.AreEqual(GreetingKind.Named, greeting.Kind);
    }

    [TestMethod]
    public void Another_lower_case_word_ends_the_name()
    {
        Assert.AreEqual("Carla", Greeting.Find("Dear Carla and Luca,\nI loved your talk.", 200)!.Name);
        Assert.AreEqual("Carla", Greeting.Find("Dear Carla de,\nI loved your talk.", 200)!.Name, "a particle needs a name after it");
    }
}
