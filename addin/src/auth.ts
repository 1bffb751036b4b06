import type { IPublicClientApplication } from "@azure/msal-browser";
import { config } from "./config";

/**
 * An access token for the API through nested app authentication (NAA), or null when no client
 * id / scope is configured (local use with `outreach serve`). MSAL is loaded only when needed.
 */
let pca: Promise<IPublicClientApplication> | undefined;

export async function getApiToken(): Promise<string | null> {
  if (!config.clientId || !config.apiScope) return null;
  const msal = await import("@azure/msal-browser");
  pca ??= msal.createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: "https://login.microsoftonline.com/common" },
  });
  const app = await pca;
  const request = { scopes: [config.apiScope] };
  try {
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    return (await app.acquireTokenSilent({ ...request, account })).accessToken;
  } catch {
    return (await app.acquireTokenPopup(request)).accessToken;
  }
}
