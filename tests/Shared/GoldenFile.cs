namespace OutreachAdvisor.Tests.Common;

/// <summary>
/// A text file of expected output kept in the repository. Tests compare against it; running the tests
/// with OUTREACH_UPDATE_GOLDEN=1 rewrites it instead, so a change of behaviour shows up as a diff of
/// the golden file in the commit that makes it.
/// </summary>
public static class GoldenFile
{
    public static void AssertMatches(string relativePath, IEnumerable<string> actualLines)
    {
        string path = Path.Combine(RepoPaths.Root, relativePath);
        string actual = string.Join('\n', actualLines) + "\n";
        if (Environment.GetEnvironmentVariable("OUTREACH_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
            throw new InvalidOperationException($"{relativePath} is missing: run the tests once with OUTREACH_UPDATE_GOLDEN=1");
        string[] expected = File.ReadAllText(path).Split('\n');
        string[] lines = actual.Split('\n');
        for (int i = 0; i < Math.Max(expected.Length, lines.Length); i++)
        {
            string want = i < expected.Length ? expected[i] : "<end>";
            string got = i < lines.Length ? lines[i] : "<end>";
            if (want != got)
                throw new InvalidOperationException($"{relativePath} line {i + 1} differs:\n  expected: {want}\n  actual:   {got}\n(run with OUTREACH_UPDATE_GOLDEN=1 to accept the new behaviour, and say why in the commit)");
        }
    }
}
