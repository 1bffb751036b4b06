using Azure.Core;
using Azure.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.FoundAt;
using OutreachAdvisor.Graph;
using OutreachAdvisor.Identity;
using OutreachAdvisor.Language;
using OutreachAdvisor.Mailbox;

namespace OutreachAdvisor.Api;

/// <summary>
/// The sources an analysis uses, chosen by configuration (app settings in Azure, environment variables
/// for `outreach serve`). Nothing configured means offline: no sign-in, no mailbox or a local folder,
/// the built-in analyzer. With <c>AzureAd</c> settings every request needs a valid Entra token; with
/// <c>Mailbox:Provider=graph</c> the mailbox is the signed-in user's, read on their behalf.
/// </summary>
public sealed partial class ConfiguredAnalysisSources : IAnalysisSources, IDisposable
{
    public static readonly string[] GraphScopes = ["https://graph.microsoft.com/.default"];

    private readonly EntraTokenValidator? _validator;
    private readonly Func<string, TokenCredential>? _userCredential;
    private readonly Func<TokenCredential, GraphServiceClient> _graphClient;
    private readonly IMailbox? _localMailbox;
    private readonly ILanguageService? _language;
    private readonly IFoundAtChecker _foundAt;
    private readonly IAddressDiscovery? _discovery;
    private readonly bool _useGraph;
    private readonly GraphRequestGates _graphGates = new();

    public ConfiguredAnalysisSources(
        EntraTokenValidator? validator,
        Func<string, TokenCredential>? userCredential,
        Func<TokenCredential, GraphServiceClient> graphClient,
        bool useGraph,
        IMailbox? localMailbox,
        ILanguageService? language,
        IFoundAtChecker? foundAt = null,
        IAddressDiscovery? discovery = null,
        IReadOnlyList<string>? warnings = null)
    {
        if (useGraph && (validator is null || userCredential is null))
            throw new InvalidOperationException("Mailbox:Provider is graph, but the AzureAd settings (TenantId, ClientId) are missing: Graph is read on behalf of a signed-in user.");
        _validator = validator;
        _userCredential = userCredential;
        _graphClient = graphClient;
        _useGraph = useGraph;
        _localMailbox = localMailbox;
        _language = language;
        // Requests come over HTTP: found-at pages are fetched SSRF-safely and never read from this machine's disk.
        _foundAt = foundAt ?? new FoundAtChecker(allowLocalFiles: false);
        _discovery = discovery;
        Warnings = warnings ?? [];
    }

    /// <summary>Settings that cannot work as given (AzureAd:TenantId=common...), one line each: the hosts print or log them at start-up.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public string MailboxName => _useGraph ? "graph" : _localMailbox?.Name ?? "none";

    public string LanguageName => _language?.Name ?? "built-in";

    /// <summary>Whether requests must carry an Entra bearer token.</summary>
    public bool RequiresSignIn => _validator is not null;

    public async ValueTask<ContextSources> ForRequestAsync(HttpContext context, CancellationToken cancellationToken)
    {
        IMailbox? mailbox = _localMailbox;
        if (_validator is not null)
        {
            TokenValidationOutcome token = await _validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false);
            if (!token.IsValid)
                throw new UnauthorizedException(token.Failure ?? "sign-in required");
            context.User = token.User!;
            if (_useGraph)
            {
                // One gate per user: all of that user's Graph requests in this process stay within 4 at a time.
                GraphRequestGate gate = _graphGates.For(ApiRateLimiter.PartitionKey(context));
                mailbox = new GraphMailbox(_graphClient(_userCredential!(token.Token!)), gate: gate);
            }
        }
        return new ContextSources { Mailbox = mailbox, Language = _language, FoundAt = _foundAt, Discovery = _discovery };
    }

    public void Dispose() => _graphGates.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration: {Warning}")]
    private static partial void LogConfigurationWarning(ILogger logger, string warning);

    /// <summary>Whether any setting asks for more than the offline default (sign-in, a mailbox provider, a language endpoint).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["AzureAd:TenantId"]) || !string.IsNullOrWhiteSpace(configuration["Mailbox:Provider"])
        || !string.IsNullOrWhiteSpace(configuration["Language:Endpoint"]);

    /// <summary>Builds the sources from configuration; see local.settings.sample.json and the README for the settings.</summary>
    /// <param name="discovery">Discovery on the recipients' sites, as the host's Discovery:Enabled setting decides (docs/found-at.md); null: off.</param>
    public static ConfiguredAnalysisSources Create(IConfiguration configuration, IServiceProvider? services = null, IAddressDiscovery? discovery = null)
    {
        HttpClient http = services?.GetService<IHttpClientFactory>()?.CreateClient("outreach") ?? new HttpClient();
        var entra = EntraOptions.FromSettings(key => configuration[key]);
        EntraTokenValidator? validator = entra.IsConfigured ? new EntraTokenValidator(entra, http) : null;
        // The user's Graph token is kept for its lifetime: one on-behalf-of exchange per user token, not per request.
        Func<string, TokenCredential>? userCredential = entra.IsConfigured ? new OnBehalfOfTokenCache(new OnBehalfOfCredentialFactory(entra).ForUser).ForUser : null;
        ILogger? startup = services?.GetService<ILoggerFactory>()?.CreateLogger("OutreachAdvisor.Startup");
        foreach (string warning in entra.Warnings)
        {
            if (startup is not null)
                LogConfigurationWarning(startup, warning);
        }

        string provider = configuration["Mailbox:Provider"]?.Trim().ToLowerInvariant() ?? "none";
        IMailbox? localMailbox = provider switch
        {
            "local" when configuration["Mailbox:Path"] is { Length: > 0 } path => LocalMailbox.OpenAsync([path]).GetAwaiter().GetResult(),
            "local" => throw new InvalidOperationException("Mailbox:Provider is local, but Mailbox:Path is not set."),
            "graph" or "none" or "" => null,
            _ => throw new InvalidOperationException($"Mailbox:Provider must be graph, local or none, not '{provider}'."),
        };

        bool useManagedIdentity = configuration.GetValue<bool>("Language:UseManagedIdentity");
        TokenCredential? languageCredential = useManagedIdentity ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(configuration["AZURE_CLIENT_ID"] ?? entra.ManagedIdentityClientId ?? string.Empty)) : null;
        ILanguageService? language = AzureLanguageService.FromSettings(configuration["Language:Endpoint"], configuration["Language:ApiKey"], useManagedIdentity, languageCredential, http);

        string? graphBaseUrl = configuration["Graph:BaseUrl"];
        GraphServiceClient GraphClient(TokenCredential credential) => graphBaseUrl is { Length: > 0 }
            ? new GraphServiceClient(http, new AzureIdentityAuthenticationProvider(credential, allowedHosts: [new Uri(graphBaseUrl).Host], scopes: GraphScopes), graphBaseUrl)
            : new GraphServiceClient(http, new AzureIdentityAuthenticationProvider(credential, scopes: GraphScopes));

        return new ConfiguredAnalysisSources(validator, userCredential, GraphClient, provider == "graph", localMailbox, language, discovery: discovery, warnings: entra.Warnings);
    }
}
