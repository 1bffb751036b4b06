import { type CallInit, type CallOptions, callApi } from "./http";
import type { Report, ReportStatus } from "./reportContract";
import { isStatusBody } from "./reportContract";

/** Where and as whom the report routes are called. */
export interface ReportsApiOptions extends CallOptions {
  apiBase: string;
}

/** GET {location} answers the status while the report runs, the report once it is done. */
export type ReportPoll =
  | { kind: "status"; status: ReportStatus; retryAfterMs?: number }
  | { kind: "report"; report: Report };

/** "/api/reports/x" (a Location or a body's location) as a URL under apiBase; absolute URLs stay as they are. */
export function reportUrl(apiBase: string, location: string): string {
  return /^https?:\/\//i.test(location) ? location : `${apiBase}${location.startsWith("/") ? "" : "/"}${location}`;
}

/** One HTTP call with the add-in's headers, abort and timeout (src/http.ts); rejects with ApiError on a non-2xx answer. */
function call(url: string, options: ReportsApiOptions, init: CallInit): Promise<Response> {
  return callApi(url, options, init, async (response) => response);
}

/** GET /api/reports: the caller's reports, newest first. */
export async function listReports(options: ReportsApiOptions): Promise<ReportStatus[]> {
  const response = await call(`${options.apiBase}/api/reports`, options, { method: "GET" });
  const body = (await response.json()) as { reports?: ReportStatus[] };
  return Array.isArray(body.reports) ? body.reports : [];
}

/**
 * POST /api/reports: 202 with the report's status and its Location. The Idempotency-Key makes a
 * retry of the same click the same report.
 */
export async function startReport(
  request: { since: string; includeBodies: boolean },
  options: ReportsApiOptions & { idempotencyKey?: string },
): Promise<{ status: ReportStatus; location: string }> {
  const headers: Record<string, string> = options.idempotencyKey ? { "Idempotency-Key": options.idempotencyKey } : {};
  const response = await call(`${options.apiBase}/api/reports`, options, { method: "POST", body: request, headers });
  const status = (await response.json()) as ReportStatus;
  const location = response.headers.get("Location") ?? status.location ?? `/api/reports/${encodeURIComponent(status.id)}`;
  return { status: { ...status, location: status.location ?? location }, location };
}

/** GET {location}: the status (with the server's Retry-After) while not done, the report once done. */
export async function pollReport(location: string, options: ReportsApiOptions): Promise<ReportPoll> {
  const response = await call(reportUrl(options.apiBase, location), options, { method: "GET" });
  const body = (await response.json()) as unknown;
  if (!isStatusBody(body)) return { kind: "report", report: body as Report };
  const seconds = Number(response.headers.get("Retry-After"));
  return { kind: "status", status: body, ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}) };
}

/** POST /api/reports/schedule: opt in to or out of the weekly report. */
export async function scheduleWeekly(weekly: boolean, options: ReportsApiOptions): Promise<void> {
  await call(`${options.apiBase}/api/reports/schedule`, options, { method: "POST", body: { weekly } });
}

/** GET {html}: the report page's text (used when the page needs the bearer token, which a new window cannot send). */
export async function fetchReportHtml(html: string, options: ReportsApiOptions): Promise<string> {
  const response = await call(reportUrl(options.apiBase, html), options, { method: "GET", accept: "text/html" });
  return response.text();
}
