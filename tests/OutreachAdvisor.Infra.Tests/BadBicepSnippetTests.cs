using OutreachAdvisor.Infra.Tests.Infrastructure;

namespace OutreachAdvisor.Infra.Tests;

/// <summary>
/// End-to-end proof that the checker reads what Bicep really emits: small insecure templates are
/// compiled with the same CLI and must be rejected.
/// </summary>
[TestClass]
public sealed class BadBicepSnippetTests
{
    private static IReadOnlyList<Violation> CompileAndCheck(string bicep)
    {
        string dir = TempDir.Create("snippet");
        string file = Path.Combine(dir, "snippet.bicep");
        File.WriteAllText(file, bicep);
        (BicepRun? run, string? json) = BicepCli.Build(file, Path.Combine(dir, "out"));
        Assert.AreEqual(0, run.ExitCode, run.Output);
        return SecurityChecker.Check(ArmTemplate.Load(json));
    }

    [TestMethod]
    public void SharedKeyStorageAccount_IsRejected()
    {
        IReadOnlyList<Violation> violations = CompileAndCheck("""
            param location string = resourceGroup().location
            resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
              name: 'stbad${uniqueString(resourceGroup().id)}'
              location: location
              kind: 'StorageV2'
              sku: { name: 'Standard_LRS' }
              properties: {
                allowSharedKeyAccess: true
                minimumTlsVersion: 'TLS1_0'
                supportsHttpsTrafficOnly: false
              }
            }
            """);

        var rules = violations.Select(v => v.Rule).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("storage-shared-key", rules);
        Assert.Contains("storage-tls", rules);
        Assert.Contains("storage-https", rules);
        Assert.Contains("storage-public-blob", rules); // not set at all counts as allowed
    }

    [TestMethod]
    public void FunctionAppWithKeyBasedConnectionString_IsRejected()
    {
        IReadOnlyList<Violation> violations = CompileAndCheck("""
            param location string = resourceGroup().location
            resource st 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
              name: 'stexisting'
            }
            resource site 'Microsoft.Web/sites@2024-04-01' = {
              name: 'func-bad'
              location: location
              kind: 'functionapp,linux'
              properties: {
                httpsOnly: true
                siteConfig: {
                  minTlsVersion: '1.2'
                  ftpsState: 'FtpsOnly'
                  cors: { allowedOrigins: [ '*' ] }
                  appSettings: [
                    {
                      name: 'AzureWebJobsStorage'
                      value: 'DefaultEndpointsProtocol=https;AccountName=${st.name};AccountKey=${st.listKeys().keys[0].value}'
                    }
                    {
                      name: 'AzureAd__ClientSecret'
                      value: 'not-a-key-vault-reference'
                    }
                  ]
                }
              }
            }
            """);

        var rules = violations.Select(v => v.Rule).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("app-setting-credential", rules);
        Assert.Contains("app-setting-identity", rules);
        Assert.Contains("app-setting-secret", rules);
        Assert.Contains("site-identity", rules);
        Assert.Contains("site-ftps", rules);
        Assert.Contains("cors", rules);
        Assert.Contains("publishing-basic-auth", rules);
    }

    [TestMethod]
    public void OwnerRoleAssignment_IsRejected()
    {
        IReadOnlyList<Violation> violations = CompileAndCheck("""
            param principalId string
            resource owner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(resourceGroup().id, principalId, 'owner')
              properties: {
                principalId: principalId
                principalType: 'ServicePrincipal'
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
              }
            }
            """);

        Assert.IsTrue(violations.Any(v => v.Rule == "role-guid"), string.Join("; ", violations));
    }
}
