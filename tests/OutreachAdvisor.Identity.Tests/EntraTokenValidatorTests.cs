using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OutreachAdvisor.Identity.Tests;

[TestClass]
public sealed class EntraTokenValidatorTests
{
    private static LocalOpenIdServer Server = null!;

    [ClassInitialize]
    public static async Task StartServerAsync(TestContext _) => Server = await LocalOpenIdServer.StartAsync();

    [ClassCleanup]
    public static async Task StopServerAsync() => await Server.DisposeAsync();

    private static EntraTokenValidator NewValidator(EntraOptions? options = null) => new(options ?? Server.Options());

    private static Task<TokenValidationOutcome> ValidateAsync(string token, EntraOptions? options = null) =>
        NewValidator(options).ValidateAsync("Bearer " + token, CancellationToken.None);

    private static void AssertRefused(TokenValidationOutcome outcome, string expectedFailure, string? token = null)
    {
        Assert.IsFalse(outcome.IsValid, "the token should have been refused");
        Assert.AreEqual(expectedFailure, outcome.Failure);
        Assert.IsNull(outcome.User);
        Assert.IsNull(outcome.Token);
        if (token is not null)
            Assert.DoesNotContain(token, outcome.Failure!, "a failure must never quote the token");
    }

    [TestMethod]
    public async Task ValidToken_IsAccepted_AndThePrincipalCarriesOidAndScp()
    {
        string token = Server.MintToken();

        TokenValidationOutcome outcome = await ValidateAsync(token);

        Assert.IsTrue(outcome.IsValid, outcome.Failure);
        Assert.IsNull(outcome.Failure);
        Assert.AreEqual(token, outcome.Token);
        Assert.IsNotNull(outcome.User);
        Assert.IsTrue(outcome.User.Identity!.IsAuthenticated);
        Assert.AreEqual("Ada Example", outcome.User.Identity.Name);
        Assert.AreEqual("99999999-8888-7777-6666-555555555555", outcome.User.FindFirst("oid")?.Value);
        Assert.AreEqual(LocalOpenIdServer.Tenant, outcome.User.FindFirst("tid")?.Value);
        Assert.AreEqual("access_as_user", outcome.User.FindFirst("scp")?.Value);
    }

    [TestMethod]
    public async Task ExpiredToken_IsRefused()
    {
        DateTime now = DateTime.UtcNow;
        string token = Server.MintToken(notBefore: now.AddHours(-2), expires: now.AddHours(-1));

        AssertRefused(await ValidateAsync(token), "the token has expired", token);
    }

    [TestMethod]
    public async Task TokenExpiredWithinClockSkew_IsAccepted_ButNotWithoutSkew()
    {
        DateTime now = DateTime.UtcNow;
        string token = Server.MintToken(notBefore: now.AddHours(-1), expires: now.AddMinutes(-2));

        Assert.IsTrue((await ValidateAsync(token)).IsValid, "5 minutes of skew by default");
        AssertRefused(await ValidateAsync(token, Server.Options() with { ClockSkew = TimeSpan.Zero }), "the token has expired");
    }

    [TestMethod]
    public async Task NotYetValidToken_IsRefused()
    {
        DateTime now = DateTime.UtcNow;
        string token = Server.MintToken(notBefore: now.AddHours(1), expires: now.AddHours(2));

        AssertRefused(await ValidateAsync(token), "the token is not yet valid", token);
    }

    [TestMethod]
    public async Task TokenForAnotherAudience_IsRefused()
    {
        string token = Server.MintToken(audience: "api://someone-else.example/12345678-0000-0000-0000-000000000000");

        AssertRefused(await ValidateAsync(token), "the token is for another audience", token);
    }

    [TestMethod]
    public async Task TokenWithoutAudience_IsRefused()
    {
        string token = Server.MintToken(audience: null);

        Assert.IsFalse((await ValidateAsync(token)).IsValid);
    }

    [TestMethod]
    public async Task AppIdUriAudience_IsAccepted()
    {
        string token = Server.MintToken(audience: LocalOpenIdServer.AppIdUri);

        TokenValidationOutcome outcome = await ValidateAsync(token);

        Assert.IsTrue(outcome.IsValid, outcome.Failure);
    }

    [TestMethod]
    public async Task AppIdUriAudience_IsRefused_WhenNotConfigured()
    {
        string token = Server.MintToken(audience: LocalOpenIdServer.AppIdUri);

        AssertRefused(await ValidateAsync(token, Server.Options() with { Audience = null }), "the token is for another audience");
    }

    [TestMethod]
    [DataRow("other-tenant")]
    [DataRow("v1")]
    public async Task TokenFromAnotherTenantOrAuthority_IsRefused(string kind)
    {
        string issuer = kind == "v1"
            ? $"https://sts.windows.net/{LocalOpenIdServer.Tenant}/"
            : $"{Server.BaseUrl}00000000-0000-0000-0000-000000000001/v2.0";
        string token = Server.MintToken(issuer: issuer);

        AssertRefused(await ValidateAsync(token), "the token was issued by another tenant or authority", token);
    }

    [TestMethod]
    public async Task TokenSignedWithAnotherKeyUnderTheSameKid_IsRefused()
    {
        using var rsa = RSA.Create(2048);
        var impostor = new RsaSecurityKey(rsa) { KeyId = Server.SigningKey.KeyId };
        string token = Server.MintToken(signing: new SigningCredentials(impostor, SecurityAlgorithms.RsaSha256));

        AssertRefused(await ValidateAsync(token), "the token's signature is not valid", token);
    }

    [TestMethod]
    public async Task TokenSignedWithAnUnknownKey_IsRefused()
    {
        using var rsa = RSA.Create(2048);
        var unknown = new RsaSecurityKey(rsa) { KeyId = "not-published" };
        string token = Server.MintToken(signing: new SigningCredentials(unknown, SecurityAlgorithms.RsaSha256));

        AssertRefused(await ValidateAsync(token), "the token's signature is not valid", token);
    }

    [TestMethod]
    public async Task TamperedPayload_IsRefused()
    {
        string token = Server.MintToken(scopes: "User.Read");
        string[] parts = token.Split('.');
        string payload = Base64UrlEncoder.Decode(parts[1]).Replace("User.Read", "access_as_user", StringComparison.Ordinal);
        string tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        AssertRefused(await ValidateAsync(tampered), "the token's signature is not valid", tampered);
    }

    [TestMethod]
    public async Task UnsignedAlgNoneToken_IsRefused()
    {
        string token = Server.MintToken(unsigned: true);
        StringAssert.Contains(Base64UrlEncoder.Decode(token.Split('.')[0]), "\"none\"");

        AssertRefused(await ValidateAsync(token), "the token's signature is not valid", token);
    }

    [TestMethod]
    public async Task TokenSignedWithAnAlgorithmOutsideTheRs256Family_IsRefused()
    {
        // Same published key, but RSA-PSS: the key would verify it, the algorithm list must not allow it.
        string token = Server.MintToken(signing: new SigningCredentials(Server.SigningKey, SecurityAlgorithms.RsaSsaPssSha256));

        AssertRefused(await ValidateAsync(token), "the token's signature is not valid", token);
    }

    [TestMethod]
    public async Task TokenSignedWithASharedSecret_IsRefused()
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = Server.SigningKey.KeyId };
        string token = Server.MintToken(signing: new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));

        Assert.IsFalse((await ValidateAsync(token)).IsValid);
    }

    [TestMethod]
    public async Task TokenWithoutScopes_IsRefused()
    {
        string token = Server.MintToken(scopes: null);

        AssertRefused(await ValidateAsync(token), "the token lacks the access_as_user scope", token);
    }

    [TestMethod]
    [DataRow("User.Read Mail.ReadBasic")]
    [DataRow("access_as_user_extra")]
    [DataRow("Access_As_User")]
    public async Task TokenWithOtherScopesOnly_IsRefused(string scopes)
    {
        AssertRefused(await ValidateAsync(Server.MintToken(scopes: scopes)), "the token lacks the access_as_user scope");
    }

    [TestMethod]
    public async Task RequiredScopeAmongOthers_IsAccepted()
    {
        TokenValidationOutcome outcome = await ValidateAsync(Server.MintToken(scopes: "openid access_as_user profile"));

        Assert.IsTrue(outcome.IsValid, outcome.Failure);
    }

    [TestMethod]
    public async Task ConfiguredRequiredScope_IsTheOneChecked()
    {
        EntraOptions options = Server.Options() with { RequiredScope = "Outreach.Check" };

        Assert.IsTrue((await ValidateAsync(Server.MintToken(scopes: "Outreach.Check"), options)).IsValid);
        AssertRefused(await ValidateAsync(Server.MintToken(), options), "the token lacks the Outreach.Check scope");
    }

    [TestMethod]
    [DataRow("not-a-jwt")]
    [DataRow("aaaa.bbbb.cccc")]
    [DataRow("eyJhbGciOiJSUzI1NiJ9.e30")]
    public async Task MalformedToken_IsRefused(string token)
    {
        AssertRefused(await ValidateAsync(token), "the token is malformed", token);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("Bearer")]
    [DataRow("Bearer    ")]
    [DataRow("Basic dXNlcjpwYXNzd29yZA==")]
    [DataRow("Negotiate abc")]
    [DataRow("eyJhbGciOiJSUzI1NiJ9.e30.sig")]
    [DataRow("Bearer a b")]
    public async Task MissingOrNonBearerHeader_GivesNoBearerToken(string? header)
    {
        int before = Server.MetadataRequests;

        TokenValidationOutcome outcome = await NewValidator().ValidateAsync(header, CancellationToken.None);

        AssertRefused(outcome, "no bearer token");
        Assert.AreEqual(before, Server.MetadataRequests, "no metadata is needed to refuse a missing token");
    }

    [TestMethod]
    public async Task BearerScheme_IsCaseInsensitive()
    {
        TokenValidationOutcome outcome = await NewValidator().ValidateAsync("bearer " + Server.MintToken(), CancellationToken.None);

        Assert.IsTrue(outcome.IsValid, outcome.Failure);
    }

    [TestMethod]
    public async Task MetadataServerDown_GivesAFailure_NotAnException()
    {
        EntraOptions options = Server.Options() with { Instance = $"http://127.0.0.1:{LocalOpenIdServer.UnusedPort()}/" };
        string token = Server.MintToken();

        AssertRefused(await ValidateAsync(token, options), "the sign-in metadata could not be read", token);
    }

    [TestMethod]
    public async Task MetadataForUnknownPath_GivesAFailure()
    {
        EntraOptions options = Server.Options() with { MetadataAddress = $"{Server.BaseUrl}nowhere/openid-configuration" };

        AssertRefused(await ValidateAsync(Server.MintToken(), options), "the sign-in metadata could not be read");
    }

    [TestMethod]
    public async Task HttpMetadata_IsRefused_UnlessAllowed()
    {
        int before = Server.MetadataRequests;
        EntraOptions options = Server.Options() with { AllowHttpMetadata = false };

        AssertRefused(await ValidateAsync(Server.MintToken(), options), "the sign-in metadata could not be read");
        Assert.AreEqual(before, Server.MetadataRequests, "the http:// metadata must not even be fetched");
    }

    [TestMethod]
    public async Task Metadata_IsFetchedOnce_AndCached()
    {
        EntraTokenValidator validator = NewValidator();
        int before = Server.MetadataRequests;

        for (int i = 0; i < 3; i++)
            Assert.IsTrue((await validator.ValidateAsync("Bearer " + Server.MintToken(), CancellationToken.None)).IsValid);

        Assert.AreEqual(before + 1, Server.MetadataRequests);
    }

    [TestMethod]
    public async Task KeyRollover_AnUnknownKeyTriggersARefresh_AndTheNewKeyIsThenAccepted()
    {
        EntraTokenValidator validator = NewValidator();
        Assert.IsTrue((await validator.ValidateAsync("Bearer " + Server.MintToken(), CancellationToken.None)).IsValid);
        int before = Server.MetadataRequests;

        using var rsa = RSA.Create(2048);
        var rolledKey = new RsaSecurityKey(rsa) { KeyId = "test-key-rolled" };
        Server.PublishKey(rolledKey);
        string header = "Bearer " + Server.MintToken(signing: new SigningCredentials(rolledKey, SecurityAlgorithms.RsaSha256));

        // IdentityModel 8.x refreshes in the background: the request that meets the unknown key may still be
        // refused; the refreshed keys serve the requests after it.
        TokenValidationOutcome outcome = await validator.ValidateAsync(header, CancellationToken.None);
        for (int attempt = 0; !outcome.IsValid && attempt < 50; attempt++)
        {
            await Task.Delay(100);
            outcome = await validator.ValidateAsync(header, CancellationToken.None);
        }

        Assert.IsTrue(outcome.IsValid, outcome.Failure);
        Assert.AreEqual(before + 1, Server.MetadataRequests, "exactly one refresh of the metadata");
    }

    [TestMethod]
    public async Task MetadataOutage_AtStartup_IsRecoveredFrom()
    {
        EntraOptions options = Server.Options() with { MetadataAddress = $"{Server.BaseUrl}{LocalOpenIdServer.Tenant}/v2.0/.well-known/openid-configuration?flaky=1" };
        EntraTokenValidator validator = NewValidator(options);
        string header = "Bearer " + Server.MintToken();

        Server.FailFlakyMetadata = true;
        try
        {
            AssertRefused(await validator.ValidateAsync(header, CancellationToken.None), "the sign-in metadata could not be read");
        }
        finally
        {
            Server.FailFlakyMetadata = false;
        }

        TokenValidationOutcome outcome = await validator.ValidateAsync(header, CancellationToken.None);
        for (int attempt = 0; !outcome.IsValid && attempt < 50; attempt++)
        {
            await Task.Delay(100);
            outcome = await validator.ValidateAsync(header, CancellationToken.None);
        }

        Assert.IsTrue(outcome.IsValid, outcome.Failure);
    }

    [TestMethod]
    public async Task UnconfiguredOptions_RefuseEveryToken()
    {
        var validator = new EntraTokenValidator(new EntraOptions());

        AssertRefused(await validator.ValidateAsync("Bearer " + Server.MintToken(), CancellationToken.None),
            "sign-in is not configured on the server");
    }

    [TestMethod]
    public async Task Cancellation_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => NewValidator().ValidateAsync("Bearer " + Server.MintToken(), cancelled.Token));
    }

    [TestMethod]
    public void DefaultMetadataAddress_IsTheTenantsV2Document()
    {
        var options = new EntraOptions { TenantId = "contoso.onmicrosoft.com", ClientId = "x" };

        Assert.AreEqual(
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration",
            options.ResolvedMetadataAddress);
    }
}
