namespace OutreachAdvisor.Identity.Tests;

[TestClass]
public sealed class EntraOptionsTests
{
    private static EntraOptions Read(Dictionary<string, string> settings) =>
        EntraOptions.FromSettings(key => settings.TryGetValue(key, out string? value) ? value : null);

    [TestMethod]
    public void FlatSettings_AreRead()
    {
        EntraOptions options = Read(new()
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "tenant",
            ["AzureAd:ClientId"] = "client",
            ["AzureAd:Audience"] = "api://addin.example/client",
            ["AzureAd:RequiredScope"] = "Outreach.Check",
            ["AzureAd:ManagedIdentityClientId"] = "mi",
            ["AzureAd:ClientSecret"] = "secret",
        });

        Assert.IsTrue(options.IsConfigured);
        Assert.AreEqual("api://addin.example/client", options.Audience);
        Assert.AreEqual("Outreach.Check", options.RequiredScope);
        Assert.AreEqual("mi", options.ManagedIdentityClientId);
        Assert.AreEqual("secret", options.ClientSecret);
        Assert.IsFalse(options.AllowHttpMetadata, "never switched on from settings");
    }

    [TestMethod]
    public void MissingSettings_KeepTheDefaults_AndAreNotConfigured()
    {
        EntraOptions options = Read([]);

        Assert.IsFalse(options.IsConfigured);
        Assert.AreEqual("https://login.microsoftonline.com/", options.Instance);
        Assert.AreEqual("access_as_user", options.RequiredScope);
    }

    [TestMethod]
    public void IdentityWebShape_ManagedIdentity_IsRead()
    {
        EntraOptions options = Read(new()
        {
            ["AzureAd:ClientCredentials:0:SourceType"] = "SignedAssertionFromManagedIdentity",
            ["AzureAd:ClientCredentials:0:ManagedIdentityClientId"] = "mi",
        });

        Assert.AreEqual("mi", options.ManagedIdentityClientId);
        Assert.IsNull(options.ClientSecret);
    }

    [TestMethod]
    public void IdentityWebShape_ClientSecret_IsRead()
    {
        EntraOptions options = Read(new()
        {
            ["AzureAd:ClientCredentials:0:SourceType"] = "ClientSecret",
            ["AzureAd:ClientCredentials:0:ClientSecret"] = "secret",
        });

        Assert.AreEqual("secret", options.ClientSecret);
        Assert.IsNull(options.ManagedIdentityClientId);
    }
}
