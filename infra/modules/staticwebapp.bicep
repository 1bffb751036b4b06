// Azure Static Web Apps hosts the Outlook add-in's static files (task pane, on-send handler,
// manifest icons). A storage static website would need a second account with shared keys for
// the upload tooling; Static Web Apps needs no storage keys, serves HTTPS on a stable host name
// and is deployed by azd (service "addin") or the SWA CLI.

@description('Static Web App name.')
param name string

@description('Region for the Static Web App resource (only some regions host the management resource; content is served globally).')
@allowed([
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
  'eastasia'
])
param location string

@description('Tags applied to the site (must include azd-service-name for azd deploy).')
param tags object

@description('Free or Standard tier.')
@allowed([
  'Free'
  'Standard'
])
param skuName string = 'Free'

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
  }
  properties: {
    // Content is uploaded by azd or the SWA CLI with the deployment token, not built from a
    // linked repository ('Custom', as in the azd core templates).
    provider: 'Custom'
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output defaultHostname string = site.properties.defaultHostname
output url string = 'https://${site.properties.defaultHostname}'
