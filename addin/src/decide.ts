import type { AnalysisResult, Finding } from "./contract";
import { groupFindings } from "./findings";
import { type Strings, format } from "./i18n";
import type { RuleBook } from "./rules";

/**
 * What Send does: `block` (an error of a rule that blocks send: Smart Alerts soft block), `prompt`
 * (a warning of a rule that asks "send anyway?"), or `allow`. `checked` is false when no analysis
 * could be had: the mail goes, and the user is told it was not checked.
 */
export interface SendVerdict {
  action: "allow" | "prompt" | "block";
  checked: boolean;
  /** Plain text for the dialog, at most 500 characters. */
  message: string;
  /** The same as Markdown (requirement set 1.15), at most 500 characters. */
  markdown: string;
}

export interface DecideOptions {
  strings: Strings;
  rules: RuleBook;
  /** Findings the user chose not to be warned about. */
  isMuted?: (finding: Finding) => boolean;
  /** Whether the client shows the dialog's Fix in pane button (Mailbox 1.14): the text only mentions it then. */
  fixButton?: boolean;
}

export const MAX_ALERT_CHARS = 500;

const clip = (text: string) => (text.length > MAX_ALERT_CHARS ? text.slice(0, MAX_ALERT_CHARS - 3) + "..." : text);
/** Markdown's special characters in user-facing text (finding messages quote the draft). */
const escapeMarkdown = (text: string) => text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, "\\$1");

export function notChecked(strings: Strings): SendVerdict {
  return { action: "allow", checked: false, message: strings.sendNotChecked, markdown: escapeMarkdown(strings.sendNotChecked) };
}

export function decideOnSend(result: AnalysisResult | null, options: DecideOptions): SendVerdict {
  const s = options.strings;
  if (!result || !Array.isArray(result.findings)) return notChecked(s);
  const active = groupFindings(result.findings).filter((f) => !(options.isMuted?.(f) ?? false));
  const blocking = active.filter((f) => f.severity === "error" && options.rules.blocksSend(f.rule));
  const prompting = active.filter((f) => f.severity === "warning" && options.rules.promptsOnSend(f.rule));
  const stopping = blocking.length > 0 ? blocking : prompting;
  if (stopping.length === 0) return { action: "allow", checked: true, message: "", markdown: "" };
  const head = stopping.length === 1 ? s.sendProblemOne : format(s.sendProblemMany, { count: stopping.length });
  const tail = blocking.length > 0 ? (options.fixButton === false ? s.sendBlockedTailNoButton : s.sendBlockedTail) : s.sendPromptTail;
  const lines = stopping.slice(0, 3).map((f) => ({ title: options.rules.title(f.rule), message: f.message }));
  const message = clip(`${head} ${lines.map((l) => `${l.title}: ${l.message}`).join(" ")} ${tail}`);
  const markdown = clip(`**${escapeMarkdown(head)}**\n\n${lines.map((l) => `- **${escapeMarkdown(l.title)}**: ${escapeMarkdown(l.message)}`).join("\n")}\n\n${escapeMarkdown(tail)}`);
  return { action: blocking.length > 0 ? "block" : "prompt", checked: true, message, markdown };
}
