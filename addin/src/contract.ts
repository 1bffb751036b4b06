// The shapes of docs/contract.md (sections 2, 6 and 7) as the add-in uses them. Types only: what a
// rule is called, its category and whether it blocks sending come from GET /api/rules (src/rules.ts).

export interface Recipient {
  name: string;
  address: string;
}

export interface AnalysisRequest {
  from: Recipient | null;
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  subject: string;
  body: string;
  bodyFormat: "text" | "html";
  foundAt: Record<string, string>;
  /** Recipients the user says they engaged with outside this mailbox: address -> where (section 6). */
  priorContact?: Record<string, string>;
}

export type Severity = "error" | "warning" | "info";

export interface Evidence {
  start: number;
  length: number;
  text: string;
}

export interface Fix {
  title: string;
  start: number;
  length: number;
  replacement: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** Stable key of the message, e.g. "personal-greeting/placeholder" (section 6); absent from older servers. */
  messageId?: string | null;
  data?: Record<string, unknown> | null;
  suggestion?: string | null;
  recipient?: string | null;
  /** Every recipient the finding concerns (section 7). */
  recipients?: string[] | null;
  evidence?: Evidence[];
  evidenceTotal?: number | null;
  category?: string | null;
  helpUri?: string | null;
  fix?: Fix | null;
}

export interface Check {
  rule: string;
  status: "passed" | "failed" | "skipped";
  detail?: string | null;
  /** Public pages the detail names (listed-address: where the address was found); shown as links. */
  links?: string[] | null;
}

export interface ScoreDeduction {
  rule: string;
  points: number;
}

export interface AnalysisResult {
  /** null when nothing could be judged (empty body, a language no analyzer checks): show no number. */
  score: number | null;
  coverage?: { checked: number; of: number } | null;
  scoreBreakdown?: ScoreDeduction[] | null;
  metrics?: Record<string, number | string> | null;
  language: string;
  ask: boolean;
  findings: Finding[];
  checks: Check[];
}

/** One entry of GET /api/rules (contract section 7). */
export interface RuleInfo {
  name: string;
  category: string;
  articleRule: number;
  defaultSeverity: Severity;
  /** An error of this rule stops sending (Smart Alerts soft block). */
  blocksSend: boolean;
  /** A warning of this rule asks "send anyway?" before sending. */
  promptsOnSend: boolean;
  title: string;
  description: string;
  /** Relative ("help/rules/<name>.html"), resolved against the add-in's own origin. */
  helpUri: string;
  messageIds: string[];
}

export interface RulesCatalog {
  language: string;
  rules: RuleInfo[];
}
