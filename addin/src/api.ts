import type { AnalysisRequest, AnalysisResult } from "./contract";

export interface AnalyzeOptions {
  apiBase: string;
  /** Outlook's display language, sent as Accept-Language. */
  language: string;
  token?: string | null;
  signal?: AbortSignal;
  /** Give up after this many milliseconds (rejects with a TimeoutError). */
  timeoutMs?: number;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** POST {apiBase}/api/analyze. Rejects on network errors, timeouts, aborts and non-2xx answers. */
export async function analyze(request: AnalysisRequest, options: AnalyzeOptions): Promise<AnalysisResult> {
  const controller = typeof AbortController === "undefined" ? null : new AbortController();
  const onAbort = () => controller?.abort();
  if (options.signal?.aborted) controller?.abort();
  options.signal?.addEventListener("abort", onAbort);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    if (options.timeoutMs === undefined) return;
    timer = setTimeout(() => {
      controller?.abort();
      reject(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { name: "TimeoutError" }));
    }, options.timeoutMs);
  });
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
  if (options.language) headers["Accept-Language"] = options.language;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  try {
    const response = await Promise.race([
      fetch(`${options.apiBase}/api/analyze`, {
        method: "POST",
        headers,
        body: JSON.stringify(request),
        signal: controller?.signal,
      }),
      timeout,
    ]);
    if (!response.ok) throw new ApiError(await problemText(response), response.status);
    return (await Promise.race([response.json(), timeout])) as AnalysisResult;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** The problem's detail (or title) of a non-2xx answer, else "HTTP nnn". */
export async function problemText(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    return problem.detail ?? problem.title ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
