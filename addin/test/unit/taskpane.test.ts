import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnalysisRequest, AnalysisResult, Finding } from "../../src/contract";
import { ApiError } from "../../src/http";
import type { ComposeDraft, DraftBody } from "../../src/office/draft";
import { builtInRules, ruleBook } from "../../src/rules";
import { startTaskPane } from "../../src/taskpane/app";
import { readVerdict } from "../../src/verdictStore";
import { draftHash } from "../../src/hash";
import { GENERIC_BODY, genericResult } from "./fixtures";
import { JANE } from "./officeMock";

function fakeDraft(body: DraftBody = { format: "text", content: GENERIC_BODY }, to = [JANE]) {
  const state = { body, writes: [] as DraftBody[], foundAt: {} as Record<string, string>, session: {} as Record<string, string>, recipientsChanged: () => undefined as void };
  const draft: ComposeDraft = {
    sender: async () => ({ name: "Ann Lee", address: "ann@lee.example" }),
    recipients: async (field) => (field === "to" ? to : []),
    subject: async () => "Quick question",
    body: async () => state.body,
    setBody: async (next) => {
      state.body = next;
      state.writes.push(next);
    },
    loadFoundAt: async () => state.foundAt,
    saveFoundAt: async (f) => void (state.foundAt = f),
    onRecipientsChanged: async (handler) => void (state.recipientsChanged = handler),
    session: { get: async (n) => state.session[n] ?? null, set: async (n, v) => void (state.session[n] = v) },
  };
  return { state, draft };
}

function memoryStore(values: Record<string, unknown> = {}) {
  return { values, get: (n: string) => values[n], set: (n: string, v: unknown) => (values[n] = v), save: async () => undefined };
}

type Analyze = (request: AnalysisRequest, signal: AbortSignal) => Promise<AnalysisResult>;
const fixedResult = (request: AnalysisRequest) => (request.body.startsWith("Dear Jane") ? { ...genericResult(), findings: [], scoreBreakdown: [], score: 100 } : genericResult()) as AnalysisResult;

describe("task pane", () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement("div");
    document.body.replaceChildren(root);
    localStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  async function start(options: { language?: string; analyze?: Analyze; body?: DraftBody; to?: typeof JANE[]; roaming?: ReturnType<typeof memoryStore> } = {}) {
    const { state, draft } = fakeDraft(options.body, options.to);
    const analyze = vi.fn(options.analyze ?? (async (r: AnalysisRequest) => fixedResult(r)));
    const roaming = options.roaming ?? memoryStore();
    const language = options.language ?? "en-US";
    const rules = async () => ruleBook(builtInRules(language.startsWith("it") ? "it" : "en"), false);
    const pane = startTaskPane(root, { draft, roaming, displayLanguage: language, analyze, rules, debounceMs: 20 });
    await pane.ready;
    return { state, pane, analyze, roaming, draft };
  }
  const card = (rule: string) => root.querySelector<HTMLElement>(`.findings [data-rule="${rule}"]`);
  const click = (el: Element | null | undefined) => (el as HTMLElement).click();

  it("shows the score, findings by severity with catalogue titles and the evidence marked, and the checks", async () => {
    await start();
    expect(root.querySelector(".score-value")?.textContent).toBe("38 out of 100");
    expect([...root.querySelectorAll(".findings .finding")].map((c) => c.getAttribute("data-rule"))).toEqual(["personal-greeting", "specific-reference", "mutual-benefit"]);
    expect(card("personal-greeting")?.querySelector(".rule-title")?.textContent).toBe("Greet the person by name");
    expect(card("personal-greeting")?.querySelector("mark")?.textContent).toBe("Dear _ __");
    expect(card("specific-reference")?.textContent).toContain("Concerns: Jane Doe");
    expect([...root.querySelectorAll(".check .check-title")].map((c) => c.textContent)).toEqual(["Greet the person by name", "Engage before you ask", "Ask privately"]);
    expect(root.querySelector('[aria-live="polite"]')?.textContent).toBe("38 out of 100. Findings: 3.");
  });

  it("shows the page a check names as a link, and only pages the server lists as links", async () => {
    const page = "https://studio.example/contatti";
    const detail = `Every new address is listed: jane@studio.example on ${page}; javascript:alert(1) is not a page.`;
    const checks = [{ rule: "listed-address", status: "passed" as const, detail, links: [page, "javascript:alert(1)", "https://elsewhere.example/"] }];
    await start({ analyze: async () => ({ ...genericResult(), checks }) });
    const item = root.querySelector<HTMLElement>('.check[data-rule="listed-address"]') as HTMLElement;
    const links = [...item.querySelectorAll<HTMLAnchorElement>("a")];
    expect(links.map((a) => [a.getAttribute("href"), a.textContent])).toEqual([[page, page]]);
    expect(links[0].rel).toBe("noopener noreferrer");
    expect(item.textContent).toContain(` - ${detail}`);
  });

  it("shows a check's detail as plain text when it names no page", async () => {
    await start();
    expect(root.querySelectorAll(".checks a")).toHaveLength(0);
    expect(root.querySelector('.check[data-rule="private-channel"]')?.textContent).toContain(" - one recipient");
  });

  it("shows one card per problem, listing every recipient it concerns", async () => {
    const per = (address: string): Finding => ({ rule: "private-channel", messageId: "private-channel/visible", severity: "warning", message: "They can all see each other.", recipient: address });
    const people = ["a", "b", "c", "d", "e"].map((n) => ({ name: n.toUpperCase(), address: `${n}@x.example` }));
    await start({ to: people, analyze: async () => ({ ...genericResult(), findings: people.map((p) => per(p.address)) }) });
    expect(root.querySelectorAll(".findings .finding")).toHaveLength(1);
    expect(card("private-channel")?.querySelector(".recipient")?.textContent).toBe("Concerns: A, B, C, D, E");
  });

  it("gives every button a name that says what it acts on", async () => {
    await start();
    const names = [...root.querySelectorAll("button, summary")].map((b) => b.getAttribute("aria-label") ?? b.textContent);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("Not for this mail: Show you know their work");
    // Each name starts with the words shown, so speech input ("click Not for this mail") finds it.
    for (const el of root.querySelectorAll("button[aria-label], summary[aria-label]")) expect(el.getAttribute("aria-label")?.startsWith(el.textContent ?? "")).toBe(true);
  });

  it("applies a fix, checks again, and Undo restores the draft exactly", async () => {
    const { state, analyze } = await start();
    click(card("personal-greeting")?.querySelector('[data-action="fix"]'));
    await vi.waitFor(() => expect(root.querySelector(".findings")?.textContent).toContain("No problems found."));
    expect(state.body.content).toBe(GENERIC_BODY.replace("Dear _ __", "Dear Jane"));
    expect(analyze).toHaveBeenCalledTimes(2);
    click(root.querySelector("#undo"));
    await vi.waitFor(() => expect(state.body.content).toBe(GENERIC_BODY));
    expect(state.writes).toHaveLength(2);
  });

  it("refuses a fix when the text there changed since the check, and writes nothing", async () => {
    const { state } = await start();
    state.body = { format: "text", content: "Hi _ __,\n\nCoffee?" };
    click(card("personal-greeting")?.querySelector('[data-action="fix"]'));
    await vi.waitFor(() => expect(root.querySelector(".status")?.textContent).toMatch(/Findings|changed/));
    expect(state.writes).toEqual([]);
  });

  it("fixes an HTML draft by changing only the greeting's text", async () => {
    const html = `<div><b>Dear _ __</b>,</div><div><br></div><div>I would love to pick your brain over coffee. Could you also review my CV?</div>`;
    const { state } = await start({ body: { format: "html", content: html } });
    click(card("personal-greeting")?.querySelector('[data-action="fix"]'));
    await vi.waitFor(() => expect(state.writes).toHaveLength(1));
    expect(state.body).toEqual({ format: "html", content: html.replace("Dear _ __", "Dear Jane") });
  });

  it("adds an offer as its own paragraph after the paragraph that asks", async () => {
    const { state } = await start();
    click(card("mutual-benefit")?.querySelector('[data-action="offer"]'));
    await vi.waitFor(() => expect(state.writes).toHaveLength(1));
    expect(state.body.content).toMatch(/review my CV\?\n\nIn return, I'd be glad to help with \[/);
    expect(state.body.content.startsWith("Dear _ __,")).toBe(true);
  });

  it("says 'Start writing' for an empty draft and sends nothing", async () => {
    const { analyze } = await start({ body: { format: "text", content: "  \n" } });
    expect(analyze).not.toHaveBeenCalled();
    expect(root.querySelector(".state")?.textContent).toMatch(/^Start writing/);
    expect(root.querySelector(".score-value")).toBeNull();
  });

  it("shows no number when the score is null: 'Not checked', or 'Partial: N of 9 checks'", async () => {
    const { pane, analyze } = await start({ analyze: async () => ({ ...genericResult(), score: null, language: "fr", coverage: { checked: 0, of: 9 }, findings: [] }) });
    expect(root.querySelector(".score-value")?.textContent).toBe("Not checked");
    expect(root.querySelector(".coverage")?.textContent).toContain("(fr)");
    analyze.mockImplementation(async () => ({ ...genericResult(), score: null, language: "fr", coverage: { checked: 3, of: 9 } }));
    await pane.check();
    expect(root.querySelector(".score-value")?.textContent).toBe("Partial: 3 of 9 checks");
    expect(root.querySelector(".score-value")?.textContent).not.toMatch(/\d+ out of/);
  });

  it("says near the score when only some checks ran", async () => {
    await start({ analyze: async () => ({ ...genericResult(), coverage: { checked: 7, of: 9 } }) });
    expect(root.querySelector(".score .coverage")?.textContent).toBe("7 of 9 checks ran.");
  });

  it("counts the checks that ran from the checks list when the server sends no coverage (a French mail: 2 of 9)", async () => {
    const checks = ["a", "b", "c", "d", "e", "f", "g", "h", "i"].map((r, i) => ({ rule: r, status: (i < 2 ? "passed" : "skipped") as "passed" | "skipped" }));
    await start({ analyze: async () => ({ ...genericResult(), score: 67, language: "fr", coverage: undefined, checks }) });
    expect(root.querySelector(".score .coverage")?.textContent).toBe("2 of 9 checks ran.");
  });

  it("greys out the old results, without actions, when the service cannot be reached", async () => {
    const { pane, analyze } = await start();
    analyze.mockImplementation(async () => Promise.reject(new TypeError("Failed to fetch")));
    await pane.check();
    expect(root.querySelector(".results")?.classList.contains("stale")).toBe(true);
    expect(root.querySelector(".state")?.textContent).toMatch(/^Out of date: the advisor service could not be reached/);
    expect([...root.querySelectorAll<HTMLButtonElement>(".results button")].every((b) => b.disabled)).toBe(true);
  });

  it("shows a bad found-at entry on its field and runs the rest of the check without it", async () => {
    const { analyze, state } = await start();
    const input = root.querySelector<HTMLInputElement>('input[data-address="jane@shape.example"]') as HTMLInputElement;
    input.value = "a friend gave it to me";
    input.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(analyze).toHaveBeenCalledTimes(2));
    expect(analyze.mock.calls[1][0].foundAt).toEqual({});
    expect(state.foundAt).toEqual({});
    const field = root.querySelector<HTMLInputElement>('input[data-address="jane@shape.example"]');
    expect(field?.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(field?.getAttribute("aria-describedby") ?? "")?.textContent).toMatch(/^Enter the web address/);
    expect(root.querySelector(".score-value")?.textContent).toBe("38 out of 100");
  });

  it("puts the service's refusal of a found-at page on that field and checks again without it", async () => {
    const analyze = vi.fn(async (r: AnalysisRequest) => {
      if (r.foundAt["jane@shape.example"]) throw new ApiError("bad", 400, { "foundAt['jane@shape.example']": ["must be a web address"] });
      return genericResult();
    });
    const pane = startTaskPane(root, { draft: fakeDraft().draft, roaming: memoryStore(), displayLanguage: "en", analyze, rules: async () => ruleBook(builtInRules("en"), false), debounceMs: 20 });
    await pane.ready;
    const input = root.querySelector<HTMLInputElement>('input[data-address="jane@shape.example"]') as HTMLInputElement;
    input.value = "https://intranet.example/x";
    input.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(root.querySelector(".field-error")?.textContent).toContain("must be a web address"));
    expect(analyze.mock.calls.at(-1)?.[0].foundAt).toEqual({});
    expect(root.querySelector(".score-value")?.textContent).toBe("38 out of 100");
  });

  it("mutes for this mail only (session), for a recipient, or for ever (roaming), and updates the count and score", async () => {
    const { roaming, state } = await start();
    click(card("specific-reference")?.querySelector('[data-action="mute-recipient"]'));
    await vi.waitFor(() => expect(card("specific-reference")).toBeNull());
    expect(roaming.values.outreachMuted).toEqual(["specific-reference/none|jane@shape.example"]);
    expect(root.querySelector(".score-value")?.textContent).toBe("53 out of 100");
    expect(root.querySelector(".status")?.textContent).toBe("Hidden. 2 problems left.");
    click(card("mutual-benefit")?.querySelector('[data-action="mute-mail"]'));
    await vi.waitFor(() => expect(card("mutual-benefit")).toBeNull());
    expect(JSON.parse(state.session.outreachSessionMutes)).toEqual(["mutual-benefit/nothing-offered|"]);
    expect(roaming.values.outreachMuted).toHaveLength(1);
    click(card("personal-greeting")?.querySelector('[data-action="mute-always"]'));
    await vi.waitFor(() => expect(card("personal-greeting")).toBeNull());
    expect(roaming.values.outreachMuted).toContain("personal-greeting/placeholder|*");
    expect(root.querySelectorAll(".muted-findings .finding")).toHaveLength(3);
    click(root.querySelector('.muted-findings [data-rule="specific-reference"] [data-action="unmute"]'));
    await vi.waitFor(() => expect(card("specific-reference")).not.toBeNull());
    expect(roaming.values.outreachMuted).toEqual(["personal-greeting/placeholder|*"]);
  });

  it("keeps the verdict for Send with the item, computed while composing, and updates it on a mute", async () => {
    const { state, draft } = await start();
    const request = { to: [JANE], cc: [], bcc: [], subject: "Quick question", body: GENERIC_BODY };
    expect((await readVerdict(draft.session, draftHash(request)))?.action).toBe("block");
    click(card("personal-greeting")?.querySelector('[data-action="mute-mail"]'));
    await vi.waitFor(async () => expect((await readVerdict(draft.session, draftHash(request)))?.action).toBe("allow"));
    expect(state.session.outreachVerdict).toBeTruthy();
  });

  it("'I've engaged with them elsewhere' sends priorContact and remembers it per recipient", async () => {
    const engage: Finding = { rule: "engage-before-asking", messageId: "engage-before-asking/cold", severity: "warning", message: "No earlier mail with Jane.", recipient: "jane@shape.example" };
    const { analyze, roaming } = await start({ analyze: async (r) => ({ ...genericResult(), findings: r.priorContact ? [] : [engage] }) });
    const form = card("engage-before-asking")?.querySelector("details.engaged") as HTMLElement;
    expect(form.querySelector("label")?.textContent).toBe("Where did you engage with Jane Doe?");
    (form.querySelector("select") as HTMLSelectElement).value = "event";
    click(form.querySelector("button"));
    await vi.waitFor(() => expect(analyze).toHaveBeenCalledTimes(2));
    expect(analyze.mock.calls[1][0].priorContact).toEqual({ "jane@shape.example": "event" });
    expect(roaming.values.outreachPriorContact).toEqual({ "jane@shape.example": "event" });
  });

  it("sends one request for a burst of edits", async () => {
    const { pane, analyze } = await start();
    for (let i = 0; i < 10; i++) pane.schedule();
    await new Promise((r) => setTimeout(r, 120));
    expect(analyze).toHaveBeenCalledTimes(2); // the first check on open, then one for the burst
  });

  it("speaks Italian for it-IT, rule titles included", async () => {
    await start({ language: "it-IT" });
    expect(root.querySelector("h1 + p")?.textContent).toContain("galateo");
    expect(root.querySelector("#check-again")?.textContent).toBe("Controlla di nuovo");
    expect(root.querySelector(".score-value")?.textContent).toBe("38 su 100");
    expect(card("personal-greeting")?.querySelector(".rule-title")?.textContent).toBe("Saluta la persona per nome");
  });

  it("has keyboard-accessible Check and Reports tabs; the Reports tab loads the list only when shown", async () => {
    const { draft } = fakeDraft();
    const list = vi.fn(async () => []);
    const never = () => new Promise<never>(() => undefined);
    const reports = { list, start: never, poll: never, schedule: never, openHtml: never, weekly: { get: () => false, set: async () => undefined } };
    const pane = startTaskPane(root, { draft, roaming: memoryStore(), displayLanguage: "en-US", analyze: async () => genericResult(), rules: async () => ruleBook(builtInRules("en"), false), debounceMs: 20, reports });
    await pane.ready;
    const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tablist"] [role="tab"]')];
    expect(tabs.map((t) => t.textContent)).toEqual(["Check", "Reports"]);
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false"]);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1]);
    const reportsPanel = document.getElementById(tabs[1].getAttribute("aria-controls") ?? "") as HTMLElement;
    expect(reportsPanel.getAttribute("role")).toBe("tabpanel");
    expect(reportsPanel.hidden).toBe(true);
    expect(list).not.toHaveBeenCalled();
    tabs[0].focus();
    tabs[0].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(document.activeElement).toBe(tabs[1]);
    expect(reportsPanel.hidden).toBe(false);
    expect(list).toHaveBeenCalledTimes(1);
    tabs[1].dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }));
    expect(tabs[0].getAttribute("aria-selected")).toBe("true");
  });
});
