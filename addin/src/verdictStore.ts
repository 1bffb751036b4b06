import type { SendVerdict } from "./decide";
import type { SessionStore } from "./office/draft";

/**
 * The task pane decides what Send will do while the user writes, and keeps that verdict with the
 * item (sessionData), keyed by a hash of the draft; the send handler then normally makes no call.
 */
const KEY = "outreachVerdict";

export async function saveVerdict(session: SessionStore, hash: string, verdict: SendVerdict): Promise<void> {
  await session.set(KEY, JSON.stringify({ hash, verdict }));
}

/** The kept verdict for exactly this draft, or null. */
export async function readVerdict(session: SessionStore, hash: string): Promise<SendVerdict | null> {
  try {
    const kept = JSON.parse((await session.get(KEY)) ?? "null") as { hash?: string; verdict?: SendVerdict } | null;
    return kept?.hash === hash && kept.verdict && typeof kept.verdict.action === "string" ? kept.verdict : null;
  } catch {
    return null;
  }
}
