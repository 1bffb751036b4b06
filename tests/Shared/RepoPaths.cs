namespace OutreachAdvisor.Tests.Common;

public static class RepoPaths
{
    /// <summary>The repository root: the folder holding OutreachAdvisor.sln, above the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutreachAdvisor.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("OutreachAdvisor.sln not found above " + AppContext.BaseDirectory);
    }
}
