import { ApiError, isAbort } from "../api";
import { type Strings, format } from "../i18n";
import type { WeeklyPreference } from "../office/settings";
import { createPoller } from "../poller";
import { type Report, type ReportStatus, isActive, summaryOf } from "../reportContract";
import type { ReportPoll } from "../reportsApi";
import { button, h } from "./dom";
import { type ReportFormat, renderReportList, renderReportSummary, reportFormat } from "./reportView";

/** What the Reports view needs: the report routes (with the token) and the weekly choice. */
export interface ReportsDeps {
  list(signal: AbortSignal): Promise<ReportStatus[]>;
  start(since: string, idempotencyKey: string): Promise<{ status: ReportStatus; location: string }>;
  poll(location: string, signal: AbortSignal): Promise<ReportPoll>;
  schedule(weekly: boolean): Promise<void>;
  /** Opens the report page (GET {html}) outside the pane. Called synchronously from the click. */
  openHtml(html: string): Promise<void>;
  weekly: WeeklyPreference;
  /** The pause between status polls while a report is queued or running (default 5 s, or the server's Retry-After). */
  pollMs?: number;
  today?: () => Date;
}

export interface ReportsView {
  readonly element: HTMLElement;
  /** The view became visible: load the list and poll running reports. */
  show(): void;
  /** The view was hidden: stop polling and loading. */
  hide(): void;
  dispose(): void;
}

const MAX_POLL_MS = 60_000;
const DEFAULT_SINCE_DAYS = 90;

const pad = (n: number) => String(n).padStart(2, "0");
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
export function daysBefore(today: Date, days: number): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days);
  return isoDay(d);
}

/** The user-facing text for a failed report call: the server's 501 detail, sign-in, offline, or the reason. */
export function reportErrorText(error: unknown, s: Strings): string {
  if (error instanceof ApiError) {
    // Plain `outreach serve` keeps no reports: say how to make one here, not the server's settings text.
    if (error.status === 501) return s.reportsLocal;
    if (error.status === 401) return format(s.reportsSignIn, { detail: error.message });
    return format(s.reportsError, { reason: error.message });
  }
  if (error instanceof TypeError) return s.reportsOffline;
  return format(s.reportsError, { reason: error instanceof Error ? error.message : String(error) });
}

/** Errors after which polling again cannot help (until the user asks). */
const isFinal = (error: unknown) => error instanceof ApiError && [400, 401, 403, 404, 405, 410, 501].includes(error.status);

export function createReportsView(deps: ReportsDeps, s: Strings, language: string): ReportsView {
  const f: ReportFormat = reportFormat(language);
  const pollMs = deps.pollMs ?? 5000;
  const today = deps.today ?? (() => new Date());

  let reports: ReportStatus[] = [];
  const locations = new Map<string, string>();
  const finished = new Map<string, Report>();
  let visible = false;
  let loading: AbortController | undefined;
  let failures = 0;

  const message = h("p", { class: "report-message", "aria-live": "polite", "aria-atomic": "true" });
  const say = (text: string, isError = false) => {
    message.textContent = text;
    message.classList.toggle("error", isError);
  };

  // Start a new report: since-date (default 90 days ago) and the weekly opt-in.
  const since = h("input", { id: "report-since", type: "date", required: true, value: daysBefore(today(), DEFAULT_SINCE_DAYS), max: isoDay(today()) });
  const weekly = h("input", { id: "report-weekly", type: "checkbox" });
  weekly.checked = deps.weekly.get();
  const startButton = h("button", { type: "submit", class: "primary", id: "start-report" }, s.startReport);
  const form = h("form", { class: "report-start", "aria-labelledby": "new-report-heading" },
    h("h3", { id: "new-report-heading" }, s.newReportHeading),
    h("div", { class: "field" }, h("label", { for: "report-since" }, s.sinceLabel), since),
    h("div", { class: "field checkbox" }, weekly, h("label", { for: "report-weekly" }, s.weeklyLabel)),
    h("div", { class: "toolbar" }, startButton),
  );
  const refreshButton = button(s.refreshReports, () => void load(), { id: "refresh-reports" });
  const listBox = h("div", { class: "reports-list", "aria-labelledby": "reports-heading" });
  const listArea = h("div", { class: "reports-main" }, form, h("div", { class: "toolbar" }, refreshButton), listBox);
  const summaryBox = h("div", { class: "report-detail", hidden: true });
  const localHelp = h("p", { class: "report-local", hidden: true }, h("code", {}, s.reportsLocalCommand));
  const element = h("section", { class: "reports", "aria-labelledby": "reports-heading" },
    h("h2", { id: "reports-heading", tabindex: "-1" }, s.reportsHeading),
    h("p", { class: "hint" }, s.reportsIntro),
    message,
    localHelp,
    listArea,
    summaryBox,
  );

  const locationOf = (r: ReportStatus) => locations.get(r.id) ?? r.location ?? `/api/reports/${encodeURIComponent(r.id)}`;

  const openButton = (id: string) => [...listBox.querySelectorAll<HTMLElement>('[data-action="open"]')].find((b) => b.dataset.id === id);

  const renderList = () => {
    const focusedId = document.activeElement instanceof HTMLElement && listBox.contains(document.activeElement) ? document.activeElement.getAttribute("data-id") : null;
    renderReportList(listBox, reports, s, f, openReport);
    if (focusedId) openButton(focusedId)?.focus();
  };

  const upsert = (status: ReportStatus) => {
    const i = reports.findIndex((r) => r.id === status.id);
    reports = i < 0 ? [status, ...reports] : reports.map((r, j) => (j === i ? { ...r, ...status } : r));
  };

  const showUnavailable = (error: unknown) => {
    const unavailable = error instanceof ApiError && error.status === 501;
    form.hidden = unavailable;
    listBox.hidden = unavailable;
    localHelp.hidden = !unavailable;
  };

  // Polls each queued or running report, one request at a time, until none is left or the view is hidden.
  const poller = createPoller(async (signal) => {
    let wait = pollMs;
    for (const report of reports.filter(isActive)) {
      let answer: ReportPoll;
      try {
        answer = await deps.poll(locationOf(report), signal);
      } catch (error) {
        if (signal.aborted || isAbort(error)) return null;
        say(reportErrorText(error, s), true);
        if (isFinal(error)) return null;
        failures++;
        return Math.min(MAX_POLL_MS, pollMs * 2 ** failures); // back off while the server is unreachable
      }
      if (signal.aborted) return null;
      failures = 0;
      if (answer.kind === "report") {
        finished.set(report.id, answer.report);
        upsert({ ...report, status: "done", summary: summaryOf(answer.report), html: report.html ?? `${locationOf(report)}/html` });
        say(format(s.reportDoneAnnounce, { date: f.day(report.created) }));
      } else {
        upsert(answer.status);
        if (answer.status.status === "done") say(format(s.reportDoneAnnounce, { date: f.day(report.created) }));
        if (answer.status.status === "failed") say(format(s.reportFailedAnnounce, { date: f.day(report.created) }), true);
        if (answer.retryAfterMs !== undefined) wait = Math.max(wait, Math.min(answer.retryAfterMs, MAX_POLL_MS));
      }
    }
    renderList();
    return visible && reports.some(isActive) ? wait : null;
  });

  const pollIfNeeded = () => {
    if (visible && reports.some(isActive)) poller.start();
  };

  async function load(): Promise<void> {
    loading?.abort();
    const controller = new AbortController();
    loading = controller;
    refreshButton.setAttribute("aria-busy", "true");
    say(s.reportsLoading);
    try {
      reports = await deps.list(controller.signal);
      if (controller.signal.aborted) return;
      showUnavailable(null);
      renderList();
      say(reports.length === 0 ? s.noReports : format(s.reportsLoaded, { count: reports.length }));
      pollIfNeeded();
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      showUnavailable(error);
      say(reportErrorText(error, s), true);
    } finally {
      if (loading === controller) {
        loading = undefined;
        refreshButton.removeAttribute("aria-busy");
      }
    }
  }

  let starting = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (starting) return; // no second report from a double click
    const day = since.value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      say(s.sinceInvalid, true);
      since.focus();
      return;
    }
    starting = true;
    startButton.setAttribute("aria-busy", "true");
    startButton.disabled = true;
    say(s.reportStarting);
    const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    void deps
      .start(day, key)
      .then(({ status, location }) => {
        locations.set(status.id, location);
        upsert(status);
        showUnavailable(null);
        renderList();
        say(s.reportStarted);
        pollIfNeeded();
      })
      .catch((error: unknown) => {
        showUnavailable(error);
        say(reportErrorText(error, s), true);
      })
      .finally(() => {
        starting = false;
        startButton.disabled = false;
        startButton.removeAttribute("aria-busy");
      });
  });

  weekly.addEventListener("change", () => {
    const wanted = weekly.checked;
    weekly.disabled = true;
    void deps
      .schedule(wanted)
      .then(async () => {
        say(wanted ? s.weeklyOn : s.weeklyOff);
        await deps.weekly.set(wanted).catch(() => undefined);
      })
      .catch((error: unknown) => {
        weekly.checked = !wanted;
        say(reportErrorText(error, s), true);
      })
      .finally(() => (weekly.disabled = false));
  });

  const closeSummary = () => {
    summaryBox.hidden = true;
    summaryBox.replaceChildren();
    listArea.hidden = false;
  };

  const showSummary = (status: ReportStatus, report: Report) => {
    const html = status.html ?? `${locationOf(status)}/html`;
    renderReportSummary(summaryBox, report, s, f, {
      openFull: () => void deps.openHtml(html).catch((error: unknown) => say(reportErrorText(error, s), true)),
      back: () => {
        closeSummary();
        openButton(status.id)?.focus();
      },
    });
    listArea.hidden = true;
    summaryBox.hidden = false;
    say("");
    summaryBox.querySelector<HTMLElement>("#summary-heading")?.focus();
  };

  function openReport(status: ReportStatus): void {
    const cached = finished.get(status.id);
    if (cached) {
      showSummary(status, cached);
      return;
    }
    say(s.reportOpening);
    const controller = new AbortController();
    loading?.abort();
    loading = controller;
    void deps
      .poll(locationOf(status), controller.signal)
      .then((answer) => {
        if (controller.signal.aborted) return;
        if (answer.kind === "report") {
          finished.set(status.id, answer.report);
          showSummary(status, answer.report);
        } else {
          upsert(answer.status);
          renderList();
          pollIfNeeded();
        }
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) say(reportErrorText(error, s), true);
      })
      .finally(() => {
        if (loading === controller) loading = undefined;
      });
  }

  return {
    element,
    show() {
      if (visible) return;
      visible = true;
      if (summaryBox.hidden) void load();
      else pollIfNeeded();
    },
    hide() {
      visible = false;
      poller.stop();
      loading?.abort();
      loading = undefined;
      refreshButton.removeAttribute("aria-busy");
    },
    dispose() {
      this.hide();
    },
  };
}
