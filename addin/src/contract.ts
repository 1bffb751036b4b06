// The analysis request and result of the shared contract (section 2), as the add-in uses them.

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
  suggestion?: string | null;
  recipient?: string | null;
  evidence?: Evidence[];
  category?: string | null;
  helpUri?: string | null;
  fix?: Fix | null;
}

export interface Check {
  rule: string;
  status: "passed" | "failed" | "skipped";
  detail?: string | null;
}

export interface AnalysisResult {
  score: number;
  language: string;
  ask: boolean;
  findings: Finding[];
  checks: Check[];
}

/** The category of each rule (contract section 1), for results that leave `category` out. */
export const RULE_CATEGORIES: Readonly<Record<string, string>> = {
  "engage-before-asking": "relationship",
  "private-channel": "channel",
  "listed-address": "channel",
  "no-personal-details": "channel",
  "mutual-benefit": "reciprocity",
  "personal-greeting": "personalisation",
  "right-recipient": "personalisation",
  "specific-reference": "personalisation",
  "no-automation": "automation",
};

export const CATEGORY_ORDER = ["relationship", "channel", "reciprocity", "personalisation", "automation", "other"] as const;

export function categoryOf(finding: Finding): string {
  return finding.category ?? RULE_CATEGORIES[finding.rule] ?? "other";
}
