using System.Text.Json.Nodes;
using OutreachAdvisor.Infra.Tests.Infrastructure;

namespace OutreachAdvisor.Infra.Tests;

/// <summary>
/// Each security rule can fail: break one property of the compiled main template and the
/// checker must report exactly that rule (the unbroken template has no violations, see
/// <see cref="TemplateSecurityTests.Checker_FindsNoViolations_InMainTemplate"/>).
/// </summary>
[TestClass]
public sealed class CheckerMutationTests
{
    private static readonly Dictionary<string, Action<JsonObject>> Mutations = new(StringComparer.Ordinal)
    {
        ["shared-key-on"] = t => Props(t, "Microsoft.Storage/storageAccounts")["allowSharedKeyAccess"] = true,
        ["shared-key-unset"] = t => Props(t, "Microsoft.Storage/storageAccounts").Remove("allowSharedKeyAccess"),
        ["blob-public"] = t => Props(t, "Microsoft.Storage/storageAccounts")["allowBlobPublicAccess"] = true,
        ["storage-http"] = t => Props(t, "Microsoft.Storage/storageAccounts")["supportsHttpsTrafficOnly"] = false,
        ["storage-tls10"] = t => Props(t, "Microsoft.Storage/storageAccounts")["minimumTlsVersion"] = "TLS1_0",
        ["site-http"] = t => Props(t, "Microsoft.Web/sites")["httpsOnly"] = false,
        ["site-tls10"] = t => SiteConfig(t)["minTlsVersion"] = "1.0",
        ["site-ftps"] = t => SiteConfig(t)["ftpsState"] = "AllAllowed",
        ["site-system-identity"] = t => Resource(t, "Microsoft.Web/sites")["identity"] = new JsonObject { ["type"] = "SystemAssigned" },
        ["site-no-identity"] = t => Resource(t, "Microsoft.Web/sites").Remove("identity"),
        ["deploy-storage-connstring"] = t =>
            Props(t, "Microsoft.Web/sites")["functionAppConfig"]!["deployment"]!["storage"]!["authentication"] =
                new JsonObject { ["type"] = "StorageAccountConnectionString", ["storageAccountConnectionStringName"] = "DEPLOYMENT_STORAGE_CONNECTION_STRING" },
        ["plan-consumption"] = t => Resource(t, "Microsoft.Web/serverfarms")["sku"] = new JsonObject { ["name"] = "Y1", ["tier"] = "Dynamic" },
        ["cors-wildcard"] = t => SiteConfig(t)["cors"]!["allowedOrigins"] = new JsonArray("*"),
        ["cors-extra-origin"] = t => SiteConfig(t)["cors"]!["allowedOrigins"]!.AsArray().Add("https://evil.example"),
        ["scm-basic-auth"] = t => ArmTemplate.AllResources(t).OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .First(r => r.Name.Contains("'scm'", StringComparison.Ordinal)).Properties!["allow"] = true,
        ["language-keys"] = t => Props(t, "Microsoft.CognitiveServices/accounts")["disableLocalAuth"] = false,
        ["appinsights-keys"] = t => Props(t, "Microsoft.Insights/components")["DisableLocalAuth"] = false,
        ["keyvault-access-policies"] = t => Props(t, "Microsoft.KeyVault/vaults")["enableRbacAuthorization"] = false,
        ["keyvault-no-purge-protection"] = t => Props(t, "Microsoft.KeyVault/vaults")["enablePurgeProtection"] = false,
        ["setting-storage-connection-string"] = t => BaseSettings(t)["AzureWebJobsStorage"] =
            "DefaultEndpointsProtocol=https;AccountName=st;AccountKey=bm90LWEta2V5;EndpointSuffix=core.windows.net",
        ["setting-sas"] = t => BaseSettings(t)["Reports__BlobUri"] =
            "BlobEndpoint=https://st.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=abc",
        ["setting-instrumentation-key"] = t => BaseSettings(t)["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.in.applicationinsights.azure.com/",
        ["setting-listkeys"] = t => BaseSettings(t)["Reports__Connection"] =
            "[format('AccountName={0};Key={1}', parameters('storageAccountName'), listKeys(resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName')), '2023-05-01').keys[0].value)]",
        ["setting-credential-not-mi"] = t => BaseSettings(t)["AzureWebJobsStorage__credential"] = "connectionstring",
        ["setting-account-without-mi"] = t => BaseSettings(t)["Reports__accountName"] = "[parameters('storageAccountName')]",
        ["setting-plain-secret"] = t => BaseSettings(t)["AzureAd__ClientSecret"] = "hunter2-not-a-real-secret",
        ["setting-plain-password"] = t => BaseSettings(t)["Smtp__Password"] = "[parameters('apiAudience')]",
        ["setting-secure-param"] = t =>
        {
            JsonObject api = ArmTemplate.ModuleTemplate(t, "api");
            api["parameters"]!.AsObject()["leaked"] = new JsonObject { ["type"] = "securestring", ["defaultValue"] = "" };
            BaseSettings(t)["Graph__Token"] = "[parameters('leaked')]";
        },
        ["setting-appinsights-no-aad"] = t => BaseSettings(t).Remove("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"),
        ["setting-language-no-mi"] = t => BaseSettings(t)["Language__UseManagedIdentity"] = "false",
        ["settings-from-parameter"] = t => ArmTemplate.AllResources(ArmTemplate.ModuleTemplate(t, "api"))
            .OfType("Microsoft.Web/sites/config").Single().Resource["properties"] = "[union(variables('baseSettings'), parameters('extraSettings'))]",
        ["role-contributor"] = t => Props(t, "Microsoft.Authorization/roleAssignments")["roleDefinitionId"] =
            "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')]",
        ["role-user-principal"] = t => Props(t, "Microsoft.Authorization/roleAssignments")["principalType"] = "User",
    };

    [TestMethod]
    [DataRow("shared-key-on", "storage-shared-key")]
    [DataRow("shared-key-unset", "storage-shared-key")]
    [DataRow("blob-public", "storage-public-blob")]
    [DataRow("storage-http", "storage-https")]
    [DataRow("storage-tls10", "storage-tls")]
    [DataRow("site-http", "site-https")]
    [DataRow("site-tls10", "site-tls")]
    [DataRow("site-ftps", "site-ftps")]
    [DataRow("site-system-identity", "site-identity")]
    [DataRow("site-no-identity", "site-identity")]
    [DataRow("deploy-storage-connstring", "site-deployment-storage")]
    [DataRow("plan-consumption", "plan-flex")]
    [DataRow("cors-wildcard", "cors")]
    [DataRow("cors-extra-origin", "cors")]
    [DataRow("scm-basic-auth", "publishing-basic-auth")]
    [DataRow("language-keys", "language-local-auth")]
    [DataRow("appinsights-keys", "appinsights-local-auth")]
    [DataRow("keyvault-access-policies", "keyvault")]
    [DataRow("keyvault-no-purge-protection", "keyvault")]
    [DataRow("setting-storage-connection-string", "app-setting-credential")]
    [DataRow("setting-storage-connection-string", "app-setting-identity")]
    [DataRow("setting-sas", "app-setting-credential")]
    [DataRow("setting-instrumentation-key", "app-setting-credential")]
    [DataRow("setting-listkeys", "app-setting-credential")]
    [DataRow("setting-credential-not-mi", "app-setting-identity")]
    [DataRow("setting-account-without-mi", "app-setting-identity")]
    [DataRow("setting-plain-secret", "app-setting-secret")]
    [DataRow("setting-plain-password", "app-setting-secret")]
    [DataRow("setting-secure-param", "app-setting-secret")]
    [DataRow("setting-appinsights-no-aad", "app-setting-identity")]
    [DataRow("setting-language-no-mi", "app-setting-identity")]
    [DataRow("settings-from-parameter", "app-settings-unverifiable")]
    [DataRow("role-contributor", "role-guid")]
    [DataRow("role-user-principal", "role-guid")]
    public void Checker_ReportsTheBrokenRule(string mutation, string expectedRule)
    {
        JsonObject template = CompiledMain.Template();
        Mutations[mutation](template);

        IReadOnlyList<Violation> violations = SecurityChecker.Check(template);

        Assert.IsTrue(violations.Any(v => v.Rule == expectedRule),
            $"{mutation}: expected rule {expectedRule}, got: {string.Join("; ", violations)}");
    }

    [TestMethod]
    public void EveryMutation_IsExercised()
    {
        var used = typeof(CheckerMutationTests).GetMethod(nameof(Checker_ReportsTheBrokenRule))!
            .GetCustomAttributes(typeof(DataRowAttribute), false).Cast<DataRowAttribute>()
            .Select(d => (string)d.Data[0]!)
            .ToHashSet(StringComparer.Ordinal);

        CollectionAssert.AreEquivalent(Mutations.Keys.ToList(), used.ToList());
    }

    private static JsonObject Resource(JsonObject template, string type) =>
        ArmTemplate.AllResources(template).OfType(type).First().Resource;

    private static JsonObject Props(JsonObject template, string type) =>
        ArmTemplate.AllResources(template).OfType(type).First().Properties!;

    private static JsonObject SiteConfig(JsonObject template) =>
        Props(template, "Microsoft.Web/sites")["siteConfig"]!.AsObject();

    private static JsonObject BaseSettings(JsonObject template) =>
        ArmTemplate.ModuleTemplate(template, "api")["variables"]!["baseSettings"]!.AsObject();
}
