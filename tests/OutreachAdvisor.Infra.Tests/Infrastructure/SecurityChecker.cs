using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutreachAdvisor.Infra.Tests.Infrastructure;

/// <summary>One broken security rule found in a compiled template.</summary>
internal sealed record Violation(string Rule, string Where, string Detail)
{
    public override string ToString() => $"{Rule} at {Where}: {Detail}";
}

/// <summary>
/// Static checks of compiled ARM JSON against the project's deployment rules: identity-only
/// access to data, no secrets in app settings, TLS 1.2 and HTTPS everywhere, CORS limited to the
/// add-in, only the expected built-in roles. Values that are ARM expressions are checked as text,
/// which over-approximates: anything that could end up in an app setting is inspected.
/// </summary>
internal static partial class SecurityChecker
{
    /// <summary>Built-in role definitions the app's identity may receive, by GUID.</summary>
    public static readonly IReadOnlyDictionary<string, string> AllowedRoles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["7628b7b8-a8b2-4cdc-b46f-e9b35248918e"] = "Cognitive Services Language Reader",
        ["a97b65f3-24c7-4388-baec-2e87135dc908"] = "Cognitive Services User",
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
    };

    /// <summary>Text that means a key, SAS or key-based connection string is in play.</summary>
    private static readonly string[] CredentialMarkers =
    [
        "AccountKey=",
        "SharedAccessSignature",
        "SharedAccessKey",
        "InstrumentationKey=",
        "DefaultEndpointsProtocol",
        "listKeys(",
        "listAccountSas(",
        "listServiceSas(",
        "listConnectionStrings(",
        "listSecrets(",
    ];

    private static readonly string[] IdentityConnectionSuffixes =
    [
        "__accountName", "__serviceUri", "__blobServiceUri", "__queueServiceUri", "__tableServiceUri",
        "__fullyQualifiedNamespace", "__endpoint",
    ];

    public static IReadOnlyList<Violation> Check(JsonObject template)
    {
        IReadOnlyList<ArmResource> resources = ArmTemplate.AllResources(template);
        var found = new List<Violation>();
        CheckStorage(resources, found);
        CheckPlansAndSites(resources, found);
        CheckLanguage(resources, found);
        CheckMonitoring(resources, found);
        CheckKeyVault(resources, found);
        CheckRoleAssignments(resources, found);
        return found;
    }

    private static void CheckStorage(IEnumerable<ArmResource> resources, List<Violation> found)
    {
        foreach (ArmResource st in resources.OfType("Microsoft.Storage/storageAccounts"))
        {
            JsonObject? p = st.Properties;
            Require(found, "storage-shared-key", st, IsFalse(p?["allowSharedKeyAccess"]), "allowSharedKeyAccess must be false");
            Require(found, "storage-public-blob", st, IsFalse(p?["allowBlobPublicAccess"]), "allowBlobPublicAccess must be false");
            Require(found, "storage-https", st, IsTrue(p?["supportsHttpsTrafficOnly"]), "supportsHttpsTrafficOnly must be true");
            Require(found, "storage-tls", st, Is(p?["minimumTlsVersion"], "TLS1_2"), "minimumTlsVersion must be TLS1_2");
        }
    }

    private static void CheckPlansAndSites(IReadOnlyList<ArmResource> resources, List<Violation> found)
    {
        foreach (ArmResource plan in resources.OfType("Microsoft.Web/serverfarms"))
        {
            JsonNode? sku = plan.Resource["sku"];
            Require(found, "plan-flex", plan, Is(sku?["name"], "FC1") && Is(sku?["tier"], "FlexConsumption"),
                "the plan must be Flex Consumption (FC1)");
        }

        foreach (ArmResource site in resources.OfType("Microsoft.Web/sites"))
        {
            JsonObject? p = site.Properties;
            JsonNode? config = p?["siteConfig"];
            Require(found, "site-https", site, IsTrue(p?["httpsOnly"]), "httpsOnly must be true");
            Require(found, "site-tls", site, Is(config?["minTlsVersion"], "1.2"), "siteConfig.minTlsVersion must be 1.2");
            Require(found, "site-ftps", site, Is(config?["ftpsState"], "Disabled"), "siteConfig.ftpsState must be Disabled");

            JsonNode? identity = site.Resource["identity"];
            string type = identity?["type"]?.ToString() ?? "";
            Require(found, "site-identity", site,
                type.Contains("UserAssigned", StringComparison.OrdinalIgnoreCase)
                && identity?["userAssignedIdentities"] is JsonObject { Count: > 0 },
                "the site must run as a user-assigned managed identity");

            JsonNode? auth = p?["functionAppConfig"]?["deployment"]?["storage"]?["authentication"];
            if (p?["functionAppConfig"] is not null)
            {
                Require(found, "site-deployment-storage", site, Is(auth?["type"], "UserAssignedIdentity"),
                    "Flex deployment storage must authenticate with the user-assigned identity");
            }

            CheckCors(site, found);
            CheckPublishingPolicies(site, resources, found);
            foreach (Dictionary<string, JsonNode?> settings in AppSettingSets(site, resources, found))
            {
                CheckAppSettings(site, settings, found);
            }
        }
    }

    private static void CheckCors(ArmResource site, List<Violation> found)
    {
        var origins = site.Properties?["siteConfig"]?["cors"]?["allowedOrigins"] as JsonArray;
        if (origins is null)
        {
            return; // No CORS configured: browsers cannot call the API cross-origin at all.
        }

        var values = origins.Select(o => o?.ToString() ?? "").ToList();
        Require(found, "cors", site, values.Count == 1, $"CORS must allow exactly one origin (the add-in), found {values.Count}");
        Require(found, "cors", site, !values.Any(v => v.Contains('*', StringComparison.Ordinal)), "CORS must not allow a wildcard origin");
        Require(found, "cors", site, values.All(v => ArmTemplate.IsExpression(JsonValue.Create(v)) || v.StartsWith("https://", StringComparison.Ordinal)),
            "CORS origins must be https");
    }

    private static void CheckPublishingPolicies(ArmResource site, IEnumerable<ArmResource> resources, List<Violation> found)
    {
        var policies = resources.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .Where(r => ReferenceEquals(r.Template, site.Template))
            .ToList();
        foreach (string? kind in new[] { "ftp", "scm" })
        {
            ArmResource? policy = policies.FirstOrDefault(r => r.Name.Contains($"'{kind}'", StringComparison.Ordinal)
                || r.Name.EndsWith($"/{kind}", StringComparison.Ordinal));
            Require(found, "publishing-basic-auth", site, policy is not null && IsFalse(policy.Properties?["allow"]),
                $"basic publishing credentials ({kind}) must be disabled");
        }
    }

    /// <summary>
    /// All app-setting objects that can reach the site: siteConfig.appSettings and the
    /// "appsettings" config resources of the same template. When the config's properties are an
    /// expression, every object variable it names is a possible set of settings.
    /// </summary>
    private static List<Dictionary<string, JsonNode?>> AppSettingSets(ArmResource site, IEnumerable<ArmResource> resources, List<Violation> found)
    {
        var sets = new List<Dictionary<string, JsonNode?>>();
        if (site.Properties?["siteConfig"]?["appSettings"] is JsonArray array)
        {
            sets.Add(array.OfType<JsonObject>()
                .Where(o => o["name"] is not null)
                .GroupBy(o => o["name"]!.ToString(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last()["value"], StringComparer.Ordinal));
        }

        IEnumerable<ArmResource> configs = resources.OfType("Microsoft.Web/sites/config")
            .Where(r => ReferenceEquals(r.Template, site.Template)
                && r.Name.Contains("appsettings", StringComparison.OrdinalIgnoreCase));
        foreach (ArmResource? config in configs)
        {
            switch (config.Resource["properties"])
            {
                case JsonObject obj:
                    sets.Add(obj.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
                    break;
                case JsonNode node when ArmTemplate.IsExpression(node):
                    string expression = node.ToString();
                    var variables = VariableReference().Matches(expression).Select(m => m.Groups[1].Value).ToList();
                    var objects = variables
                        .Select(v => config.Template["variables"]?[v])
                        .OfType<JsonObject>()
                        .ToList();
                    // Parameters may only choose between variables (if(parameters('x'), ...)); any
                    // other parameter could inject settings the checker cannot see.
                    string rest = ConditionParameter().Replace(expression, "if(");
                    Require(found, "app-settings-unverifiable", site,
                        objects.Count > 0 && !rest.Contains("parameters(", StringComparison.OrdinalIgnoreCase),
                        $"app settings must be built from object variables only: {expression}");
                    sets.AddRange(objects.Select(o => o.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)));
                    break;
                default:
                    found.Add(new Violation("app-settings-unverifiable", Where(site), "appsettings properties are neither an object nor an expression"));
                    break;
            }
        }

        return sets;
    }

    private static void CheckAppSettings(ArmResource site, Dictionary<string, JsonNode?> settings, List<Violation> found)
    {
        var secureParams = (site.Template["parameters"] as JsonObject ?? [])
            .Where(p => (p.Value?["type"]?.ToString() ?? "").StartsWith("secure", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Key)
            .ToList();

        foreach ((string? name, JsonNode? node) in settings)
        {
            string value = node?.ToString() ?? "";
            string where = $"{Where(site)} setting {name}";

            foreach (string marker in CredentialMarkers)
            {
                if (value.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(new Violation("app-setting-credential", where, $"contains {marker}"));
                }
            }

            if (string.Equals(name, "AzureWebJobsStorage", StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new Violation("app-setting-identity", where, "use AzureWebJobsStorage__accountName with a managed identity, not a connection string"));
            }

            if (name.EndsWith("__credential", StringComparison.OrdinalIgnoreCase))
            {
                Require(found, "app-setting-identity", where, string.Equals(value, "managedidentity", StringComparison.OrdinalIgnoreCase),
                    "credential must be managedidentity");
            }

            string? suffix = IdentityConnectionSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
            if (suffix is not null && !name.StartsWith("Language__", StringComparison.OrdinalIgnoreCase))
            {
                string prefix = name[..^suffix.Length];
                Require(found, "app-setting-identity", where,
                    settings.TryGetValue(prefix + "__credential", out JsonNode? credential)
                    && string.Equals(credential?.ToString(), "managedidentity", StringComparison.OrdinalIgnoreCase)
                    && settings.ContainsKey(prefix + "__clientId"),
                    $"{prefix} must set __credential=managedidentity and __clientId");
            }

            if (SecretLikeName().IsMatch(name))
            {
                Require(found, "app-setting-secret", where, IsKeyVaultReference(value),
                    "a secret-like setting must be a @Microsoft.KeyVault(...) reference");
            }

            foreach (string? secure in secureParams)
            {
                if (value.Contains($"parameters('{secure}')", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(new Violation("app-setting-secret", where, $"puts secure parameter {secure} into a plain app setting"));
                }
            }
        }

        if (settings.ContainsKey("APPLICATIONINSIGHTS_CONNECTION_STRING"))
        {
            string auth = settings.GetValueOrDefault("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")?.ToString() ?? "";
            Require(found, "app-setting-identity", Where(site),
                auth.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) && auth.Contains("ClientId=", StringComparison.OrdinalIgnoreCase),
                "Application Insights must authenticate with the managed identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING)");
        }

        if (settings.ContainsKey("Language__Endpoint"))
        {
            Require(found, "app-setting-identity", Where(site),
                string.Equals(settings.GetValueOrDefault("Language__UseManagedIdentity")?.ToString(), "true", StringComparison.OrdinalIgnoreCase),
                "Azure AI Language must be called with the managed identity");
        }
    }

    private static void CheckLanguage(IEnumerable<ArmResource> resources, List<Violation> found)
    {
        foreach (ArmResource account in resources.OfType("Microsoft.CognitiveServices/accounts"))
        {
            Require(found, "language-local-auth", account, IsTrue(account.Properties?["disableLocalAuth"]), "disableLocalAuth must be true");
            Require(found, "language-local-auth", account, account.Properties?["customSubDomainName"] is not null,
                "a custom subdomain is required for Entra authentication");
        }
    }

    private static void CheckMonitoring(IEnumerable<ArmResource> resources, List<Violation> found)
    {
        foreach (ArmResource component in resources.OfType("Microsoft.Insights/components"))
        {
            Require(found, "appinsights-local-auth", component, IsTrue(component.Properties?["DisableLocalAuth"]), "DisableLocalAuth must be true");
        }
    }

    private static void CheckKeyVault(IEnumerable<ArmResource> resources, List<Violation> found)
    {
        foreach (ArmResource vault in resources.OfType("Microsoft.KeyVault/vaults"))
        {
            Require(found, "keyvault", vault, IsTrue(vault.Properties?["enableRbacAuthorization"]), "enableRbacAuthorization must be true");
            Require(found, "keyvault", vault, IsTrue(vault.Properties?["enablePurgeProtection"]), "enablePurgeProtection must be true");
        }
    }

    private static void CheckRoleAssignments(IEnumerable<ArmResource> resources, List<Violation> found)
    {
        foreach (ArmResource assignment in resources.OfType("Microsoft.Authorization/roleAssignments"))
        {
            string roleId = ResolveVariables(assignment.Properties?["roleDefinitionId"]?.ToString() ?? "", assignment.Template);
            string? guid = Guid().Matches(roleId).Select(m => m.Value).LastOrDefault();
            Require(found, "role-guid", assignment, guid is not null && AllowedRoles.ContainsKey(guid),
                $"role definition {roleId} is not one of the expected built-in roles");
            Require(found, "role-guid", assignment, Is(assignment.Properties?["principalType"], "ServicePrincipal"),
                "principalType must be ServicePrincipal (a managed identity)");
        }
    }

    /// <summary>Replaces variables('a') and variables('a').b that hold plain strings by their values.</summary>
    private static string ResolveVariables(string text, JsonObject template) =>
        VariableMember().Replace(text, m =>
        {
            JsonNode? variable = template["variables"]?[m.Groups[1].Value];
            JsonNode? member = m.Groups[2].Success ? (variable as JsonObject)?[m.Groups[2].Value] : variable;
            return member is JsonValue v && v.TryGetValue<string>(out string? s) ? $"'{s}'" : m.Value;
        });

    /// <summary>Literal "@Microsoft.KeyVault(...)" or an expression that formats one.</summary>
    public static bool IsKeyVaultReference(string value) =>
        value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)
        || value.StartsWith("[format('@Microsoft.KeyVault(", StringComparison.Ordinal)
        || value.StartsWith("[concat('@Microsoft.KeyVault(", StringComparison.Ordinal);

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out bool b) && b;

    private static bool IsFalse(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out bool b) && !b;

    private static bool Is(JsonNode? node, string expected) =>
        node is JsonValue v && v.TryGetValue<string>(out string? s) && string.Equals(s, expected, StringComparison.Ordinal);

    private static string Where(ArmResource r) => $"{r.Location}:{r.Type}";

    private static void Require(List<Violation> found, string rule, ArmResource r, bool ok, string detail) =>
        Require(found, rule, Where(r), ok, detail);

    private static void Require(List<Violation> found, string rule, string where, bool ok, string detail)
    {
        if (!ok)
        {
            found.Add(new Violation(rule, where, detail));
        }
    }

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"variables\('([^']+)'\)(?:\.([A-Za-z_][A-Za-z0-9_]*))?")]
    private static partial Regex VariableMember();

    [GeneratedRegex(@"if\(parameters\('[^']+'\),\s*")]
    private static partial Regex ConditionParameter();

    [GeneratedRegex("secret|password|key", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLikeName();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
