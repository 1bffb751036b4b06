// Log Analytics workspace + workspace-based Application Insights, both with local (key) auth
// disabled: telemetry is accepted only with an Entra token, which the app gets from its
// user-assigned identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING) and the Monitoring Metrics
// Publisher role (see roles.bicep).

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Azure region.')
param location string

@description('Tags applied to both resources.')
param tags object

@description('Days to keep logs in the workspace.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Ingestion needs an Entra token; the instrumentation key inside the connection string
    // identifies the component but can no longer be used on its own to send telemetry.
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = applicationInsights.name
// The connection string only locates the ingestion endpoint; with DisableLocalAuth it is not a
// credential (Microsoft documents it as non-secret).
output connectionString string = applicationInsights.properties.ConnectionString
output workspaceName string = workspace.name
