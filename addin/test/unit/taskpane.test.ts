import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnalysisRequest, AnalysisResult } from "../../src/contract";
import type { ComposeDraft } from "../../src/office/draft";
import { createSuppressions } from "../../src/office/settings";
import { startTaskPane } from "../../src/taskpane/app";
import { GENERIC_BODY, genericResult } from "./fixtures";
import { JANE } from "./officeMock";

function fakeDraft(body = GENERIC_BODY) {
  const state = { body, inserted: [] as string[], foundAt: {} as Record<string, string>, recipientsChanged: () => undefined as void };
  const draft: ComposeDraft = {
    sender: async () => ({ name: "Ann Lee", address: "ann@lee.example" }),
    recipients: async (field) => (field === "to" ? [JANE] : []),
    subject: async () => "Quick question",
    bodyText: async () => state.body,
    setBodyText: async (text) => void (state.body = text),
    insertAtCursor: async (text) => void state.inserted.push(text),
    loadFoundAt: async () => state.foundAt,
    saveFoundAt: async (f) => void (state.foundAt = f),
    onRecipientsChanged: async (handler) => void (state.recipientsChanged = handler),
  };
  return { state, draft };
}

function memoryStore() {
  const values: Record<string, unknown> = {};
  return { get: (n: string) => values[n], set: (n: string, v: unknown) => (values[n] = v), save: async () => undefined };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("task pane", () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement("main");
    document.body.replaceChildren(root);
    localStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  async function start(language = "en-US", analyze = vi.fn(async (request: AnalysisRequest) => (request.body.startsWith("Dear Jane") ? { ...genericResult(), findings: [] } : genericResult()) as AnalysisResult)) {
    const { state, draft } = fakeDraft();
    const pane = startTaskPane(root, { draft, suppressions: createSuppressions(memoryStore()), displayLanguage: language, analyze, debounceMs: 50 });
    await vi.waitFor(() => expect(root.querySelector(".score-value")).not.toBeNull());
    return { state, pane, analyze };
  }

  it("shows the score, findings grouped by category with the evidence words marked, and the checks", async () => {
    await start();
    expect(root.querySelector(".score-value")?.textContent).toBe("38 out of 100");
    const categories = [...root.querySelectorAll(".category")].map((c) => c.getAttribute("data-category"));
    expect(categories).toEqual(["reciprocity", "personalisation"]);
    const greeting = root.querySelector('[data-rule="personal-greeting"]');
    expect(greeting?.querySelector("mark")?.textContent).toBe("Dear _ __");
    expect(greeting?.textContent).toContain("Greet Jane by name.");
    expect(root.querySelector('.findings [data-rule="specific-reference"] mark')?.textContent).toBe("pick your brain");
    expect([...root.querySelectorAll(".check")].map((c) => c.className)).toEqual(["check check-failed", "check check-skipped", "check check-passed"]);
    expect(root.querySelector('[aria-live="polite"]')?.textContent).toContain("38 out of 100");
  });

  it("applies a one-click fix to the body and checks again", async () => {
    const { state, analyze } = await start();
    (root.querySelector('[data-rule="personal-greeting"] [data-action="fix"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelector(".findings")?.textContent).toContain("No problems found."));
    expect(state.body.startsWith("Dear Jane,\n\nI would love")).toBe(true);
    expect(analyze).toHaveBeenCalledTimes(2);
  });

  it("inserts an editable offer for mutual-benefit", async () => {
    const { state } = await start();
    (root.querySelector('[data-rule="mutual-benefit"] [data-action="offer"]') as HTMLButtonElement).click();
    await settle();
    expect(state.inserted[0]).toMatch(/^In return, I'd be glad to help with \[/);
  });

  it("mutes a rule for a recipient and shows it as muted", async () => {
    await start();
    (root.querySelector('.findings [data-rule="specific-reference"] [data-action="mute"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelector(".muted-findings")).not.toBeNull());
    expect(root.querySelector('.findings [data-rule="specific-reference"]')).toBeNull();
    expect(root.querySelector('.muted-findings [data-rule="specific-reference"]')).not.toBeNull();
    expect(document.activeElement?.id).toBe("findings-heading");
  });

  it("sends one request for a burst of edits", async () => {
    const { pane, analyze } = await start();
    for (let i = 0; i < 10; i++) pane.schedule();
    await new Promise((r) => setTimeout(r, 200));
    expect(analyze).toHaveBeenCalledTimes(2); // the first check on open, then one for the burst
  });

  it("speaks Italian for it-IT", async () => {
    await start("it-IT");
    expect(root.querySelector("h1 + p")?.textContent).toContain("galateo");
    expect(root.querySelector("#check-again")?.textContent).toBe("Controlla di nuovo");
    expect(root.querySelector(".score-value")?.textContent).toBe("38 su 100");
  });

  it("records where each address was found and sends it as foundAt", async () => {
    const { state, analyze } = await start();
    const input = root.querySelector<HTMLInputElement>('input[data-address="jane@shape.example"]');
    if (!input) throw new Error("no found-at field for Jane");
    input.value = "https://janedoe.example/contact";
    input.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(analyze).toHaveBeenCalledTimes(2));
    expect(state.foundAt).toEqual({ "jane@shape.example": "https://janedoe.example/contact" });
    expect(analyze.mock.calls[1][0].foundAt).toEqual({ "jane@shape.example": "https://janedoe.example/contact" });
  });

  it("has keyboard-accessible Check and Reports tabs; the Reports tab loads the list only when shown", async () => {
    const { draft } = fakeDraft();
    const list = vi.fn(async () => []);
    const never = () => new Promise<never>(() => undefined);
    const reports = { list, start: never, poll: never, schedule: never, openHtml: never, weekly: { get: () => false, set: async () => undefined } };
    startTaskPane(root, { draft, suppressions: createSuppressions(memoryStore()), displayLanguage: "en-US", analyze: async () => genericResult(), debounceMs: 50, reports });
    await vi.waitFor(() => expect(root.querySelector(".score-value")).not.toBeNull());
    const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tablist"] [role="tab"]')];
    expect(tabs.map((t) => t.textContent)).toEqual(["Check", "Reports"]);
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false"]);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1]);
    const reportsPanel = document.getElementById(tabs[1].getAttribute("aria-controls") ?? "") as HTMLElement;
    expect(reportsPanel.getAttribute("role")).toBe("tabpanel");
    expect(reportsPanel.getAttribute("aria-labelledby")).toBe(tabs[1].id);
    expect(reportsPanel.hidden).toBe(true);
    expect(list).not.toHaveBeenCalled();
    tabs[0].focus();
    tabs[0].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs[1].getAttribute("aria-selected")).toBe("true");
    expect(reportsPanel.hidden).toBe(false);
    expect(root.querySelector<HTMLElement>("#panel-check")?.hidden).toBe(true);
    expect(list).toHaveBeenCalledTimes(1);
    tabs[1].dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }));
    expect(tabs[0].getAttribute("aria-selected")).toBe("true");
    expect(reportsPanel.hidden).toBe(true);
  });
});
