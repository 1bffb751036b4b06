import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { decideOnSend } from "../../src/decide";
import { draftHash } from "../../src/hash";
import { stringsFor } from "../../src/i18n";
import { officeDraft, readRequest } from "../../src/office/draft";
import { saveVerdict } from "../../src/verdictStore";
import { GENERIC_BODY, RULES_EN, genericResult } from "./fixtures";
import { JANE, type MockItemState, installOfficeMock } from "./officeMock";

type Handler = (event: Office.MailboxEvent) => Promise<void>;
let onMessageSendHandler: Handler;

const draft = { to: [JANE], cc: [], bcc: [], subject: "Quick question", body: GENERIC_BODY };
const lastSend = () => (globalThis as { outreachAdvisorLastSend?: { checked: boolean; action: string } }).outreachAdvisorLastSend;

function send(): Promise<Record<string, unknown>> {
  return new Promise((resolve) => void onMessageSendHandler({ completed: (options: Record<string, unknown>) => resolve(options) } as unknown as Office.MailboxEvent));
}

describe("onMessageSendHandler", () => {
  let state: MockItemState;
  beforeAll(async () => {
    installOfficeMock(draft);
    ({ onMessageSendHandler } = (await import("../../src/launchevent")) as unknown as { onMessageSendHandler: Handler });
  });
  beforeEach(() => {
    localStorage.clear();
    ({ state } = installOfficeMock(structuredClone(draft)));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("allows sending when the API is unreachable, and says the mail was not checked", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    expect(await send()).toEqual({ allowEvent: true });
    expect(lastSend()).toEqual({ action: "allow", checked: false });
  });

  it("allows (not checked) when the API refuses: a 401 without sign-in is not a verdict", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ title: "Unauthorized" }), { status: 401 })));
    expect(await send()).toEqual({ allowEvent: true });
    expect(lastSend()?.checked).toBe(false);
  });

  it("allows within Outlook's budget when the API is too slow (the handler answers by 4 s)", async () => {
    vi.useFakeTimers();
    vi.stubGlobal("fetch", vi.fn(() => new Promise<Response>(() => undefined)));
    const outcome = send();
    await vi.advanceTimersByTimeAsync(4100);
    expect(await outcome).toEqual({ allowEvent: true });
  });

  it("soft-blocks an error with a Fix in pane button that opens the task pane, and Markdown text (Mailbox 1.15)", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(genericResult()))));
    const outcome = await send();
    expect(outcome).toMatchObject({ allowEvent: false, cancelLabel: "Fix in pane", commandId: "msgComposeOpenPaneButton" });
    expect(outcome).not.toHaveProperty("sendModeOverride");
    expect(outcome.errorMessage).toContain("Greet the person by name: The greeting is a blank placeholder.");
    expect(outcome.errorMessageMarkdown).toContain("**Greet the person by name**");
  });

  it("on Mailbox 1.14 leaves out Markdown; on 1.12 also the button (options the client does not have are never used)", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(genericResult()))));
    state.mailbox = 1.14;
    const at14 = await send();
    expect(at14).toMatchObject({ allowEvent: false, commandId: "msgComposeOpenPaneButton" });
    expect(at14).not.toHaveProperty("errorMessageMarkdown");
    state.mailbox = 1.12;
    const at12 = await send();
    expect(Object.keys(at12).sort()).toEqual(["allowEvent", "errorMessage"]);
    expect(at12.errorMessage).not.toContain("Fix in pane"); // no such button there: the text does not send the user looking for it
  });

  it("prompts on a prompting warning (sendModeOverride, 1.14) and lets it go on 1.12/1.13, where a soft block would trap the mail", async () => {
    const warning = { ...genericResult(), findings: [{ rule: "private-channel", severity: "warning" as const, message: "Everyone sees everyone." }] };
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(warning))));
    expect(await send()).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    state.mailbox = 1.13;
    expect(await send()).toEqual({ allowEvent: true });
  });

  it("uses the task pane's verdict for exactly this draft (sessionData) without calling the API", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    const verdict = decideOnSend(genericResult(), { strings: stringsFor("en"), rules: RULES_EN });
    await saveVerdict(officeDraft().session, draftHash(await readRequest(officeDraft())), verdict);
    expect(await send()).toMatchObject({ allowEvent: false, errorMessage: verdict.message });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("ignores a kept verdict of another draft, and sends the HTML body as HTML", async () => {
    const verdict = decideOnSend(genericResult(), { strings: stringsFor("en"), rules: RULES_EN });
    await saveVerdict(officeDraft().session, draftHash({ ...draft, body: "something else" }), verdict);
    state.bodyFormat = "html";
    state.body = "<p>Dear Jane,</p><p>Thanks for the talk.</p>";
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ...genericResult(), findings: [] })));
    vi.stubGlobal("fetch", fetchMock);
    expect(await send()).toEqual({ allowEvent: true });
    const body = JSON.parse((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string);
    expect(body).toMatchObject({ bodyFormat: "html", body: state.body });
    expect(lastSend()).toEqual({ action: "allow", checked: true });
  });

  it("sends where the user said they engaged with a recipient (priorContact, from roaming settings)", async () => {
    state.roaming.outreachPriorContact = { "jane@shape.example": "linkedin", "other@x.example": "event" };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(genericResult())));
    vi.stubGlobal("fetch", fetchMock);
    await send();
    const body = JSON.parse((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string);
    expect(body.priorContact).toEqual({ "jane@shape.example": "linkedin" });
  });
});
