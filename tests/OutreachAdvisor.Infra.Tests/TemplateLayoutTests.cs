using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutreachAdvisor.Infra.Tests.Infrastructure;

namespace OutreachAdvisor.Infra.Tests;

/// <summary>The azd template's files agree with each other and follow the repository's conventions.</summary>
[TestClass]
public sealed class TemplateLayoutTests
{
    [TestMethod]
    public void EveryRoleAssignment_HasACommentSayingWhatItIsFor()
    {
        var missing = new List<string>();
        foreach (string file in RepoLayout.AllBicepFiles())
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (!lines[i].Contains("'Microsoft.Authorization/roleAssignments@", StringComparison.Ordinal))
                {
                    continue;
                }

                // The comment block right above the resource, however many lines it takes.
                string comment = "";
                for (int j = i - 1; j >= 0 && lines[j].TrimStart().StartsWith("//", StringComparison.Ordinal); j--)
                {
                    comment = lines[j].Trim().TrimStart('/').Trim() + " " + comment;
                }

                if (comment.Trim().Length < 20)
                {
                    missing.Add($"{Path.GetFileName(file)}:{i + 1}");
                }
            }
        }

        Assert.IsEmpty(missing, "role assignments without an explaining comment: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void Templates_UseNoRegistryModules()
    {
        foreach (string file in RepoLayout.AllBicepFiles())
        {
            string text = File.ReadAllText(file);
            Assert.DoesNotContain("'br/", text, $"{file} uses a registry module (cannot be restored offline)");
            Assert.DoesNotContain("'br:", text, $"{file} uses a registry module (cannot be restored offline)");
            Assert.DoesNotContain("'ts:", text, $"{file} uses a template spec");
        }
    }

    [TestMethod]
    public void ParametersFile_UsesAzdVariables_AndMatchesMainParameters()
    {
        string file = Path.Combine(RepoLayout.InfraDir, "main.parameters.json");
        JsonObject parameters = JsonNode.Parse(File.ReadAllText(file))!["parameters"]!.AsObject();
        Assert.AreEqual("${AZURE_ENV_NAME}", parameters["environmentName"]!["value"]!.GetValue<string>());
        Assert.AreEqual("${AZURE_LOCATION}", parameters["location"]!["value"]!.GetValue<string>());

        JsonObject declared = CompiledMain.Template()["parameters"]!.AsObject();
        foreach ((string name, JsonNode? _) in parameters)
        {
            Assert.IsNotNull(declared[name], $"main.parameters.json sets {name}, which main.bicep does not declare");
        }

        foreach ((string name, JsonNode? definition) in declared)
        {
            bool optional = definition!["defaultValue"] is not null;
            Assert.IsTrue(optional || parameters[name] is not null, $"required parameter {name} is missing from main.parameters.json");
        }

        Assert.AreEqual("securestring", declared["apiClientSecret"]!["type"]!.GetValue<string>());
    }

    [TestMethod]
    public void AzureYaml_DeclaresTheApiAndAddinServices()
    {
        string yaml = File.ReadAllText(Path.Combine(RepoLayout.RepoRoot, "azure.yaml"));

        Assert.IsTrue(ServiceBlock("api").IsMatch(yaml), "service api missing");
        Assert.Contains("project: ./functions/OutreachAdvisor.Functions", yaml);
        Assert.Contains("language: dotnet", yaml);
        Assert.Contains("host: function", yaml);
        Assert.IsTrue(ServiceBlock("addin").IsMatch(yaml), "service addin missing");
        Assert.Contains("host: staticwebapp", yaml);
        Assert.Contains("path: infra", yaml);

        // azd finds each service's resource by its azd-service-name tag.
        var deployments = ArmTemplate.AllResources(CompiledMain.Template()).OfType("Microsoft.Resources/deployments").ToList();
        string siteTags = deployments.Single(d => d.Name == "api").Properties!["parameters"]!["siteTags"]!["value"]!.ToString();
        string addinTags = deployments.Single(d => d.Name == "addin").Properties!["parameters"]!["tags"]!["value"]!.ToString();
        Assert.Contains("createObject('azd-service-name', 'api')", siteTags);
        Assert.Contains("createObject('azd-service-name', 'addin')", addinTags);
    }

    [TestMethod]
    public void HookScript_Exists_AndIsExecutable()
    {
        string script = Path.Combine(RepoLayout.InfraDir, "scripts", "postprovision.sh");
        Assert.IsTrue(File.Exists(script));
        if (!OperatingSystem.IsWindows())
        {
            Assert.AreNotEqual(UnixFileMode.None, File.GetUnixFileMode(script) & UnixFileMode.UserExecute);
        }
    }

    private static Regex ServiceBlock(string name) => new($@"(?m)^  {Regex.Escape(name)}:\s*$");
}
