using System.Text.Json.Nodes;
using OutreachAdvisor.Infra.Tests.Infrastructure;

namespace OutreachAdvisor.Infra.Tests;

/// <summary>Security properties of the compiled infra/main.bicep (ARM JSON, nested modules included).</summary>
[TestClass]
public sealed class TemplateSecurityTests
{
    private static IReadOnlyList<ArmResource> Resources() => ArmTemplate.AllResources(CompiledMain.Template());

    private static ArmResource Single(string type)
    {
        var matches = Resources().OfType(type).ToList();
        Assert.HasCount(1, matches, $"expected exactly one {type}");
        return matches[0];
    }

    private static JsonObject AppSettingVariables(string variable) =>
        ArmTemplate.ModuleTemplate(CompiledMain.Template(), "api")["variables"]?[variable] as JsonObject
            ?? throw new AssertFailedException($"variable {variable} missing from the api module");

    /// <summary>The value passed to a module parameter, as text (Bicep may wrap it in an expression).</summary>
    private static string ModuleParameter(ArmResource deployment, string name) =>
        deployment.Properties!["parameters"]![name] switch
        {
            JsonValue v => v.ToString(),
            JsonObject o => o["value"]?.ToString() ?? o.ToJsonString(),
            var other => throw new AssertFailedException($"module parameter {name}: unexpected {other}"),
        };

    [TestMethod]
    public void Checker_FindsNoViolations_InMainTemplate()
    {
        IReadOnlyList<Violation> violations = SecurityChecker.Check(CompiledMain.Template());

        Assert.IsEmpty(violations, string.Join("\n", violations));
    }

    [TestMethod]
    public void Storage_IsIdentityOnly_HttpsOnly_Tls12()
    {
        JsonObject p = Single("Microsoft.Storage/storageAccounts").Properties!;

        Assert.IsFalse(p["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.IsFalse(p["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.IsTrue(p["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.AreEqual("TLS1_2", p["minimumTlsVersion"]!.GetValue<string>());
    }

    [TestMethod]
    public void Storage_HasTheQueueTablesAndContainerTheAppUses()
    {
        JsonObject storage = ArmTemplate.ModuleTemplate(CompiledMain.Template(), "storage");
        JsonObject variables = storage["variables"]!.AsObject();

        Assert.AreEqual("report-jobs", variables["reportJobsQueueName"]!.GetValue<string>());
        Assert.AreEqual("reports", variables["reportsTableName"]!.GetValue<string>());
        Assert.AreEqual("deltaLinks", variables["deltaLinksTableName"]!.GetValue<string>());
        // TableDiscoveryCache.TableName: the Functions app's discovery verdicts (docs/found-at.md).
        Assert.AreEqual("discovery", variables["discoveryTableName"]!.GetValue<string>());
        Assert.AreEqual("reports", variables["reportsContainerName"]!.GetValue<string>());
        var types = ArmTemplate.AllResources(storage).Select(r => r.Type).ToList();
        Assert.Contains("Microsoft.Storage/storageAccounts/queueServices/queues", types);
        Assert.HasCount(3, types.Where(t => t == "Microsoft.Storage/storageAccounts/tableServices/tables"));
        Assert.HasCount(2, types.Where(t => t == "Microsoft.Storage/storageAccounts/blobServices/containers"));
    }

    [TestMethod]
    public void FunctionApp_IsFlexConsumption_DotnetIsolated10_WithUserAssignedIdentity()
    {
        ArmResource plan = Single("Microsoft.Web/serverfarms");
        Assert.AreEqual("FC1", plan.Resource["sku"]!["name"]!.GetValue<string>());
        Assert.AreEqual("FlexConsumption", plan.Resource["sku"]!["tier"]!.GetValue<string>());

        ArmResource site = Single("Microsoft.Web/sites");
        Assert.AreEqual("functionapp,linux", site.Resource["kind"]!.GetValue<string>());
        Assert.AreEqual("UserAssigned", site.Resource["identity"]!["type"]!.GetValue<string>());
        JsonNode config = site.Properties!["functionAppConfig"]!;
        Assert.AreEqual("dotnet-isolated", config["runtime"]!["name"]!.GetValue<string>());
        Assert.AreEqual("10.0", config["runtime"]!["version"]!.GetValue<string>());
        Assert.AreEqual("blobContainer", config["deployment"]!["storage"]!["type"]!.GetValue<string>());
        Assert.AreEqual("UserAssignedIdentity", config["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>());
        Assert.IsNotNull(config["scaleAndConcurrency"]!["maximumInstanceCount"]);
    }

    [TestMethod]
    public void FunctionApp_HttpsOnly_Tls12_NoFtp_NoBasicPublishing()
    {
        ArmResource site = Single("Microsoft.Web/sites");
        Assert.IsTrue(site.Properties!["httpsOnly"]!.GetValue<bool>());
        Assert.AreEqual("1.2", site.Properties["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.AreEqual("Disabled", site.Properties["siteConfig"]!["ftpsState"]!.GetValue<string>());

        var policies = Resources().OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.HasCount(2, policies);
        Assert.IsTrue(policies.All(p => !p.Properties!["allow"]!.GetValue<bool>()));
    }

    [TestMethod]
    public void Cors_AllowsOnlyTheAddinOrigin()
    {
        ArmResource site = Single("Microsoft.Web/sites");
        JsonArray origins = site.Properties!["siteConfig"]!["cors"]!["allowedOrigins"]!.AsArray();
        Assert.HasCount(1, origins);
        Assert.AreEqual("[parameters('allowedOrigin')]", origins[0]!.GetValue<string>());
        Assert.AreEqual("[parameters('allowedOrigin')]", AppSettingVariables("baseSettings")["Cors__AllowedOrigin"]!.GetValue<string>());

        // main.bicep feeds the module the addinOrigin parameter, or else the Static Web App URL.
        ArmResource api = Resources().OfType("Microsoft.Resources/deployments").Single(r => r.Name == "api");
        string passed = ModuleParameter(api, "allowedOrigin");
        Assert.Contains("parameters('addinOrigin')", passed);
        Assert.Contains("'addin'", passed);
        Assert.Contains("outputs.url", passed);
    }

    [TestMethod]
    public void LanguageAccount_IsTextAnalytics_WithLocalAuthDisabled()
    {
        ArmResource account = Single("Microsoft.CognitiveServices/accounts");
        Assert.AreEqual("TextAnalytics", account.Resource["kind"]!.GetValue<string>());
        Assert.IsTrue(account.Properties!["disableLocalAuth"]!.GetValue<bool>());
        Assert.IsNotNull(account.Properties["customSubDomainName"]);
    }

    [TestMethod]
    public void Monitoring_AndKeyVault_UseEntraOnly()
    {
        Assert.IsTrue(Single("Microsoft.Insights/components").Properties!["DisableLocalAuth"]!.GetValue<bool>());
        JsonObject vault = Single("Microsoft.KeyVault/vaults").Properties!;
        Assert.IsTrue(vault["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.IsTrue(vault["enablePurgeProtection"]!.GetValue<bool>());
        Assert.AreEqual("[parameters('publicNetworkAccess')]", vault["publicNetworkAccess"]!.GetValue<string>());
    }

    [TestMethod]
    public void AppSettings_UseManagedIdentityForEveryConnection()
    {
        JsonObject s = AppSettingVariables("baseSettings");
        Assert.AreEqual("managedidentity", s["AzureWebJobsStorage__credential"]!.GetValue<string>());
        Assert.AreEqual("[parameters('identityClientId')]", s["AzureWebJobsStorage__clientId"]!.GetValue<string>());
        Assert.AreEqual("[parameters('storageAccountName')]", s["AzureWebJobsStorage__accountName"]!.GetValue<string>());
        Assert.IsNull(s["AzureWebJobsStorage"]);
        Assert.AreEqual("true", s["Language__UseManagedIdentity"]!.GetValue<string>());
        Assert.AreEqual("graph", s["Mailbox__Provider"]!.GetValue<string>());
        Assert.AreEqual("true", s["Discovery__Enabled"]!.GetValue<string>(), "discovery is on in Azure, stated where an administrator sees it");
        Assert.Contains("Authorization=AAD", s["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]!.GetValue<string>());
        Assert.AreEqual("managedidentity", s["Storage__credential"]!.GetValue<string>());
        Assert.AreEqual("[parameters('identityClientId')]", s["Storage__clientId"]!.GetValue<string>());
        Assert.AreEqual("[parameters('identityClientId')]", s["AZURE_CLIENT_ID"]!.GetValue<string>());
        foreach (string? name in new[] { "Storage__AccountName", "Language__Endpoint", "AzureAd__Instance", "AzureAd__TenantId", "AzureAd__ClientId", "AzureAd__Audience" })
        {
            Assert.IsNotNull(s[name], name);
        }

        // Flex Consumption rejects these; the runtime comes from functionAppConfig.
        Assert.IsNull(s["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.IsNull(s["FUNCTIONS_EXTENSION_VERSION"]);
    }

    [TestMethod]
    public void AppSettings_DefaultToFederatedCredential_AndSecretOnlyAsKeyVaultReference()
    {
        JsonObject fic = AppSettingVariables("federatedCredentialSettings");
        Assert.AreEqual("SignedAssertionFromManagedIdentity", fic["AzureAd__ClientCredentials__0__SourceType"]!.GetValue<string>());
        Assert.AreEqual("[parameters('identityClientId')]", fic["AzureAd__ClientCredentials__0__ManagedIdentityClientId"]!.GetValue<string>());

        JsonObject secret = AppSettingVariables("clientSecretSettings");
        Assert.IsTrue(SecurityChecker.IsKeyVaultReference(secret["AzureAd__ClientCredentials__0__ClientSecret"]!.GetValue<string>()));

        // The secret set is chosen only when a secret was given.
        ArmResource config = ArmTemplate.AllResources(ArmTemplate.ModuleTemplate(CompiledMain.Template(), "api"))
            .OfType("Microsoft.Web/sites/config").Single();
        Assert.AreEqual(
            "[union(variables('baseSettings'), if(parameters('useClientSecret'), variables('clientSecretSettings'), variables('federatedCredentialSettings')))]",
            config.Resource["properties"]!.GetValue<string>());
        ArmResource api = Resources().OfType("Microsoft.Resources/deployments").Single(r => r.Name == "api");
        Assert.Contains("[not(empty(parameters('apiClientSecret')))]", ModuleParameter(api, "useClientSecret"));
    }

    [TestMethod]
    public void RoleAssignments_AreExactlyTheSixLeastPrivilegeRoles()
    {
        string[] expected = new[]
        {
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "7628b7b8-a8b2-4cdc-b46f-e9b35248918e", // Cognitive Services Language Reader
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
        };
        JsonObject roles = ArmTemplate.ModuleTemplate(CompiledMain.Template(), "roles");
        var ids = roles["variables"]!["roleIds"]!.AsObject().Select(p => p.Value!.GetValue<string>()).ToList();
        CollectionAssert.AreEquivalent(expected, ids);

        var assignments = ArmTemplate.AllResources(roles).OfType("Microsoft.Authorization/roleAssignments").ToList();
        Assert.HasCount(expected.Length, assignments);
        foreach (ArmResource? a in assignments)
        {
            Assert.StartsWith("[guid(", a.Name, "role assignment names must be deterministic guid() values");
            Assert.IsNotNull(a.Resource["scope"], "each role is scoped to one resource");
        }
    }

    [TestMethod]
    public void Outputs_CoverWhatTheDocsUse_AndHoldNoSecrets()
    {
        JsonObject outputs = CompiledMain.Template()["outputs"]!.AsObject();
        foreach (string? name in new[] { "API_BASE_URL", "ADDIN_URL", "FUNCTION_APP_NAME", "STORAGE_ACCOUNT_NAME", "LANGUAGE_ENDPOINT", "MANAGED_IDENTITY_CLIENT_ID", "MANAGED_IDENTITY_PRINCIPAL_ID", "KEY_VAULT_NAME", "AZURE_RESOURCE_GROUP" })
        {
            Assert.IsNotNull(outputs[name], $"output {name} missing");
        }

        foreach ((string? name, JsonNode? output) in outputs)
        {
            string text = output!.ToJsonString();
            Assert.DoesNotContain("apiClientSecret", text, $"output {name} exposes the secret parameter");
            Assert.DoesNotContain("listKeys", text, $"output {name} exposes keys");
        }
    }
}
