import { isAbort } from "../api";
import { writeCachedAnalysis } from "../cache";
import type { AnalysisRequest, AnalysisResult, Finding, Recipient } from "../contract";
import { applyFix } from "../fixes";
import { draftHash } from "../hash";
import { type Strings, format, stringsFor, uiLanguage } from "../i18n";
import type { ComposeDraft } from "../office/draft";
import { readRequest } from "../office/draft";
import type { Suppressions } from "../office/settings";
import { createScheduler } from "../scheduler";
import { button, h } from "./dom";
import { type ReportsDeps, type ReportsView, createReportsView } from "./reports";
import { createTabs } from "./tabs";
import { renderResult } from "./view";

export interface TaskPaneDeps {
  draft: ComposeDraft;
  suppressions: Suppressions;
  displayLanguage: string;
  analyze(request: AnalysisRequest, signal: AbortSignal): Promise<AnalysisResult>;
  debounceMs?: number;
  /** The Reports view (a second tab) when given. */
  reports?: ReportsDeps;
}

export interface TaskPane {
  /** Check after the quiet period (call on every edit). */
  schedule(): void;
  /** Check now. */
  check(): Promise<void>;
  dispose(): void;
}

/** Builds the task pane UI in `root` and keeps it in step with the draft. */
export function startTaskPane(root: HTMLElement, deps: TaskPaneDeps): TaskPane {
  const s: Strings = stringsFor(deps.displayLanguage);
  document.documentElement.lang = uiLanguage(deps.displayLanguage);

  const status = h("p", { class: "status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  const recipientsBox = h("div", { class: "recipients" });
  const results = h("div", { class: "results" });
  const checkButton = button(s.checkAgain, () => void scheduler.runNow(), { class: "primary", id: "check-again" });
  const checkView = [
    h("div", { class: "toolbar" }, checkButton),
    status,
    results,
    h("section", { class: "found-at", "aria-labelledby": "found-at-heading" },
      h("h2", { id: "found-at-heading" }, s.recipientsHeading),
      h("p", { class: "hint" }, s.foundAtHint),
      recipientsBox,
    ),
  ];
  const header = h("header", {}, h("h1", {}, s.title), h("p", { class: "intro" }, s.intro));
  let reportsView: ReportsView | null = null;
  let reportsSelected = false;
  // A hidden pane (another window, Outlook minimised) polls nothing; it picks up again when shown.
  const onVisibility = () => (reportsSelected && !document.hidden ? reportsView?.show() : reportsView?.hide());
  if (deps.reports) {
    const view = createReportsView(deps.reports, s, uiLanguage(deps.displayLanguage));
    reportsView = view;
    const checkPanel = h("div", { id: "panel-check", class: "tab-panel" }, checkView);
    const reportsPanel = h("div", { id: "panel-reports", class: "tab-panel" }, view.element);
    const tabs = createTabs(s.tabsLabel, [
      { id: "check", label: s.tabCheck, panel: checkPanel },
      { id: "reports", label: s.tabReports, panel: reportsPanel },
    ], (id) => {
      reportsSelected = id === "reports";
      if (reportsSelected && !document.hidden) view.show();
      else view.hide();
    });
    root.replaceChildren(header, tabs.list, checkPanel, reportsPanel);
    document.addEventListener("visibilitychange", onVisibility);
  } else {
    root.replaceChildren(header, ...checkView);
  }

  let last: { request: AnalysisRequest; result: AnalysisResult } | null = null;
  let foundAt: Record<string, string> = {};
  let shownAddresses = "";

  const say = (text: string) => (status.textContent = text);

  const renderRecipients = (recipients: Recipient[]) => {
    const key = recipients.map((r) => r.address.toLowerCase()).join(",");
    if (key === shownAddresses) return;
    shownAddresses = key;
    if (recipients.length === 0) {
      recipientsBox.replaceChildren(h("p", {}, s.noRecipients));
      return;
    }
    recipientsBox.replaceChildren(
      ...recipients.map((r, i) => {
        const id = `found-at-${i}`;
        const input = h("input", { id, type: "url", inputmode: "url", placeholder: "https://", value: foundAt[r.address.toLowerCase()] ?? "", "data-address": r.address });
        input.addEventListener("change", () => void saveFoundAt(r.address, input.value));
        return h("div", { class: "field" }, h("label", { for: id }, format(s.foundAtLabel, { address: r.name ? `${r.name} <${r.address}>` : r.address })), input);
      }),
    );
  };

  const saveFoundAt = async (address: string, url: string) => {
    const key = address.toLowerCase();
    foundAt = { ...Object.fromEntries(Object.entries(foundAt).filter(([a]) => a !== key)), ...(url.trim() ? { [key]: url.trim() } : {}) };
    try {
      await deps.draft.saveFoundAt(foundAt);
    } catch (error) {
      say(format(s.error, { reason: (error as Error).message }));
    }
    scheduler.schedule();
  };

  const render = (focusHeading = false) => {
    if (!last) return;
    renderResult(results, last.result, last.request.body, s, deps.suppressions.isMuted, actions);
    if (focusHeading) results.querySelector<HTMLElement>("#findings-heading")?.focus();
  };

  const run = async (signal: AbortSignal) => {
    const request = await readRequest(deps.draft, false);
    request.foundAt = Object.fromEntries(Object.entries(foundAt).filter(([a]) => [...request.to, ...request.cc, ...request.bcc].some((r) => r.address.toLowerCase() === a)));
    if (signal.aborted) return;
    const recipients = [...request.to, ...request.cc, ...request.bcc];
    renderRecipients(recipients);
    if (recipients.length === 0) {
      results.replaceChildren();
      say(s.noRecipients);
      return;
    }
    checkButton.setAttribute("aria-busy", "true");
    say(s.checking);
    try {
      const result = await deps.analyze(request, signal);
      if (signal.aborted) return;
      last = { request, result };
      writeCachedAnalysis(draftHash(request), result);
      const active = result.findings.filter((f) => !deps.suppressions.isMuted(f)).length;
      say(`${format(s.scoreOf, { score: result.score })}. ${s.findingsHeading}: ${active}.`);
      render();
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      say(error instanceof TypeError ? s.offline : format(s.error, { reason: (error as Error).message }));
    } finally {
      if (!signal.aborted) checkButton.removeAttribute("aria-busy");
    }
  };

  const scheduler = createScheduler(run, deps.debounceMs ?? 800);

  const actions = {
    async applyFix(f: Finding) {
      if (!f.fix || !last) return;
      const expected = last.request.body.slice(f.fix.start, f.fix.start + f.fix.length);
      const current = await deps.draft.bodyText();
      const next = applyFix(current, f.fix, expected);
      if (next === null) {
        await scheduler.runNow();
        return;
      }
      await deps.draft.setBodyText(next);
      say(s.fixApplied);
      await scheduler.runNow();
      results.querySelector<HTMLElement>("#findings-heading")?.focus();
    },
    async addOffer() {
      await deps.draft.insertAtCursor(s.offerSentence);
      say(s.offerInserted);
      scheduler.schedule();
    },
    async mute(f: Finding) {
      await deps.suppressions.mute(f);
      render(true);
    },
    async unmute(f: Finding) {
      await deps.suppressions.unmute(f);
      render(true);
    },
  };

  void deps.draft
    .loadFoundAt()
    .catch(() => ({}))
    .then((stored) => {
      foundAt = Object.fromEntries(Object.entries(stored).map(([a, u]) => [a.toLowerCase(), u]));
      void deps.draft.onRecipientsChanged(() => scheduler.schedule()).catch(() => undefined);
      void scheduler.runNow();
    });

  return {
    schedule: () => scheduler.schedule(),
    check: () => scheduler.runNow(),
    dispose: () => {
      scheduler.dispose();
      reportsView?.dispose();
      document.removeEventListener("visibilitychange", onVisibility);
    },
  };
}
