// Key Vault in RBAC mode. The default deployment needs no secret at all: the API authenticates
// to Entra ID (on-behalf-of flow to Microsoft Graph) with a federated identity credential backed
// by the user-assigned managed identity. The vault exists for operators who choose a client
// secret instead; the secret is then stored here and the app setting only holds a
// @Microsoft.KeyVault(...) reference, resolved by the platform with the same identity
// (Key Vault Secrets User, see roles.bicep).

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Public network access. Disabled needs VNet integration and a private endpoint, which this template does not create; otherwise Key Vault references cannot be resolved.')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Enabled'

@description('Name of the secret that holds the optional Entra client secret.')
param clientSecretName string

@description('Optional Entra client secret for the API app registration. Leave empty to use the federated credential (recommended).')
@secure()
param clientSecretValue string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: publicNetworkAccess == 'Enabled' ? 'Allow' : 'Deny'
    }
  }
}

resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(clientSecretValue)) {
  parent: vault
  name: clientSecretName
  properties: {
    value: clientSecretValue
    contentType: 'Entra client secret for the OutreachAdvisor API app registration'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
