namespace OutreachAdvisor.Identity;

/// <summary>
/// Sign-in settings for the API, bound from the <c>AzureAd</c> configuration section
/// (<c>AzureAd__TenantId</c>, <c>AzureAd__ClientId</c>, ... in app settings). See docs/identity.md.
/// </summary>
public sealed record EntraOptions
{
    /// <summary>The Entra ID authority host, with a trailing slash.</summary>
    public string Instance { get; init; } = "https://login.microsoftonline.com/";

    public string? TenantId { get; init; }

    /// <summary>The API's app registration (the audience of v2.0 access tokens).</summary>
    public string? ClientId { get; init; }

    /// <summary>The App ID URI, e.g. <c>api://addin.example/&lt;clientId&gt;</c>; accepted as an audience beside <see cref="ClientId"/>.</summary>
    public string? Audience { get; init; }

    /// <summary>The delegated scope every token must carry in <c>scp</c>.</summary>
    public string RequiredScope { get; init; } = "access_as_user";

    /// <summary>Defaults to <c>{Instance}{TenantId}/v2.0/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; init; }

    /// <summary>Allows http:// metadata. ONLY for tests against a local OpenID server; never in production.</summary>
    public bool AllowHttpMetadata { get; init; }

    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Optional client secret for the on-behalf-of flow; a Key Vault reference in app settings. The federated credential is preferred.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>Client id of the user-assigned managed identity that is the app registration's federated credential.</summary>
    public string? ManagedIdentityClientId { get; init; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);

    private static readonly string[] MultiTenantAliases = ["common", "organizations", "consumers"];

    /// <summary>
    /// <c>TenantId</c> is <c>common</c>, <c>organizations</c> or <c>consumers</c>: their metadata names no one
    /// issuer (<c>https://login.microsoftonline.com/{tenantid}/v2.0</c>), so no token could ever match it. The
    /// validator refuses every token saying so, and <see cref="Warnings"/> says it at start-up.
    /// </summary>
    public bool IsMultiTenantAlias => TenantId is not null && MultiTenantAliases.Contains(TenantId.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Settings that cannot work as given, one line each, for the host to log (Functions) or print (<c>outreach serve</c>) at start-up.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var warnings = new List<string>();
            if (IsMultiTenantAlias)
            {
                warnings.Add($"AzureAd:TenantId is '{TenantId!.Trim()}', which names no single tenant: every sign-in will be refused. " +
                    "Set it to the directory (tenant) id of the app registration (docs/identity.md).");
            }
            if (MetadataAddress is { } metadata && metadata.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !AllowHttpMetadata)
                warnings.Add("AzureAd:MetadataAddress is http://: it is refused (metadata must come over https), so every sign-in will be refused.");
            return warnings;
        }
    }

    /// <summary>
    /// Reads the <c>AzureAd</c> section through <paramref name="setting"/> (keys like <c>AzureAd:TenantId</c>;
    /// with IConfiguration: <c>EntraOptions.FromSettings(key =&gt; configuration[key])</c>).
    /// <c>AzureAd:ManagedIdentityClientId</c> and <c>AzureAd:ClientSecret</c> win; when they are absent the
    /// Microsoft.Identity.Web shape <c>AzureAd:ClientCredentials:0:*</c> (what infra/ sets today) is read instead.
    /// </summary>
    public static EntraOptions FromSettings(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        string? Get(string name)
        {
            string? value = setting("AzureAd:" + name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        string? sourceType = Get("ClientCredentials:0:SourceType");
        var defaults = new EntraOptions();
        return new EntraOptions
        {
            Instance = Get("Instance") ?? defaults.Instance,
            TenantId = Get("TenantId"),
            ClientId = Get("ClientId"),
            Audience = Get("Audience"),
            RequiredScope = Get("RequiredScope") ?? defaults.RequiredScope,
            MetadataAddress = Get("MetadataAddress"),
            ClientSecret = Get("ClientSecret")
                ?? (string.Equals(sourceType, "ClientSecret", StringComparison.OrdinalIgnoreCase) ? Get("ClientCredentials:0:ClientSecret") : null),
            ManagedIdentityClientId = Get("ManagedIdentityClientId")
                ?? (string.Equals(sourceType, "SignedAssertionFromManagedIdentity", StringComparison.OrdinalIgnoreCase)
                    ? Get("ClientCredentials:0:ManagedIdentityClientId") : null),
        };
    }

    /// <summary>The metadata address actually used: <see cref="MetadataAddress"/> or the tenant's v2.0 document.</summary>
    public string ResolvedMetadataAddress =>
        !string.IsNullOrWhiteSpace(MetadataAddress)
            ? MetadataAddress
            : $"{Instance.TrimEnd('/')}/{TenantId}/v2.0/.well-known/openid-configuration";
}
