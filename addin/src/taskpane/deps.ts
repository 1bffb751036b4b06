import { analyze } from "../api";
import { getApiToken } from "../auth";
import { config } from "../config";
import { officeDraft } from "../office/draft";
import { createSuppressions, roamingStore } from "../office/settings";
import type { TaskPaneDeps } from "./app";

/** The task pane's dependencies backed by the global Office object (real Office.js or the stand-in). */
export function officeDeps(): TaskPaneDeps {
  const displayLanguage = Office.context.displayLanguage ?? "en-US";
  return {
    draft: officeDraft(),
    suppressions: createSuppressions(roamingStore()),
    displayLanguage,
    async analyze(request, signal) {
      const token = await getApiToken();
      return analyze(request, { apiBase: config.apiBase, language: displayLanguage, token, signal, timeoutMs: 15000 });
    },
  };
}
