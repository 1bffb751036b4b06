import type { AnalysisResult, Finding } from "./contract";
import { type Strings, format } from "./i18n";

/** Warnings from these rules block sending (with "send anyway"), like errors do. */
export const BLOCKING_WARNING_RULES: readonly string[] = ["private-channel", "personal-greeting", "no-automation"];

export interface SendDecision {
  allow: boolean;
  message: string;
}

export interface DecideOptions {
  strings: Strings;
  /** Findings the user chose not to be warned about again ("rule|address" or "rule|"). */
  isSuppressed?: (finding: Finding) => boolean;
}

export function isBlocking(finding: Finding): boolean {
  return finding.severity === "error" || (finding.severity === "warning" && BLOCKING_WARNING_RULES.includes(finding.rule));
}

/**
 * What the on-send handler does with an analysis. `null` means no analysis could be had (API
 * down, slow, or failing): then mail is always allowed.
 */
export function decideOnSend(result: AnalysisResult | null, options: DecideOptions): SendDecision {
  if (!result || !Array.isArray(result.findings)) return { allow: true, message: "" };
  const blocking = result.findings.filter((f) => isBlocking(f) && !(options.isSuppressed?.(f) ?? false));
  if (blocking.length === 0) return { allow: true, message: "" };
  const s = options.strings;
  const first = blocking[0].message;
  const summary = blocking.length === 1 ? format(s.sendBlockedOne, { message: first }) : format(s.sendBlockedMany, { count: blocking.length, message: first });
  // Outlook shows at most 500 characters in the Smart Alerts dialog.
  return { allow: false, message: summary.length > 500 ? summary.slice(0, 497) + "..." : summary };
}
