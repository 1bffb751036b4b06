using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>
/// One language's word lists and phrase patterns, loaded from the embedded <c>Lexicons/&lt;lang&gt;.json</c>.
/// Adding a language is adding a data file: the code only compiles what the file lists.
/// </summary>
public sealed class Lexicon
{
    /// <summary>
    /// AppContext switch: when set, phrase patterns are interpreted instead of compiled to IL. Compiling
    /// costs about a second at start-up and pays off in a long-running server; a one-shot command line
    /// run is faster interpreted.
    /// </summary>
    public const string InterpretPatternsSwitch = "OutreachAdvisor.Analysis.InterpretPatterns";

    /// <summary><see cref="RegexOptions.Compiled"/>, unless <see cref="InterpretPatternsSwitch"/> is set.</summary>
    internal static readonly RegexOptions CompileOption =
        AppContext.TryGetSwitch(InterpretPatternsSwitch, out bool interpret) && interpret ? RegexOptions.None : RegexOptions.Compiled;

    private static readonly RegexOptions PhraseOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | CompileOption;

    public required string Language { get; init; }
    public required FrozenSet<string> Stopwords { get; init; }
    public required FrozenSet<string> FirstPerson { get; init; }
    public required FrozenSet<string> SecondPerson { get; init; }
    public required IReadOnlyList<string> GreetingWords { get; init; }
    /// <summary>Salutations that need a name after them: "Dear ," leaves a hole where "Hi," simply names nobody.</summary>
    public required IReadOnlyList<string> DearGreetingWords { get; init; }
    public required IReadOnlyList<string> HonorificWords { get; init; }
    /// <summary>Words that can open a message on their own line ("Thanks," "Grazie!") without being anyone's name.</summary>
    public required FrozenSet<string> NotNames { get; init; }
    /// <summary>Greetings that could open a mail to anyone: "Dear Sir or Madam", "A chi di competenza".</summary>
    public required IReadOnlyList<string> ImpersonalGreetingPatterns { get; init; }
    /// <summary>Greetings to a group: "Hi all", "Ciao a tutti" (right for a mail to several people).</summary>
    public required IReadOnlyList<string> GroupGreetingPatterns { get; init; }
    /// <summary>Greetings that name nobody but are friendly enough to someone you know: "Hi there".</summary>
    public required IReadOnlyList<string> BareGreetingPatterns { get; init; }
    /// <summary>A whole line that signs off ("Kind regards,", "Best, Rebecca", "Cordiali saluti"): the signature follows.</summary>
    public required Regex SignOff { get; init; }
    public required PhraseSet Ask { get; init; }
    /// <summary>
    /// How a request sounds ("could you", "I'd love", "let me know", "vorrei", "le chiederei"): a sentence the ask
    /// model scores high must also have one of these or a question mark, so "We have received your application"
    /// and "We can't wait to see you" are not asks.
    /// </summary>
    public required PhraseSet AskCues { get; init; }
    public required PhraseSet Offer { get; init; }
    public required PhraseSet Reference { get; init; }
    /// <summary>Words a full stop follows without ending the sentence ("Dr.", "Dott.ssa" as "dottssa"), lower case.</summary>
    public required FrozenSet<string> Abbreviations { get; init; }

    public static Lexicon English { get; } = Load("en");
    public static Lexicon Italian { get; } = Load("it");

    /// <summary>The languages the built-in analyzer checks, by ISO 639-1 code.</summary>
    public static IReadOnlyDictionary<string, Lexicon> Supported { get; } =
        new Dictionary<string, Lexicon> { ["en"] = English, ["it"] = Italian }.ToFrozenDictionary();

    public static Lexicon? For(string language) => Supported.GetValueOrDefault(language);

    /// <summary>Joins phrase patterns into one regex that only matches whole words.</summary>
    internal static Regex Phrases(IEnumerable<string> patterns)
    {
        string[] all = patterns.ToArray();
        // No match timeout: the patterns are ours, not user input, and input size is bounded by the callers.
        // An empty list matches nothing (an empty alternation would match everywhere).
        return new(all.Length == 0 ? "(?!)" : WordBounded(all), PhraseOptions);
    }

    internal static string WordBounded(IEnumerable<string> patterns) =>
        // Straight and typographic apostrophes are the same letter to a reader (Outlook autocorrects one into the other).
        // \b rather than letter lookarounds: the same boundaries for these patterns, and about
        // half the matching time, because the engine can still skip ahead to likely starts.
        @"\b(?:" + string.Join('|', patterns.Select(p => "(?:" + EitherApostrophe(p) + ")")) + @")\b";

    /// <summary>Lets every straight apostrophe also match a typographic one (inside a character class, by adding it there).</summary>
    private static string EitherApostrophe(string pattern)
    {
        var result = new System.Text.StringBuilder(pattern.Length + 16);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                result.Append(c).Append(pattern[++i]);
                continue;
            }
            if (c == '[')
                inClass = true;
            else if (c == ']')
                inClass = false;
            result.Append(c == '\'' ? (inClass ? "'’" : "['’]") : c.ToString());
        }
        return result.ToString();
    }

    private static Lexicon Load(string language)
    {
        using var doc = JsonDocument.Parse(ReadResource($"{language}.json"));
        JsonElement root = doc.RootElement;
        string[] List(string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
        FrozenSet<string> Set(string name) => WordSet(root, name);

        return new Lexicon
        {
            Language = language,
            Stopwords = Set("stopwords"),
            FirstPerson = Set("firstPerson"),
            SecondPerson = Set("secondPerson"),
            GreetingWords = List("greetings"),
            DearGreetingWords = List("dearGreetings"),
            HonorificWords = List("honorifics"),
            NotNames = Set("notNames"),
            ImpersonalGreetingPatterns = List("impersonalGreetings"),
            GroupGreetingPatterns = List("groupGreetings"),
            BareGreetingPatterns = List("bareGreetings"),
            // The sign-off, then at most a name on the same line ("Best, Rebecca").
            SignOff = new Regex(@"^(?:" + string.Join('|', List("signOffs")) + @")(?:[\s,]+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})?[\s,.!]*$", RegexOptions.CultureInvariant | CompileOption),
            Ask = new PhraseSet(List("ask")),
            AskCues = new PhraseSet(List("askCues")),
            Offer = new PhraseSet(List("offer")),
            Reference = new PhraseSet(List("reference")),
            Abbreviations = Set("abbreviations"),
        };
    }

    /// <summary>A word list of an embedded lexicon file (<paramref name="root"/>'s array <paramref name="name"/>), compared without regard to case.</summary>
    internal static FrozenSet<string> WordSet(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    internal static Stream ReadResource(string fileName)
    {
        Assembly assembly = typeof(Lexicon).Assembly;
        return assembly.GetManifestResourceStream($"OutreachAdvisor.Analysis.Lexicons.{fileName}")
            ?? throw new InvalidOperationException($"Missing embedded lexicon {fileName}.");
    }
}
