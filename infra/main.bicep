// OutreachAdvisor: infrastructure for the API (Azure Functions, Flex Consumption) and the
// Outlook add-in (Azure Static Web Apps). Deployed by the Azure Developer CLI (`azd up`, see
// azure.yaml) or by `az deployment sub create` (see docs/deployment.md).
//
// Security model in one paragraph: one user-assigned managed identity runs the app and reaches
// every Azure service with Entra ID (storage with shared keys off, Language and Application
// Insights with local auth off). The on-behalf-of flow to Microsoft Graph uses the same identity
// as a federated identity credential of the API's Entra app registration, so no client secret
// exists by default. Bicep cannot create Entra app registrations offline (the Microsoft Graph
// Bicep extension comes from a registry), so the app registration's client ID is a parameter and
// the federated credential is added with `az ad app federated-credential create` afterwards.

targetScope = 'subscription'

@description('azd environment name; used in resource names and tags.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Primary Azure region for all resources (must offer Flex Consumption).')
@minLength(1)
param location string

@description('Region of the Static Web App management resource (content is served globally).')
@allowed([
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
  'eastasia'
])
param staticWebAppLocation string = 'westeurope'

@description('Resource group name; empty means rg-<environmentName>.')
param resourceGroupName string = ''

@description('Client (application) ID of the OutreachAdvisor API app registration in Entra ID.')
@minLength(36)
@maxLength(36)
param apiClientId string

@description('Entra tenant of the app registration.')
param tenantId string = subscription().tenantId

@description('Audience the API accepts; empty means api://<add-in host>/<apiClientId>.')
param apiAudience string = ''

@description('Origin allowed by CORS (the add-in host, e.g. https://addin.example.com); empty means the Static Web App URL.')
param addinOrigin string = ''

@description('Optional client secret of the API app registration, stored in Key Vault. Leave empty to use the managed identity as a federated credential (recommended).')
@secure()
param apiClientSecret string = ''

@description('Key Vault public network access.')
@allowed([
  'Enabled'
  'Disabled'
])
param keyVaultPublicNetworkAccess string = 'Enabled'

@description('Azure AI Language tier.')
@allowed([
  'F0'
  'S'
])
param languageSku string = 'S'

@description('Static Web Apps tier.')
@allowed([
  'Free'
  'Standard'
])
param staticWebAppSku string = 'Free'

@description('Maximum Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'outreach-advisor'
}
// Names are computed here, at compile time, so that modules receive them as plain values
// (What-If can then predict the role assignments precisely).
var names = {
  identity: 'id-${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  storage: 'st${resourceToken}'
  language: 'lang-${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  staticWebApp: 'swa-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
}
var clientSecretName = 'api-client-secret'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: 'deployment-package'
  }
}

module language 'modules/language.bicep' = {
  name: 'language'
  scope: rg
  params: {
    name: names.language
    location: location
    tags: tags
    skuName: languageSku
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    publicNetworkAccess: keyVaultPublicNetworkAccess
    clientSecretName: clientSecretName
    clientSecretValue: apiClientSecret
  }
}

module addin 'modules/staticwebapp.bicep' = {
  name: 'addin'
  scope: rg
  params: {
    name: names.staticWebApp
    location: staticWebAppLocation
    tags: union(tags, { 'azd-service-name': 'addin' })
    skuName: staticWebAppSku
  }
}

var effectiveOrigin = !empty(addinOrigin) ? addinOrigin : addin.outputs.url
var effectiveAudience = !empty(apiAudience) ? apiAudience : 'api://${addin.outputs.defaultHostname}/${apiClientId}'

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    identityName: names.identity
    storageAccountName: names.storage
    languageAccountName: names.language
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
  }
  dependsOn: [
    identity
    storage
    language
    keyVault
    monitoring
  ]
}

module api 'modules/functionapp.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    planTags: tags
    siteTags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    languageEndpoint: language.outputs.endpoint
    allowedOrigin: effectiveOrigin
    tenantId: tenantId
    apiClientId: apiClientId
    apiAudience: effectiveAudience
    keyVaultName: keyVault.outputs.name
    clientSecretName: clientSecretName
    useClientSecret: !empty(apiClientSecret)
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // Start the app only once its identity can reach storage and the other services.
  dependsOn: [
    roles
  ]
}

// Upper-case outputs become azd environment values (azd env get-values).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output API_BASE_URL string = api.outputs.apiBaseUrl
output ADDIN_URL string = addin.outputs.url
output ADDIN_HOSTNAME string = addin.outputs.defaultHostname
output API_AUDIENCE string = effectiveAudience
output FUNCTION_APP_NAME string = api.outputs.name
output STATIC_WEB_APP_NAME string = addin.outputs.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output LANGUAGE_ENDPOINT string = language.outputs.endpoint
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output KEY_VAULT_NAME string = keyVault.outputs.name
