/** Build-time settings (Vite env). apiBase "" means the API is on the add-in's own origin. */
export const config = {
  apiBase: (import.meta.env.VITE_API_BASE_URL ?? "").replace(/\/+$/, ""),
  clientId: import.meta.env.VITE_AAD_CLIENT_ID ?? "",
  apiScope: import.meta.env.VITE_API_SCOPE ?? "",
};
