using System.Collections.Frozen;
using System.Text.Json;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>
/// Every greeting word, honorific and impersonal or group formula the greeting reader knows: those of the
/// checked languages' lexicons and those of the languages it only names (Lexicons/greetings.json), so that
/// "Chère Madame," or "Sehr geehrte Frau," is read as a greeting without a name, never as a name.
/// </summary>
internal static class GreetingLexicon
{
    // The named-only languages' lists, copied out of greetings.json once (the parsed document is not kept).
    private static readonly Dictionary<string, string[]> Others = ReadOthers();

    public static IReadOnlyList<string> Salutations { get; } = All(l => l.GreetingWords, "greetings");

    /// <summary>Salutations that need a name after them, in every language the reader knows.</summary>
    public static FrozenSet<string> Dear { get; } = All(l => l.DearGreetingWords, "dearGreetings").ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Honorifics { get; } = All(l => l.HonorificWords, "honorifics");

    public static IReadOnlyList<string> Formulas { get; } = All(l => l.ImpersonalGreetingPatterns, "impersonalGreetings");

    public static IReadOnlyList<string> Groups { get; } = All(l => l.GroupGreetingPatterns, "groupGreetings");

    public static IReadOnlyList<string> Bare { get; } = All(l => l.BareGreetingPatterns, null);

    private static string[] All(Func<Lexicon, IReadOnlyList<string>> checkedList, string? otherList)
    {
        IEnumerable<string> words = Lexicon.Supported.Values.SelectMany(checkedList);
        if (otherList is not null)
            words = words.Concat(Others[otherList]);
        return words.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static Dictionary<string, string[]> ReadOthers()
    {
        using var document = JsonDocument.Parse(Lexicon.ReadResource("greetings.json"));
        string[] lists = ["greetings", "dearGreetings", "honorifics", "impersonalGreetings", "groupGreetings"];
        return lists.ToDictionary(list => list, list => document.RootElement.EnumerateObject()
            .Where(language => language.Value.ValueKind == JsonValueKind.Object)
            .SelectMany(language => language.Value.GetProperty(list).EnumerateArray().Select(e => e.GetString()!))
            .ToArray());
    }
}
