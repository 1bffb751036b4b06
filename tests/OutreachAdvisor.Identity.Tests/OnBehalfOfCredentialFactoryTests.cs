using Azure.Core;
using Azure.Identity;

namespace OutreachAdvisor.Identity.Tests;

/// <summary>No test here reaches Entra ID or a managed-identity endpoint: credentials are only built, never used,
/// except the client-assertion step, which runs against a stand-in managed identity.</summary>
[TestClass]
public sealed class OnBehalfOfCredentialFactoryTests
{
    private static readonly EntraOptions Configured = new()
    {
        TenantId = LocalOpenIdServer.Tenant,
        ClientId = LocalOpenIdServer.ClientId,
    };

    private const string UserToken = "header.payload.signature";

    [TestMethod]
    public void WithAClientSecret_GivesAnOnBehalfOfCredential()
    {
        var factory = new OnBehalfOfCredentialFactory(Configured with { ClientSecret = "from-key-vault" });

        Assert.IsInstanceOfType<OnBehalfOfCredential>(factory.ForUser(UserToken));
        Assert.AreEqual(ClientCredentialKind.ClientSecret, factory.Kind);
    }

    [TestMethod]
    public void WithAManagedIdentity_GivesAnOnBehalfOfCredential_WithTheFederatedCredential()
    {
        var factory = new OnBehalfOfCredentialFactory(Configured with { ManagedIdentityClientId = "12345678-1234-1234-1234-123456789012" });

        Assert.IsInstanceOfType<OnBehalfOfCredential>(factory.ForUser(UserToken));
        Assert.AreEqual(ClientCredentialKind.FederatedManagedIdentity, factory.Kind);
    }

    [TestMethod]
    public void WithBoth_PrefersTheManagedIdentity()
    {
        var factory = new OnBehalfOfCredentialFactory(Configured with
        {
            ClientSecret = "from-key-vault",
            ManagedIdentityClientId = "12345678-1234-1234-1234-123456789012",
        });

        Assert.AreEqual(ClientCredentialKind.FederatedManagedIdentity, factory.Kind);
    }

    [TestMethod]
    public void WithNeither_ThrowsAClearInvalidOperationException()
    {
        var factory = new OnBehalfOfCredentialFactory(Configured with { ClientSecret = " " });

        InvalidOperationException error = Assert.ThrowsExactly<InvalidOperationException>(() => factory.ForUser(UserToken));

        StringAssert.Contains(error.Message, "AzureAd:ManagedIdentityClientId");
        StringAssert.Contains(error.Message, "AzureAd:ClientSecret");
    }

    [TestMethod]
    public void WithoutTenantOrClient_ThrowsAClearInvalidOperationException()
    {
        var factory = new OnBehalfOfCredentialFactory(new EntraOptions { ClientSecret = "from-key-vault" });

        InvalidOperationException error = Assert.ThrowsExactly<InvalidOperationException>(() => factory.ForUser(UserToken));

        StringAssert.Contains(error.Message, "AzureAd:TenantId");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("  ")]
    public void WithoutAUserToken_Throws(string userToken)
    {
        var factory = new OnBehalfOfCredentialFactory(Configured with { ClientSecret = "from-key-vault" });

        Assert.ThrowsExactly<ArgumentException>(() => factory.ForUser(userToken));
    }

    [TestMethod]
    public async Task ClientAssertion_IsAManagedIdentityTokenForTheTokenExchangeAudience()
    {
        var managedIdentity = new RecordingCredential("mi-issued-assertion");
        var factory = new OnBehalfOfCredentialFactory(
            Configured with { ManagedIdentityClientId = "12345678-1234-1234-1234-123456789012" }, managedIdentity);

        string assertion = await factory.GetClientAssertionAsync(CancellationToken.None);

        Assert.AreEqual("mi-issued-assertion", assertion);
        CollectionAssert.AreEqual(new[] { "api://AzureADTokenExchange/.default" }, managedIdentity.LastScopes);
    }

    private sealed class RecordingCredential(string token) : TokenCredential
    {
        public string[]? LastScopes { get; private set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            LastScopes = requestContext.Scopes;
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
