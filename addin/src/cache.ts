import type { AnalysisResult } from "./contract";

/**
 * The last analysis of a draft, kept in localStorage so the on-send handler can reuse it.
 * Outlook on the web, new Outlook and Mac run the task pane and the event handler in browser
 * runtimes of the same origin, which share localStorage. Classic Outlook on Windows runs the
 * handler in a JavaScript-only runtime without localStorage: there `read` finds nothing and the
 * handler asks the API itself.
 */
export const CACHE_PREFIX = "outreach-advisor:analysis:";
export const FRESH_MS = 2 * 60 * 1000;

interface Entry {
  at: number;
  result: AnalysisResult;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // access denied (e.g. storage partitioning)
  }
}

export function writeCachedAnalysis(hash: string, result: AnalysisResult, now = Date.now()): void {
  const s = storage();
  if (!s) return;
  try {
    for (let i = s.length - 1; i >= 0; i--) {
      const key = s.key(i);
      if (key?.startsWith(CACHE_PREFIX) && key !== CACHE_PREFIX + hash) s.removeItem(key);
    }
    s.setItem(CACHE_PREFIX + hash, JSON.stringify({ at: now, result } satisfies Entry));
  } catch {
    // quota or privacy mode: the cache is an optimisation only
  }
}

/** The cached result for exactly this draft, if it is younger than `maxAgeMs`. */
export function readCachedAnalysis(hash: string, now = Date.now(), maxAgeMs = FRESH_MS): AnalysisResult | null {
  const s = storage();
  if (!s) return null;
  try {
    const raw = s.getItem(CACHE_PREFIX + hash);
    if (!raw) return null;
    const entry = JSON.parse(raw) as Entry;
    if (typeof entry.at !== "number" || now - entry.at > maxAgeMs || now < entry.at) return null;
    return entry.result;
  } catch {
    return null;
  }
}
