using System.Text.Json;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Training;

/// <summary>
/// Prints the built-in language detector's confusion on a folder of language files (corpus/languages
/// layout: &lt;lang&gt;.json arrays of { language, text }): what each language was detected as.
/// </summary>
internal static class LanguageCheck
{
    public static int Run(string folder, TextWriter log)
    {
        var confusion = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (string file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (JsonElement entry in document.RootElement.EnumerateArray())
            {
                string expected = entry.GetProperty("language").GetString()!;
                string text = entry.GetProperty("text").GetString()!;
                string got = LanguageDetector.Detect(text);
                if (!confusion.TryGetValue(expected, out SortedDictionary<string, int>? row))
                    confusion[expected] = row = new SortedDictionary<string, int>(StringComparer.Ordinal);
                row[got] = row.GetValueOrDefault(got) + 1;
                if (got != expected && (got is "en" or "it" || expected is "en" or "it"))
                    wrong.Add($"  {expected} as {got}: {text}");
            }
        }
        foreach ((string expected, SortedDictionary<string, int> row) in confusion)
            log.WriteLine($"{expected}: " + string.Join(", ", row.Select(p => $"{p.Key} {p.Value}")));
        foreach (string line in wrong)
            log.WriteLine(line);
        return 0;
    }
}
