import { ApiError, isAbort, isUnreachable } from "../api";
import type { AnalysisRequest, AnalysisResult, Finding, Recipient } from "../contract";
import { decideOnSend } from "../decide";
import { applyFix, insertOffer } from "../edits";
import { scoreAfterMuting } from "../findings";
import { draftHash } from "../hash";
import { type Strings, format, stringsFor, uiLanguage } from "../i18n";
import type { ComposeDraft, DraftBody, DraftSnapshot } from "../office/draft";
import { plainTextOf, readDraft, supports } from "../office/draft";
import { type Mutes, type SettingsStore, createMutes, createPriorContacts } from "../office/settings";
import type { RuleBook } from "../rules";
import { createScheduler } from "../scheduler";
import { saveVerdict } from "../verdictStore";
import { button, h } from "./dom";
import { type ReportsDeps, type ReportsView, createReportsView } from "./reports";
import { createTabs } from "./tabs";
import { type FindingActions, renderResult } from "./view";

export interface TaskPaneDeps {
  draft: ComposeDraft;
  /** Roaming settings: mutes for a recipient or for ever, and where the user engaged with someone. */
  roaming: SettingsStore;
  displayLanguage: string;
  analyze(request: AnalysisRequest, signal: AbortSignal): Promise<AnalysisResult>;
  /** The rule catalogue (GET /api/rules, or the built-in copy). */
  rules(): Promise<RuleBook>;
  /** Opens a page (a rule's help) outside the pane. */
  openPage?(url: string): void;
  debounceMs?: number;
  /** The Reports view (a second tab) when given. */
  reports?: ReportsDeps;
}

export interface TaskPane {
  /** Check after the quiet period (call on every edit). */
  schedule(): void;
  /** Check now. */
  check(): Promise<void>;
  /** Resolves once the pane has loaded its settings and rules and run its first check. */
  readonly ready: Promise<void>;
  dispose(): void;
}

const isWebAddress = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
};

/** The address a 400's errors key names: "foundAt['jane@x.example']" -> "jane@x.example". */
const foundAtKey = (key: string) => /^foundAt\[['"]?(.+?)['"]?\]$/i.exec(key)?.[1]?.toLowerCase() ?? null;

/** Builds the task pane UI in `root` and keeps it in step with the draft. */
export function startTaskPane(root: HTMLElement, deps: TaskPaneDeps): TaskPane {
  const s: Strings = stringsFor(deps.displayLanguage);
  document.documentElement.lang = uiLanguage(deps.displayLanguage);

  const status = h("p", { class: "status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  const banner = h("p", { class: "state", hidden: true });
  const recipientsBox = h("div", { class: "recipients" });
  const results = h("div", { class: "results" });
  const checkButton = button(s.checkAgain, () => void scheduler.runNow(), { class: "primary", id: "check-again" });
  const undoButton = button(s.undo, () => void undo(), { id: "undo", disabled: true });
  const checkView = [
    h("div", { class: "toolbar" }, checkButton, undoButton),
    status,
    banner,
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

  let rules: RuleBook | null = null;
  let mutes: Mutes | null = null;
  const prior = createPriorContacts(deps.roaming);
  let last: { snapshot: DraftSnapshot; result: AnalysisResult } | null = null;
  let stale = false;
  let foundAt: Record<string, string> = {};
  const foundAtErrors = new Map<string, string>();
  let shownAddresses = "";
  let undoEdit: { before: DraftBody; after: DraftBody } | null = null;

  const say = (text: string) => (status.textContent = text);
  const showBanner = (text: string | null) => {
    banner.hidden = text === null;
    banner.textContent = text ?? "";
  };

  const fieldError = (address: string) => foundAtErrors.get(address.toLowerCase()) ?? null;

  const renderRecipients = (recipients: Recipient[], force = false) => {
    const key = recipients.map((r) => r.address.toLowerCase()).join(",") + "|" + [...foundAtErrors.keys()].join(",");
    if (key === shownAddresses && !force) return;
    shownAddresses = key;
    if (recipients.length === 0) {
      recipientsBox.replaceChildren(h("p", {}, s.noRecipients));
      return;
    }
    recipientsBox.replaceChildren(
      ...recipients.map((r, i) => {
        const id = `found-at-${i}`;
        const error = fieldError(r.address);
        const input = h("input", {
          id, type: "url", inputmode: "url", placeholder: "https://", "data-address": r.address,
          value: foundAt[r.address.toLowerCase()] ?? "", "aria-invalid": error ? "true" : undefined, "aria-describedby": error ? `${id}-error` : undefined,
        });
        input.addEventListener("change", () => void saveFoundAt(r.address, input.value));
        return h("div", { class: "field" },
          h("label", { for: id }, format(s.foundAtLabel, { address: r.name ? `${r.name} <${r.address}>` : r.address })),
          input,
          error ? h("p", { class: "field-error", id: `${id}-error` }, error) : null);
      }),
    );
  };

  const saveFoundAt = async (address: string, value: string) => {
    const key = address.toLowerCase();
    const url = value.trim();
    foundAtErrors.delete(key);
    if (url && !isWebAddress(url)) {
      // Inline on its own field; the rest of the check runs without it.
      foundAtErrors.set(key, s.foundAtInvalid);
    }
    const next = Object.fromEntries(Object.entries(foundAt).filter(([a]) => a !== key));
    if (url && !foundAtErrors.has(key)) next[key] = url;
    foundAt = next;
    try {
      await deps.draft.saveFoundAt(foundAt);
    } catch (error) {
      say(format(s.error, { reason: (error as Error).message }));
    }
    shownAddresses = "";
    scheduler.schedule();
  };

  const isMuted = (f: Finding) => mutes?.isMuted(f) ?? false;

  /** The verdict Send will use for this draft, kept with the item so the send handler normally makes no call. */
  const keepVerdict = async () => {
    if (!last || !rules || stale) return;
    const verdict = decideOnSend(last.result, { strings: s, rules, isMuted, fixButton: supports("Mailbox", "1.14") });
    await saveVerdict(deps.draft.session, draftHash(last.snapshot.request), verdict).catch(() => undefined);
  };

  const names = () => new Map([...(last?.snapshot.request.to ?? []), ...(last?.snapshot.request.cc ?? []), ...(last?.snapshot.request.bcc ?? [])].map((r) => [r.address.toLowerCase(), r.name]));

  const render = (focusHeading = false): number => {
    if (!last || !rules || !mutes) return 0;
    const { active } = renderResult(results, {
      result: last.result, plain: last.snapshot.plain, rules, mutes, names: names(), prior: prior.all(), stale, base: location.href,
    }, s, actions);
    if (focusHeading) results.querySelector<HTMLElement>("#findings-heading")?.focus();
    return active;
  };

  const scoreText = (result: AnalysisResult, active: number) => {
    const score = scoreAfterMuting(result, isMuted);
    return `${score === null ? s.notChecked : format(s.scoreOf, { score })}. ${s.findingsHeading}: ${active}.`;
  };

  const requestFor = (snapshot: DraftSnapshot): AnalysisRequest => {
    const recipients = [...snapshot.request.to, ...snapshot.request.cc, ...snapshot.request.bcc].map((r) => r.address.toLowerCase());
    const known = prior.all();
    const priorContact = Object.fromEntries(recipients.filter((a) => known[a]).map((a) => [a, known[a]]));
    return {
      ...snapshot.request,
      foundAt: Object.fromEntries(Object.entries(foundAt).filter(([a]) => recipients.includes(a) && !foundAtErrors.has(a))),
      ...(Object.keys(priorContact).length > 0 ? { priorContact } : {}),
    };
  };

  const run = async (signal: AbortSignal) => {
    const snapshot = await readDraft(deps.draft, false);
    if (signal.aborted) return;
    snapshot.request = requestFor(snapshot);
    const recipients = [...snapshot.request.to, ...snapshot.request.cc, ...snapshot.request.bcc];
    renderRecipients(recipients);
    if (recipients.length === 0 || snapshot.plain.trim() === "") {
      // Nothing to judge: no request, no number.
      last = null;
      stale = false;
      results.replaceChildren();
      const text = recipients.length === 0 ? s.noRecipients : s.empty;
      showBanner(text);
      say(text);
      return;
    }
    checkButton.setAttribute("aria-busy", "true");
    say(s.checking);
    try {
      let result: AnalysisResult;
      try {
        result = await deps.analyze(snapshot.request, signal);
      } catch (error) {
        // A found-at page the service refuses is an error on that field; the check runs again without it.
        const fields = error instanceof ApiError && error.status === 400 ? Object.entries(error.errors).filter(([k]) => foundAtKey(k)) : [];
        if (fields.length === 0) throw error;
        for (const [k, reasons] of fields) foundAtErrors.set(foundAtKey(k) as string, format(s.foundAtRejected, { reason: reasons.join("; ") }));
        snapshot.request = requestFor(snapshot);
        renderRecipients(recipients, true);
        result = await deps.analyze(snapshot.request, signal);
      }
      if (signal.aborted) return;
      last = { snapshot, result };
      stale = false;
      showBanner(null);
      const active = render();
      say(scoreText(result, active));
      await keepVerdict();
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      const time = new Date().toLocaleTimeString(uiLanguage(deps.displayLanguage), { hour: "2-digit", minute: "2-digit" });
      const reason = error instanceof ApiError && error.status === 401
        ? format(s.signInNeeded, { reason: error.message })
        : isUnreachable(error) ? format(s.stale, { time }) : format(s.error, { reason: (error as Error).message });
      // Old results stay visible, greyed and without actions, saying why they may be out of date.
      stale = last !== null;
      render();
      showBanner(reason);
      say(reason);
    } finally {
      if (!signal.aborted) checkButton.removeAttribute("aria-busy");
    }
  };

  const scheduler = createScheduler(run, deps.debounceMs ?? 800);

  /** Writes an edit and remembers how to undo it. */
  const write = async (before: DraftBody, after: DraftBody, message: string) => {
    try {
      await deps.draft.setBody(after);
    } catch (error) {
      say(format(s.editFailed, { reason: (error as Error).message }));
      return;
    }
    undoEdit = { before, after };
    undoButton.disabled = false;
    say(message);
    await scheduler.runNow();
    results.querySelector<HTMLElement>("#findings-heading")?.focus();
  };

  const undo = async () => {
    if (!undoEdit) return;
    const current = await deps.draft.body();
    if (current.format !== undoEdit.after.format || current.content !== undoEdit.after.content) {
      say(s.undoStale);
      undoEdit = null;
      undoButton.disabled = true;
      return;
    }
    await deps.draft.setBody(undoEdit.before);
    undoEdit = null;
    undoButton.disabled = true;
    say(s.undone);
    await scheduler.runNow();
  };

  const actions: FindingActions = {
    async applyFix(f) {
      if (!f.fix || !last) return;
      const expected = last.snapshot.plain.slice(f.fix.start, f.fix.start + f.fix.length);
      const current = await deps.draft.body();
      const next = applyFix(current, f.fix, expected);
      if (next === null) {
        say(s.fixRefused);
        await scheduler.runNow();
        return;
      }
      await write(current, next, s.fixApplied);
    },
    async addOffer(f) {
      if (!last) return;
      const current = await deps.draft.body();
      // Offsets are of the analysed text: if the draft has changed since, check again first.
      if (plainTextOf(current) !== last.snapshot.plain) {
        say(s.fixRefused);
        await scheduler.runNow();
        return;
      }
      const askEnd = Math.max(0, ...(f.evidence ?? []).map((e) => e.start + e.length));
      const cursor = deps.draft.cursor?.() ?? null;
      const next = insertOffer(current, s.offerSentence, askEnd, cursor);
      if (!next) {
        say(s.fixRefused);
        return;
      }
      await write(current, next.body, next.atCursor ? s.offerAtCursor : s.offerInserted);
    },
    async mute(f, scope) {
      await mutes?.mute(f, scope);
      const active = render(true);
      say(format(s.muted, { count: active }));
      await keepVerdict();
    },
    async unmute(f) {
      await mutes?.unmute(f);
      const active = render(true);
      if (last) say(scoreText(last.result, active));
      await keepVerdict();
    },
    async engaged(address, where) {
      await prior.set(address, where);
      if (where) say(format(s.engagedSaved, { name: names().get(address) || address }));
      await scheduler.runNow();
    },
    openHelp(url) {
      if (deps.openPage) deps.openPage(url);
      else window.open(url, "_blank", "noopener");
    },
  };

  const ready = (async () => {
    const [stored, book, loadedMutes] = await Promise.all([
      deps.draft.loadFoundAt().catch(() => ({})),
      deps.rules(),
      createMutes(deps.roaming, deps.draft.session),
    ]);
    foundAt = Object.fromEntries(Object.entries(stored).map(([a, u]) => [a.toLowerCase(), u]));
    rules = book;
    mutes = loadedMutes;
    void deps.draft.onRecipientsChanged(() => scheduler.schedule()).catch(() => undefined);
    await scheduler.runNow();
  })();

  return {
    schedule: () => scheduler.schedule(),
    check: () => scheduler.runNow(),
    ready,
    dispose: () => {
      scheduler.dispose();
      reportsView?.dispose();
      document.removeEventListener("visibilitychange", onVisibility);
    },
  };
}
