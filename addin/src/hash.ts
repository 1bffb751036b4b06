import type { AnalysisRequest, Recipient } from "./contract";

/**
 * A stable key for one draft: recipients, subject and body. Two 32-bit FNV-1a hashes with
 * different seeds, in hex; synchronous so the on-send handler can use it without crypto.subtle.
 */
export function draftHash(request: Pick<AnalysisRequest, "to" | "cc" | "bcc" | "subject" | "body">): string {
  const list = (rs: Recipient[]) => rs.map((r) => r.address.trim().toLowerCase()).sort().join(",");
  const text = [list(request.to), list(request.cc), list(request.bcc), request.subject, request.body].join("\u0000");
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x01000193);
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
