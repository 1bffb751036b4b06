import { analyze, fetchRules } from "../api";
import { getApiToken } from "../auth";
import { config } from "../config";
import { openPage, showHtmlInWindow } from "../office/browser";
import { officeDraft } from "../office/draft";
import { createWeeklyPreference, roamingStore } from "../office/settings";
import { uiLanguage } from "../i18n";
import { loadRuleBook } from "../rules";
import { type ReportsApiOptions, fetchReportHtml, listReports, pollReport, reportUrl, scheduleWeekly, startReport } from "../reportsApi";
import type { TaskPaneDeps } from "./app";
import type { ReportsDeps } from "./reports";

/** The report routes with the user's token (none for local use). */
function reportsDeps(displayLanguage: string): ReportsDeps {
  const options = async (signal?: AbortSignal): Promise<ReportsApiOptions> => ({
    apiBase: config.apiBase,
    language: displayLanguage,
    token: await getApiToken(),
    signal,
    timeoutMs: 15000,
  });
  return {
    list: async (signal) => listReports(await options(signal)),
    start: async (since, idempotencyKey) => startReport({ since, includeBodies: false }, { ...(await options()), idempotencyKey }),
    poll: async (location, signal) => pollReport(location, await options(signal)),
    schedule: async (weekly) => scheduleWeekly(weekly, await options()),
    async openHtml(html) {
      // Without sign-in the page opens by its URL; with sign-in a new window could not send the
      // token, so the page is fetched here and shown from memory (in a window opened now, during the click).
      if (!config.clientId || !config.apiScope) {
        openPage(reportUrl(config.apiBase, html));
        return;
      }
      const win = window.open("", "_blank");
      try {
        showHtmlInWindow(win, await fetchReportHtml(html, await options()));
      } catch (error) {
        win?.close();
        throw error;
      }
    },
    weekly: createWeeklyPreference(roamingStore()),
  };
}

/** The task pane's dependencies backed by the global Office object (real Office.js or the stand-in). */
export function officeDeps(): TaskPaneDeps {
  const displayLanguage = Office.context.displayLanguage ?? "en-US";
  return {
    draft: officeDraft(),
    roaming: roamingStore(),
    displayLanguage,
    async analyze(request, signal) {
      const token = await getApiToken();
      return analyze(request, { apiBase: config.apiBase, language: displayLanguage, token, signal, timeoutMs: 15000 });
    },
    // The catalogue needs no sign-in; a slow or missing one falls back to the built-in copy.
    rules: () => loadRuleBook(uiLanguage(displayLanguage), () => fetchRules({ apiBase: config.apiBase, language: uiLanguage(displayLanguage), timeoutMs: 3000 })),
    openPage,
    reports: reportsDeps(displayLanguage),
  };
}
