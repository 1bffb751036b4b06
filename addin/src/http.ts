/** How every call to the API is made: the add-in's headers, the caller's abort, and a time-out. */
export interface CallOptions {
  /** Outlook's display language, sent as Accept-Language. */
  language: string;
  token?: string | null;
  signal?: AbortSignal;
  /** Give up after this many milliseconds (rejects with a TimeoutError). */
  timeoutMs?: number;
}

export interface CallInit {
  method: string;
  body?: unknown;
  headers?: Record<string, string>;
  accept?: string;
}

/** A non-2xx answer: the problem's detail (or title), its status, and the per-field reasons of a 400. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const timeoutError = (ms: number | undefined) => Object.assign(new Error(`no answer within ${ms} ms`), { name: "TimeoutError" });

/**
 * One HTTP call. Rejects with ApiError on a non-2xx answer, with a TimeoutError when `timeoutMs`
 * passes first (the fetch is aborted), and with the fetch's own error otherwise. `read` runs on the
 * response inside the same time budget, so a server that sends headers and then stalls times out too.
 */
export async function callApi<T>(url: string, options: CallOptions, init: CallInit, read: (response: Response) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener("abort", onAbort);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    if (options.timeoutMs === undefined) return;
    timer = setTimeout(() => {
      controller.abort();
      reject(timeoutError(options.timeoutMs));
    }, options.timeoutMs);
  });
  const headers: Record<string, string> = { Accept: init.accept ?? "application/json", ...init.headers };
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.language) headers["Accept-Language"] = options.language;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  try {
    const work = (async () => {
      const response = await fetch(url, {
        method: init.method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: controller.signal,
      });
      if (!response.ok) throw await apiError(response);
      return read(response);
    })();
    work.catch(() => undefined); // the race below reports it; no unhandled rejection after a time-out
    return await Promise.race([work, timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

async function apiError(response: Response): Promise<ApiError> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string; errors?: Record<string, string[]> };
    return new ApiError(problem.detail ?? problem.title ?? `HTTP ${response.status}`, response.status, problem.errors ?? {});
  } catch {
    return new ApiError(`HTTP ${response.status}`, response.status);
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/** The service could not be reached at all (network failure or time-out), as opposed to answering with an error. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && error.name === "TimeoutError");
}
