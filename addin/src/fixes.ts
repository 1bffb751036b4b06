import type { Fix } from "./contract";

/**
 * Applies a finding's fix to the plain-text body. Returns null when the fix no longer fits the
 * text (the range is out of bounds), so a stale fix is never written over newer typing.
 */
export function applyFix(text: string, fix: Fix, expected?: string): string | null {
  const { start, length } = fix;
  if (!Number.isInteger(start) || !Number.isInteger(length) || start < 0 || length < 0 || start + length > text.length) return null;
  if (expected !== undefined && text.slice(start, start + length) !== expected) return null;
  return text.slice(0, start) + fix.replacement + text.slice(start + length);
}
