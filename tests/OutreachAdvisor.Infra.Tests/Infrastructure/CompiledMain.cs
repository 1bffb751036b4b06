using System.Text.Json.Nodes;

namespace OutreachAdvisor.Infra.Tests.Infrastructure;

/// <summary>infra/main.bicep built once per test run into a temporary folder.</summary>
internal static class CompiledMain
{
    private static readonly Lazy<(BicepRun Run, string Json)> Built = new(() =>
    {
        string outDir = TempDir.Create("main");
        (BicepRun? run, string? json) = BicepCli.Build(RepoLayout.MainBicep, outDir);
        return (run, File.ReadAllText(json));
    });

    public static BicepRun BuildRun => Built.Value.Run;

    /// <summary>A fresh copy of the compiled template, safe to mutate.</summary>
    public static JsonObject Template() =>
        JsonNode.Parse(Built.Value.Json)?.AsObject() ?? throw new InvalidDataException("main.json is empty.");
}

/// <summary>Temporary folders under the system temp directory, removed at the end of the run.</summary>
internal static class TempDir
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "outreach-infra-tests-" + Guid.NewGuid().ToString("N"));

    public static string Create(string name)
    {
        string dir = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void DeleteAll()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
