#!/bin/sh
# azd postprovision hook: prints the Entra ID steps that Bicep cannot perform, filled in with the
# values of the environment azd just provisioned (azd exports the Bicep outputs as variables).
# It changes nothing itself. See docs/deployment.md, "Entra ID".
set -eu

: "${OUTREACH_API_CLIENT_ID:?set it with: azd env set OUTREACH_API_CLIENT_ID <app client id>}"
: "${AZURE_TENANT_ID:?missing provision output}"
: "${MANAGED_IDENTITY_PRINCIPAL_ID:?missing provision output}"
: "${ADDIN_HOSTNAME:?missing provision output}"
: "${API_AUDIENCE:?missing provision output}"

cat <<STEPS

OutreachAdvisor: finish the Entra app registration (once per environment)

1. Trust the function app's managed identity as a federated credential (no client secret):
   az ad app federated-credential create --id ${OUTREACH_API_CLIENT_ID} --parameters '{
     "name": "outreach-api-managed-identity",
     "issuer": "https://login.microsoftonline.com/${AZURE_TENANT_ID}/v2.0",
     "subject": "${MANAGED_IDENTITY_PRINCIPAL_ID}",
     "audiences": ["api://AzureADTokenExchange"],
     "description": "OutreachAdvisor API on-behalf-of flow to Microsoft Graph"
   }'

2. Application ID URI and nested app authentication redirect URI:
   az ad app update --id ${OUTREACH_API_CLIENT_ID} --identifier-uris ${API_AUDIENCE}
   (then add the SPA redirect URI brk-multihub://${ADDIN_HOSTNAME} as shown in docs/deployment.md)

3. Produce the add-in manifest for https://${ADDIN_HOSTNAME} (docs/deployment.md, "Add-in manifest").

STEPS
