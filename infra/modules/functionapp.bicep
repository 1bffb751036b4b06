// The API: an Azure Functions app (.NET 10 isolated worker) on the Flex Consumption plan.
// - Runs as the user-assigned managed identity; every data-plane connection (host storage,
//   app storage, Azure AI Language, Application Insights, Key Vault references) uses it.
// - The deployment package lives in a blob container read with the same identity.
// - HTTPS only, TLS 1.2, FTP(S) off, basic publishing credentials off, CORS limited to the
//   add-in's origin.
// Runtime values (connection string, endpoints) come in as parameters so that the app settings
// stay plain objects in the compiled template, which the infrastructure tests inspect.

@description('Function app name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to the plan.')
param planTags object

@description('Tags applied to the site (must include azd-service-name for azd deploy).')
param siteTags object

@description('Resource ID of the user-assigned managed identity.')
param identityId string

@description('Client ID of the user-assigned managed identity.')
param identityClientId string

@description('Storage account used by the Functions host and the app.')
param storageAccountName string

@description('Blob endpoint of the storage account (https://<account>.blob.<suffix>/).')
param storageBlobEndpoint string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string (not a credential: local auth is disabled).')
param applicationInsightsConnectionString string

@description('Azure AI Language endpoint.')
param languageEndpoint string

@description('The only origin allowed to call the API from a browser: the add-in host.')
param allowedOrigin string

@description('Entra tenant of the API app registration.')
param tenantId string

@description('Client (application) ID of the API app registration.')
param apiClientId string

@description('Audience the API accepts in access tokens.')
param apiAudience string

@description('Key Vault holding the optional client secret.')
param keyVaultName string

@description('Name of the client secret in Key Vault.')
param clientSecretName string

@description('True when the operator chose a client secret instead of the federated credential.')
param useClientSecret bool

@description('Maximum instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

// Host storage (AzureWebJobsStorage) and the report queue trigger: identity-based connection.
// No FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION: Flex Consumption takes the runtime
// from functionAppConfig and rejects those settings.
var baseSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // Azure.Identity (DefaultAzureCredential / ManagedIdentityCredential) picks this identity.
  AZURE_CLIENT_ID: identityClientId
  // App storage (report queue, tables, blobs) for the app's own clients: same account, same
  // identity, in the identity-connection shape Microsoft.Extensions.Azure understands.
  Storage__AccountName: storageAccountName
  Storage__credential: 'managedidentity'
  Storage__clientId: identityClientId
  Language__Endpoint: languageEndpoint
  Language__UseManagedIdentity: 'true'
  Mailbox__Provider: 'graph'
  // Discovery of recipients' addresses on their organisations' sites (docs/found-at.md); 'false' turns it off.
  Discovery__Enabled: 'true'
  Cors__AllowedOrigin: allowedOrigin
  AzureAd__Instance: environment().authentication.loginEndpoint
  AzureAd__TenantId: tenantId
  AzureAd__ClientId: apiClientId
  AzureAd__Audience: apiAudience
}

// Default: no secret. The API (OutreachAdvisor.Identity, Microsoft.Identity.Web's setting shape) gets a signed assertion from the managed identity
// and presents it as a federated credential of the app registration (on-behalf-of to Graph).
var federatedCredentialSettings = {
  AzureAd__ClientCredentials__0__SourceType: 'SignedAssertionFromManagedIdentity'
  AzureAd__ClientCredentials__0__ManagedIdentityClientId: identityClientId
}

// Only when a secret was supplied: the setting holds a Key Vault reference, never the value.
var clientSecretSettings = {
  AzureAd__ClientCredentials__0__SourceType: 'ClientSecret'
  AzureAd__ClientCredentials__0__ClientSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${clientSecretName})'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: planTags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: siteTags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references are resolved with the user-assigned identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: {
        allowedOrigins: [
          allowedOrigin
        ]
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(baseSettings, useClientSecret ? clientSecretSettings : federatedCredentialSettings)
}

// No FTP and no basic-auth (user/password) publishing: deployments use Entra ID.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output apiBaseUrl string = 'https://${site.properties.defaultHostName}/api'
