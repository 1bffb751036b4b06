using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutreachAdvisor.Identity.Tests;

/// <summary>
/// A stand-in for Entra ID's OpenID metadata and JWKS on 127.0.0.1 (random port), with an RSA signing key
/// made here, and a helper to mint access tokens as the tenant would.
/// </summary>
internal sealed class LocalOpenIdServer : IAsyncDisposable
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string AppIdUri = "api://addin.example/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    private readonly WebApplication _app;
    private readonly List<JsonNode> _publishedKeys = [];
    private int _metadataRequests;

    private LocalOpenIdServer(WebApplication app, RsaSecurityKey signingKey, string baseUrl)
    {
        _app = app;
        SigningKey = signingKey;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:PORT/ (with the trailing slash, like EntraOptions.Instance).</summary>
    public string BaseUrl { get; }

    public string Issuer => $"{BaseUrl}{Tenant}/v2.0";

    public RsaSecurityKey SigningKey { get; }

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    /// <summary>While true, metadata requests with <c>?flaky=1</c> get a 503 (an outage that only the outage test sees).</summary>
    public bool FailFlakyMetadata { get; set; }

    public static async Task<LocalOpenIdServer> StartAsync()
    {
        RsaSecurityKey signingKey = NewRsaKey("test-key-1");

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        LocalOpenIdServer? server = null;

        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant, HttpContext http) =>
        {
            Interlocked.Increment(ref server!._metadataRequests);
            if (server.FailFlakyMetadata && http.Request.Query.ContainsKey("flaky"))
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            string origin = $"{http.Request.Scheme}://{http.Request.Host}";
            var document = new JsonObject
            {
                ["issuer"] = $"{origin}/{tenant}/v2.0",
                ["jwks_uri"] = $"{origin}/{tenant}/discovery/v2.0/keys",
                ["authorization_endpoint"] = $"{origin}/{tenant}/oauth2/v2.0/authorize",
                ["token_endpoint"] = $"{origin}/{tenant}/oauth2/v2.0/token",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            };
            return Results.Text(document.ToJsonString(), "application/json");
        });

        app.MapGet("/{tenant}/discovery/v2.0/keys", () =>
        {
            JsonNode[] keys;
            lock (server!._publishedKeys)
                keys = [.. server._publishedKeys.Select(k => k.DeepClone())];
            var jwks = new JsonObject { ["keys"] = new JsonArray(keys) };
            return Results.Text(jwks.ToJsonString(), "application/json");
        });

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server = new LocalOpenIdServer(app, signingKey, address.TrimEnd('/') + "/");
        server.PublishKey(signingKey);
        return server;
    }

    /// <summary>Adds a key's public half to the JWKS, as Entra ID does before it starts signing with a new key.</summary>
    public void PublishKey(RsaSecurityKey key)
    {
        JsonObject jwk = PublicJwk(key);
        lock (_publishedKeys)
            _publishedKeys.Add(jwk);
    }

    private static JsonObject PublicJwk(RsaSecurityKey key)
    {
        RSAParameters publicKey = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(publicKey.Modulus),
            ["e"] = Base64UrlEncoder.Encode(publicKey.Exponent),
        };
    }

    public static RsaSecurityKey NewRsaKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>Options for a validator that trusts this server (http allowed: it is a local test server).</summary>
    public EntraOptions Options() => new()
    {
        Instance = BaseUrl,
        TenantId = Tenant,
        ClientId = ClientId,
        Audience = AppIdUri,
        AllowHttpMetadata = true,
    };

    /// <summary>An access token as Entra ID v2.0 would issue it for the add-in's user; each part can be overridden.</summary>
    public string MintToken(
        string? audience = ClientId,
        string? issuer = null,
        string? scopes = "access_as_user",
        DateTime? notBefore = null,
        DateTime? expires = null,
        SigningCredentials? signing = null,
        bool unsigned = false,
        string objectId = "99999999-8888-7777-6666-555555555555")
    {
        DateTime now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["oid"] = objectId,
            ["tid"] = Tenant,
            ["name"] = "Ada Example",
            ["preferred_username"] = "ada@contoso.example",
            ["ver"] = "2.0",
        };
        if (scopes is not null)
            claims["scp"] = scopes;

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            Claims = claims,
            SigningCredentials = unsigned ? null : signing ?? new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A loopback port on which nothing listens (bound, then released).</summary>
    public static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SigningKey.Rsa.Dispose();
    }
}
