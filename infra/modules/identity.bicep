// The one identity the Functions app runs as. A user-assigned identity (not system-assigned) so
// that role assignments, the Flex deployment-storage authentication and the Entra federated
// credential can all be set up before or independently of the function app itself.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
