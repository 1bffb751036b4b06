import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { writeCachedAnalysis } from "../../src/cache";
import { draftHash } from "../../src/hash";
import { GENERIC_BODY, genericResult } from "./fixtures";
import { JANE, installOfficeMock } from "./officeMock";

type Handler = (event: Office.MailboxEvent) => Promise<void>;
let onMessageSendHandler: Handler;

const draft = { to: [JANE], cc: [], bcc: [], subject: "Quick question", body: GENERIC_BODY };

function send(): Promise<Record<string, unknown>> {
  return new Promise((resolve) => void onMessageSendHandler({ completed: (options: Record<string, unknown>) => resolve(options) } as unknown as Office.MailboxEvent));
}

describe("onMessageSendHandler", () => {
  beforeAll(async () => {
    installOfficeMock(draft);
    ({ onMessageSendHandler } = (await import("../../src/launchevent")) as unknown as { onMessageSendHandler: Handler });
  });
  beforeEach(() => {
    localStorage.clear();
    installOfficeMock(draft);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("allows sending when the API is unreachable", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    expect(await send()).toEqual({ allowEvent: true });
  });

  it("allows sending when the API answers with an error", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("{}", { status: 500 })));
    expect(await send()).toEqual({ allowEvent: true });
  });

  it("allows sending when the API is too slow (3 s timeout, well within Outlook's budget)", async () => {
    vi.useFakeTimers();
    vi.stubGlobal("fetch", vi.fn(() => new Promise<Response>(() => undefined)));
    const outcome = send();
    await vi.advanceTimersByTimeAsync(3100);
    expect(await outcome).toEqual({ allowEvent: true });
  });

  it("prompts the user when the API reports a blocking finding", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(genericResult()))));
    const outcome = await send();
    expect(outcome).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(outcome.errorMessage).toContain("The greeting is a blank placeholder.");
  });

  it("uses the task pane's fresh analysis of exactly this draft without calling the API", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    writeCachedAnalysis(draftHash(draft), genericResult());
    expect(await send()).toMatchObject({ allowEvent: false });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("ignores a cached analysis of another draft", async () => {
    writeCachedAnalysis(draftHash({ ...draft, body: "something else" }), genericResult());
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    expect(await send()).toEqual({ allowEvent: true });
  });
});
