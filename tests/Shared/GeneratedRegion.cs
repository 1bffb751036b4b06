namespace OutreachAdvisor.Tests.Common;

/// <summary>
/// A part of a hand-written document that is generated from the code, between the lines
/// <c>&lt;!-- generated: NAME ... --&gt;</c> and <c>&lt;!-- end: NAME --&gt;</c>. Tests compare it with what the code
/// says now; OUTREACH_UPDATE_GOLDEN=1 rewrites it (as for golden files), leaving the rest of the document alone.
/// </summary>
public static class GeneratedRegion
{
    public static void AssertMatches(string relativePath, string name, IReadOnlyList<string> generatedLines)
    {
        string path = Path.Combine(RepoPaths.Root, relativePath);
        string[] lines = File.ReadAllText(path).Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith($"<!-- generated: {name} ", StringComparison.Ordinal));
        int end = Array.FindIndex(lines, l => l.TrimEnd() == $"<!-- end: {name} -->");
        if (start < 0 || end < start)
            throw new InvalidOperationException($"{relativePath} has no '<!-- generated: {name} ... -->' ... '<!-- end: {name} -->' region");

        string[] current = lines[(start + 1)..end];
        if (Environment.GetEnvironmentVariable("OUTREACH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, string.Join('\n', [.. lines[..(start + 1)], .. generatedLines, .. lines[end..]]));
            return;
        }

        for (int i = 0; i < Math.Max(current.Length, generatedLines.Count); i++)
        {
            string want = i < generatedLines.Count ? generatedLines[i] : "<end>";
            string got = i < current.Length ? current[i] : "<end>";
            if (want != got)
                throw new InvalidOperationException($"{relativePath}, region {name}, line {i + 1} is not what the code generates:\n  generated: {want}\n  document:  {got}\n(run the tests with OUTREACH_UPDATE_GOLDEN=1 to regenerate it)");
        }
    }
}
