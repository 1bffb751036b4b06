import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stringsFor } from "../../src/i18n";
import type { Report, ReportStatus } from "../../src/reportContract";
import { type ReportsApiOptions, fetchReportHtml, listReports, pollReport, scheduleWeekly, startReport } from "../../src/reportsApi";
import { type ReportsDeps, createReportsView, daysBefore } from "../../src/taskpane/reports";

// The view on the real HTTP client, with fetch mocked: routes are "METHOD path" -> answer.
type Answer = Response | (() => Response) | Error;
function mockFetch(routes: Record<string, Answer | Answer[]>) {
  const calls: { method: string; url: string; body?: unknown; headers: Record<string, string> }[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? "GET";
    calls.push({ method, url, body: init.body ? JSON.parse(init.body as string) : undefined, headers: (init.headers ?? {}) as Record<string, string> });
    const route = routes[`${method} ${url}`];
    const answer = Array.isArray(route) ? (route.length > 1 ? route.shift() : route[0]) : route;
    if (answer === undefined) return json({ title: "Not Found" }, 404);
    if (answer instanceof Error) throw answer;
    return typeof answer === "function" ? answer() : answer.clone();
  });
  vi.stubGlobal("fetch", fetchMock);
  return { calls, fetchMock };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", ...headers } });

const status = (id: string, state: ReportStatus["status"], extra: Partial<ReportStatus> = {}): ReportStatus => ({
  id,
  status: state,
  since: "2026-08-28",
  includeBodies: false,
  trigger: "user",
  created: "2026-11-26T09:30:00Z",
  location: `/api/reports/${id}`,
  ...(state === "done" ? { html: `/api/reports/${id}/html` } : {}),
  ...extra,
});

const SUMMARY = { sentMessages: 1840, outreachMessages: 212, replied: 31, replyRate: 0.146, averageScore: 71.5 };

const report = (subject = "Quick question"): Report => ({
  me: "ann@lee.example",
  from: "2026-08-28",
  to: "2026-11-26",
  ...SUMMARY,
  rules: [
    { rule: "mutual-benefit", fired: 120, repliedWhenFired: 9, notFired: 92, repliedWhenNotFired: 22 },
    { rule: "personal-greeting", fired: 40, repliedWhenFired: 2, notFired: 172, repliedWhenNotFired: 29 },
  ],
  templates: [],
  weeks: [],
  weakest: [{ subject, to: "jane@shape.example", sent: "2026-10-02", score: 22, rules: ["personal-greeting", "mutual-benefit"] }],
});

const NOT_AVAILABLE = "Reports need storage and sign-in: set Storage:ConnectionString (or Storage:AccountName) and the AzureAd settings.";
const problem501 = () => json({ type: "https://httpstatuses.io/501", title: "Reports are not available here.", status: 501, detail: NOT_AVAILABLE }, 501);

function weeklyMemory(initial = false) {
  let value = initial;
  return { get: () => value, set: vi.fn(async (v: boolean) => void (value = v)) };
}

/** ReportsDeps as deps.ts builds them, without Office and sign-in. */
function deps(extra: Partial<ReportsDeps> = {}): ReportsDeps & { opened: string[] } {
  const options = (signal?: AbortSignal): ReportsApiOptions => ({ apiBase: "https://api.example", language: "en-US", token: "t0k", signal });
  const opened: string[] = [];
  return {
    opened,
    list: (signal) => listReports(options(signal)),
    start: (since, key) => startReport({ since, includeBodies: false }, { ...options(), idempotencyKey: key }),
    poll: (location, signal) => pollReport(location, options(signal)),
    schedule: (weekly) => scheduleWeekly(weekly, options()),
    openHtml: async (html) => void opened.push(html),
    weekly: weeklyMemory(),
    today: () => new Date(2026, 10, 26),
    ...extra,
  };
}

const BASE = "https://api.example";

describe("Reports view", () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement("main");
    document.body.replaceChildren(root);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  function open(d: ReportsDeps = deps(), language = "en-US") {
    const view = createReportsView(d, stringsFor(language), language === "it-IT" ? "it" : "en");
    root.append(view.element);
    view.show();
    return view;
  }
  const message = () => root.querySelector(".report-message")?.textContent ?? "";

  it("lists the reports newest first with date, status and the summary numbers", async () => {
    mockFetch({
      [`GET ${BASE}/api/reports`]: json({ reports: [status("r2", "done", { summary: SUMMARY }), status("r1", "failed", { error: "Graph said no" }), status("r0", "queued")] }),
      [`GET ${BASE}/api/reports/r0`]: json(status("r0", "queued")),
    });
    const view = open();
    await vi.waitFor(() => expect(root.querySelectorAll(".report")).toHaveLength(3));
    const [done, failed, queued] = [...root.querySelectorAll<HTMLElement>(".report")];
    expect(done.dataset.status).toBe("done");
    expect(done.textContent).toContain("Report of Nov 26, 2026");
    expect(done.textContent).toContain("Done");
    expect(done.querySelector('[data-field="outreachMessages"]')?.textContent).toBe("Outreach messages: 212");
    expect(done.querySelector('[data-field="replyRate"]')?.textContent).toBe("Reply rate: 14.6%");
    expect(done.querySelector('[data-field="averageScore"]')?.textContent).toBe("Average score: 71.5");
    expect(done.querySelector<HTMLButtonElement>('button[data-action="open"]')?.getAttribute("aria-label")).toBe("Open the report of Nov 26, 2026");
    expect(failed.querySelector(".report-error")?.textContent).toBe("Graph said no");
    expect(failed.querySelector('[data-action="open"]')).toBeNull();
    expect(queued.textContent).toContain("Queued");
    expect(message()).toBe("3 reports.");
    view.dispose();
  });

  it("starts a report from the since-date (90 days ago by default): 202, then polls the Location", async () => {
    vi.useFakeTimers();
    const { calls } = mockFetch({
      [`GET ${BASE}/api/reports`]: json({ reports: [] }),
      [`POST ${BASE}/api/reports`]: json(status("new1", "queued"), 202, { Location: "/api/reports/new1" }),
      [`GET ${BASE}/api/reports/new1`]: json(status("new1", "running"), 200, { "Retry-After": "5" }),
    });
    open(deps({ pollMs: 5000 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(root.querySelector(".reports-list")?.textContent).toBe("No reports yet.");
    const since = root.querySelector<HTMLInputElement>("#report-since");
    expect(since?.value).toBe(daysBefore(new Date(2026, 10, 26), 90));
    expect(since?.value).toBe("2026-08-28");
    root.querySelector("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.advanceTimersByTimeAsync(0);
    const post = calls.find((c) => c.method === "POST");
    expect(post?.body).toEqual({ since: "2026-08-28", includeBodies: false });
    expect(post?.headers["Idempotency-Key"]).toMatch(/.+/);
    expect(post?.headers.Authorization).toBe("Bearer t0k");
    expect(root.querySelector('.report[data-id="new1"]')).not.toBeNull();
    expect(message()).toContain("Report started");
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.filter((c) => c.url === `${BASE}/api/reports/new1`)).toHaveLength(1);
    expect(root.querySelector<HTMLElement>('.report[data-id="new1"]')?.dataset.status).toBe("running");
  });

  it("polls a running report every few seconds and stops once it is done", async () => {
    vi.useFakeTimers();
    const { calls } = mockFetch({
      [`GET ${BASE}/api/reports`]: json({ reports: [status("r1", "running")] }),
      [`GET ${BASE}/api/reports/r1`]: [json(status("r1", "running")), json(status("r1", "running")), json(report())],
    });
    open(deps({ pollMs: 3000 }));
    const polls = () => calls.filter((c) => c.url === `${BASE}/api/reports/r1`).length;
    await vi.advanceTimersByTimeAsync(0);
    expect(polls()).toBe(1);
    await vi.advanceTimersByTimeAsync(2999);
    expect(polls()).toBe(1); // no storm: one request per period
    await vi.advanceTimersByTimeAsync(1);
    expect(polls()).toBe(2);
    await vi.advanceTimersByTimeAsync(3000);
    expect(polls()).toBe(3);
    const row = root.querySelector<HTMLElement>('.report[data-id="r1"]');
    expect(row?.dataset.status).toBe("done");
    expect(row?.querySelector('[data-field="replyRate"]')?.textContent).toBe("Reply rate: 14.6%");
    expect(message()).toContain("is ready");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polls()).toBe(3);
  });

  it("stops polling while the view is hidden and resumes when it is shown", async () => {
    vi.useFakeTimers();
    const { calls } = mockFetch({
      [`GET ${BASE}/api/reports`]: json({ reports: [status("r1", "queued")] }),
      [`GET ${BASE}/api/reports/r1`]: json(status("r1", "queued")),
    });
    const view = open(deps({ pollMs: 2000 }));
    await vi.advanceTimersByTimeAsync(0);
    const polls = () => calls.filter((c) => c.url === `${BASE}/api/reports/r1`).length;
    expect(polls()).toBe(1);
    view.hide();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(polls()).toBe(1);
    view.show();
    await vi.advanceTimersByTimeAsync(0);
    expect(polls()).toBe(2);
    view.dispose();
  });

  it("says how to make a report locally when the server keeps none (501), not the server's settings text", async () => {
    mockFetch({ [`GET ${BASE}/api/reports`]: problem501() });
    open();
    await vi.waitFor(() => expect(message()).toBe("This server keeps no reports. To make a report of your sent mail on this computer, run:"));
    expect(root.textContent).not.toContain(NOT_AVAILABLE);
    expect(root.querySelector<HTMLElement>(".report-local")?.hidden).toBe(false);
    expect(root.querySelector(".report-local code")?.textContent).toMatch(/^outreach report --mailbox /);
    expect(root.querySelector(".report-message")?.classList.contains("error")).toBe(true);
    expect(root.querySelector<HTMLElement>(".report-start")?.hidden).toBe(true);
  });

  it("says sign-in is needed on a 401 and that the service is unreachable on a network error", async () => {
    mockFetch({ [`GET ${BASE}/api/reports`]: [json({ title: "Unauthorized", status: 401, detail: "sign-in required" }, 401), new TypeError("Failed to fetch")] });
    open();
    await vi.waitFor(() => expect(message()).toBe("Sign in to see your reports. (sign-in required)"));
    root.querySelector<HTMLButtonElement>("#refresh-reports")?.click();
    await vi.waitFor(() => expect(message()).toBe("The report service cannot be reached. Try again later."));
  });

  it("shows a 501 from Start report too", async () => {
    mockFetch({ [`GET ${BASE}/api/reports`]: json({ reports: [] }), [`POST ${BASE}/api/reports`]: problem501() });
    open();
    await vi.waitFor(() => expect(message()).toBe("No reports yet."));
    root.querySelector("form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.waitFor(() => expect(message()).toContain("This server keeps no reports."));
  });

  it("opens a done report as a summary: bars per rule, the weakest messages as text (a <script> subject stays text)", async () => {
    const subject = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    mockFetch({
      [`GET ${BASE}/api/reports`]: json({ reports: [status("r1", "done", { summary: SUMMARY })] }),
      [`GET ${BASE}/api/reports/r1`]: json(report(subject)),
    });
    const d = deps();
    open(d);
    await vi.waitFor(() => expect(root.querySelector('[data-action="open"]')).not.toBeNull());
    root.querySelector<HTMLButtonElement>('[data-action="open"]')?.click();
    await vi.waitFor(() => expect(root.querySelector(".report-summary")).not.toBeNull());
    const summary = root.querySelector(".report-summary") as HTMLElement;
    expect(summary.querySelector("script")).toBeNull();
    expect(summary.querySelector("img")).toBeNull();
    expect(summary.querySelector(".weak-subject")?.textContent).toBe(subject);
    expect(summary.querySelector(".weak-message")?.textContent).toContain("to jane@shape.example, Oct 2, 2026, score 22");
    expect(document.activeElement?.id).toBe("summary-heading");
    expect(summary.querySelector("#summary-heading")?.textContent).toBe("Report: Aug 28, 2026 to Nov 26, 2026");
    const benefit = summary.querySelector('[data-rule="mutual-benefit"]') as HTMLElement;
    expect(benefit.querySelector(".bar-fired .bar-value")?.textContent).toBe("7.5% (9 of 120)");
    expect(benefit.querySelector<HTMLElement>(".bar-fired .bar-fill")?.style.width).toBe("8%");
    expect(benefit.querySelector(".bar-not-fired .bar-value")?.textContent).toBe("23.9% (22 of 92)");
    expect(benefit.querySelector(".bar")?.getAttribute("aria-hidden")).toBe("true");
    expect(summary.querySelector('[data-field="replyRate"]')?.textContent).toBe("14.6%");
    summary.querySelector<HTMLButtonElement>('[data-action="open-full"]')?.click();
    expect(d.opened).toEqual(["/api/reports/r1/html"]);
    summary.querySelector<HTMLButtonElement>('[data-action="back"]')?.click();
    expect(root.querySelector(".report-summary")).toBeNull();
    expect(document.activeElement?.getAttribute("data-id")).toBe("r1");
  });

  it("opts in to the weekly report and remembers it", async () => {
    const { calls } = mockFetch({ [`GET ${BASE}/api/reports`]: json({ reports: [] }), [`POST ${BASE}/api/reports/schedule`]: json({ weekly: true }) });
    const weekly = weeklyMemory(false);
    open(deps({ weekly }));
    await vi.waitFor(() => expect(message()).toBe("No reports yet."));
    const box = root.querySelector<HTMLInputElement>("#report-weekly") as HTMLInputElement;
    expect(box.checked).toBe(false);
    box.checked = true;
    box.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(weekly.set).toHaveBeenCalledWith(true));
    expect(calls.find((c) => c.url.endsWith("/schedule"))?.body).toEqual({ weekly: true });
    expect(message()).toBe("You will get a report every week.");
  });

  it("speaks Italian for it-IT", async () => {
    mockFetch({ [`GET ${BASE}/api/reports`]: json({ reports: [status("r1", "done", { summary: SUMMARY })] }) });
    open(deps(), "it-IT");
    await vi.waitFor(() => expect(root.querySelector(".report")).not.toBeNull());
    expect(root.querySelector("#reports-heading")?.textContent).toBe("I tuoi report della posta inviata");
    expect(root.querySelector("#start-report")?.textContent).toBe("Crea il report");
    expect(root.querySelector('label[for="report-weekly"]')?.textContent).toBe("Inviami un report ogni settimana");
    expect(root.querySelector(".report-state")?.textContent).toBe("Pronto");
    expect(root.querySelector('[data-field="replyRate"]')?.textContent).toBe("Tasso di risposta: 14,6%");
    expect(root.querySelector('[data-action="open"]')?.textContent).toBe("Apri");
  });
});

describe("report routes client", () => {
  afterEach(() => vi.unstubAllGlobals());
  const options: ReportsApiOptions = { apiBase: "", language: "it-IT" };

  it("returns the Location of a 202 and sends no Authorization without a token", async () => {
    const { calls } = mockFetch({ "POST /api/reports": json(status("a1", "queued"), 202, { Location: "/api/reports/a1" }) });
    const started = await startReport({ since: "2026-01-01", includeBodies: false }, options);
    expect(started.location).toBe("/api/reports/a1");
    expect(started.status.status).toBe("queued");
    expect(calls[0].headers).not.toHaveProperty("Authorization");
    expect(calls[0].headers["Accept-Language"]).toBe("it-IT");
  });

  it("tells a status from the finished report, with the server's Retry-After", async () => {
    mockFetch({ "GET /api/reports/a1": [json(status("a1", "running"), 200, { "Retry-After": "7" }), json(report())] });
    expect(await pollReport("/api/reports/a1", options)).toMatchObject({ kind: "status", retryAfterMs: 7000 });
    expect(await pollReport("/api/reports/a1", options)).toMatchObject({ kind: "report", report: { outreachMessages: 212 } });
  });

  it("rejects with the problem detail and status (501)", async () => {
    mockFetch({ "GET /api/reports": problem501() });
    await expect(listReports(options)).rejects.toMatchObject({ status: 501, message: NOT_AVAILABLE });
  });

  it("fetches the report page as text", async () => {
    mockFetch({ "GET https://api.example/api/reports/a1/html": () => new Response("<h1>Report</h1>", { headers: { "Content-Type": "text/html" } }) });
    expect(await fetchReportHtml("/api/reports/a1/html", { ...options, apiBase: "https://api.example", token: "t" })).toBe("<h1>Report</h1>");
  });
});
