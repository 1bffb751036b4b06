namespace OutreachAdvisor.Identity.Tests;

/// <summary>Issue 15.10: settings that cannot work are said at start-up, and the refusals say why.</summary>
[TestClass]
public sealed class StartupWarningsTests
{
    private static EntraOptions Read(params (string Key, string Value)[] settings) =>
        EntraOptions.FromSettings(key => settings.FirstOrDefault(s => s.Key == key).Value);

    [TestMethod]
    [DataRow("common")]
    [DataRow("organizations")]
    [DataRow("Consumers")]
    public async Task A_multi_tenant_alias_is_warned_about_and_every_token_is_refused_saying_so(string tenant)
    {
        EntraOptions options = Read(("AzureAd:TenantId", tenant), ("AzureAd:ClientId", "client"));

        Assert.IsTrue(options.IsMultiTenantAlias);
        string warning = options.Warnings.Single();
        StringAssert.Contains(warning, $"AzureAd:TenantId is '{tenant}'");
        StringAssert.Contains(warning, "every sign-in will be refused");

        // No metadata is fetched (there is no server at all): the refusal names the setting.
        var validator = new EntraTokenValidator(options);
        TokenValidationOutcome outcome = await validator.ValidateAsync("Bearer a.b.c", CancellationToken.None);
        Assert.IsFalse(outcome.IsValid);
        Assert.AreEqual(Failures.MultiTenantAuthority, outcome.Failure);
    }

    [TestMethod]
    public void A_tenant_id_gives_no_warning()
    {
        EntraOptions options = Read(("AzureAd:TenantId", "11111111-2222-3333-4444-555555555555"), ("AzureAd:ClientId", "client"));
        Assert.IsFalse(options.IsMultiTenantAlias);
        Assert.IsEmpty(options.Warnings);
    }

    [TestMethod]
    public void The_metadata_address_setting_is_read_and_an_http_one_is_warned_about()
    {
        EntraOptions options = Read(("AzureAd:TenantId", "t"), ("AzureAd:ClientId", "c"), ("AzureAd:MetadataAddress", "http://login.example/t/v2.0/.well-known/openid-configuration"));

        Assert.AreEqual("http://login.example/t/v2.0/.well-known/openid-configuration", options.ResolvedMetadataAddress);
        StringAssert.Contains(options.Warnings.Single(), "AzureAd:MetadataAddress is http://");
    }
}
