// Azure AI Language (kind TextAnalytics). Keys are disabled: the app calls the custom-subdomain
// endpoint with an Entra token from its managed identity (Cognitive Services Language Reader,
// see roles.bicep). A custom subdomain is required for Entra authentication.

@description('Account name; also used as the custom subdomain, so it must be globally unique.')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Pricing tier. F0 is free but allowed once per subscription; S is pay-as-you-go.')
@allowed([
  'F0'
  'S'
])
param skuName string = 'S'

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}

output name string = language.name
output endpoint string = language.properties.endpoint
