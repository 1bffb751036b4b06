// One-click edits to the draft. Each returns the whole new body, or null when it cannot be made
// safely; the caller writes it back only then, and keeps the old body for Undo.
import type { Fix } from "./contract";
import { insertParagraphInHtml, replaceInHtml } from "./htmlText";
import type { DraftBody } from "./office/draft";
import { plainTextOf } from "./office/draft";

/**
 * Applies a finding's fix (offsets into the plain text the server analysed). `expected` is the text
 * the range held then: when the draft has changed there since, the fix is refused, never written
 * over newer typing. HTML bodies change only in the text the fix replaces.
 */
export function applyFix(body: DraftBody, fix: Fix, expected: string): DraftBody | null {
  const { start, length } = fix;
  if (!Number.isInteger(start) || !Number.isInteger(length) || start < 0 || length < 0) return null;
  if (body.format === "html") {
    const html = replaceInHtml(body.content, start, length, fix.replacement, expected);
    return html === null ? null : { format: "html", content: html };
  }
  const text = body.content;
  if (start + length > text.length || text.slice(start, start + length) !== expected) return null;
  return { format: "text", content: text.slice(0, start) + fix.replacement + text.slice(start + length) };
}

/** The end of the greeting line (the first line with text), so nothing is ever put before the greeting. */
function greetingEnd(text: string): number {
  const first = text.search(/\S/);
  if (first < 0) return 0;
  const nl = text.indexOf("\n", first);
  return nl < 0 ? text.length : nl;
}

/** The end of the paragraph holding `offset`: the line break before the next blank line, or the end. */
function paragraphEnd(text: string, offset: number): number {
  const blank = /\r?\n[ \t]*\r?\n/g;
  blank.lastIndex = Math.max(0, offset);
  const m = blank.exec(text);
  return m ? m.index : text.replace(/\s+$/, "").length;
}

/**
 * Adds `sentence` as its own paragraph after the paragraph that asks (`askOffset`, a plain-text
 * offset), or at the cursor when the user placed one after the greeting: then it goes at the end of
 * the word there (never inside a word or a link) with a space either side as needed.
 */
export function insertOffer(body: DraftBody, sentence: string, askOffset: number, cursor: number | null): { body: DraftBody; atCursor: boolean } | null {
  const plain = plainTextOf(body);
  if (body.format === "text" && cursor !== null && cursor > greetingEnd(plain) && cursor <= plain.length) {
    let at = cursor;
    while (at < plain.length && /\S/.test(plain[at]) && at > 0 && /\S/.test(plain[at - 1])) at++;
    const before = at > 0 && /\S/.test(plain[at - 1]) ? " " : "";
    const after = at < plain.length && /\S/.test(plain[at]) ? " " : "";
    return { body: { format: "text", content: plain.slice(0, at) + before + sentence + after + plain.slice(at) }, atCursor: true };
  }
  const anchor = Math.max(askOffset, greetingEnd(plain));
  if (body.format === "html") {
    const html = insertParagraphInHtml(body.content, anchor, sentence);
    return html === null ? null : { body: { format: "html", content: html }, atCursor: false };
  }
  const end = paragraphEnd(plain, anchor);
  const newline = plain.includes("\r\n") ? "\r\n" : "\n";
  return { body: { format: "text", content: plain.slice(0, end) + newline + newline + sentence + plain.slice(end) }, atCursor: false };
}
