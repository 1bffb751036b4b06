/** Build-time settings (Vite env). apiBase "" means the API is on the add-in's own origin. */
const tenant = (import.meta.env.VITE_AAD_TENANT_ID ?? "").trim();

export const config = {
  apiBase: (import.meta.env.VITE_API_BASE_URL ?? "").replace(/\/+$/, ""),
  clientId: import.meta.env.VITE_AAD_CLIENT_ID ?? "",
  apiScope: import.meta.env.VITE_API_SCOPE ?? "",
  /**
   * The tenant's authority: a single-tenant registration refuses /common (AADSTS50194). Set
   * VITE_AAD_TENANT_ID to the tenant id, or to "organizations" / "common" for a multi-tenant registration.
   */
  authority: `${(import.meta.env.VITE_AAD_INSTANCE ?? "https://login.microsoftonline.com").replace(/\/+$/, "")}/${tenant || "organizations"}`,
};

export const signInConfigured = () => Boolean(config.clientId && config.apiScope);
