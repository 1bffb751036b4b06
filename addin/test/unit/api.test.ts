import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, analyze } from "../../src/api";
import type { AnalysisRequest } from "../../src/contract";
import { genericResult } from "./fixtures";

const request: AnalysisRequest = { from: null, to: [{ name: "", address: "jane@shape.example" }], cc: [], bcc: [], subject: "s", body: "b", bodyFormat: "text", foundAt: {} };

describe("analyze (POST /api/analyze)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("posts the request with Accept-Language and an optional bearer token", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(genericResult()), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    const result = await analyze(request, { apiBase: "https://api.example", language: "it-IT", token: "t0k" });
    expect(result.score).toBe(38);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("https://api.example/api/analyze");
    expect(init.method).toBe("POST");
    expect(init.headers).toMatchObject({ "Accept-Language": "it-IT", Authorization: "Bearer t0k", "Content-Type": "application/json" });
    expect(JSON.parse(init.body as string)).toEqual(request);
  });

  it("sends no Authorization header without a token", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(genericResult())));
    vi.stubGlobal("fetch", fetchMock);
    await analyze(request, { apiBase: "", language: "en-US" });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/analyze");
    expect(init.headers).not.toHaveProperty("Authorization");
  });

  it("rejects with the problem's detail on a 400", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ title: "Bad input", detail: "'to' is required" }), { status: 400 })));
    await expect(analyze(request, { apiBase: "", language: "en" })).rejects.toEqual(new ApiError("'to' is required", 400));
  });

  it("carries a 400's per-field reasons (errors), so the pane can show them on their fields", async () => {
    const errors = { "foundAt['jane@shape.example']": ["must be an http(s) URL"] };
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ title: "Bad input", errors }), { status: 400 })));
    await expect(analyze(request, { apiBase: "", language: "en" })).rejects.toMatchObject({ status: 400, errors });
  });

  it("gives up after the timeout and aborts the fetch", async () => {
    let signal: AbortSignal | undefined;
    vi.stubGlobal("fetch", vi.fn((_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    }));
    await expect(analyze(request, { apiBase: "", language: "en", timeoutMs: 50 })).rejects.toMatchObject({ name: "TimeoutError" });
    expect(signal?.aborted).toBe(true);
  });
});
