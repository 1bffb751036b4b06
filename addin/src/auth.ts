import type { IPublicClientApplication } from "@azure/msal-browser";
import { config, signInConfigured } from "./config";

let pca: Promise<IPublicClientApplication> | undefined;

/**
 * An access token for the API through nested app authentication (NAA: Outlook brokers the token),
 * or null when no client id / scope is configured (local use with `outreach serve`). MSAL is loaded
 * only when needed. `interactive: false` (the on-send handler: an event runtime can show no pop-up)
 * gives null instead of asking the user.
 */
export async function getApiToken(options: { interactive: boolean } = { interactive: true }): Promise<string | null> {
  if (!signInConfigured()) return null;
  const msal = await import("@azure/msal-browser");
  pca ??= msal.createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });
  const app = await pca;
  const request = { scopes: [config.apiScope] };
  try {
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    return (await app.acquireTokenSilent({ ...request, account })).accessToken;
  } catch {
    if (!options.interactive) return null;
    return (await app.acquireTokenPopup(request)).accessToken;
  }
}
