namespace OutreachAdvisor.Training;

internal static class RepoRoot
{
    /// <summary>The folder holding OutreachAdvisor.sln, from the current directory or the tool's own.</summary>
    public static string Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OutreachAdvisor.sln")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("run from inside the repository");
    }
}
