// The sent-mail report's shapes over HTTP (contract section 5 and the report routes of section 4).

export type ReportState = "queued" | "running" | "done" | "failed";

export interface ReportSummary {
  sentMessages: number;
  outreachMessages: number;
  replied: number;
  /** A fraction: 0.146 is 14.6%. */
  replyRate: number;
  averageScore: number;
}

/** What POST /api/reports, GET /api/reports and GET /api/reports/{id} (before it is done) answer. Null fields are omitted. */
export interface ReportStatus {
  id: string;
  status: ReportState;
  since: string;
  includeBodies: boolean;
  trigger: string;
  created: string;
  started?: string;
  completed?: string;
  error?: string;
  summary?: ReportSummary;
  /** "/api/reports/{id}" */
  location: string;
  /** "/api/reports/{id}/html", once done. */
  html?: string;
}

export interface RuleOutcome {
  rule: string;
  fired: number;
  repliedWhenFired: number;
  notFired: number;
  repliedWhenNotFired: number;
}

export interface WeakMessage {
  subject: string;
  to: string;
  sent: string;
  score: number;
  rules: string[];
}

/** GET /api/reports/{id} once done (report.json). Only the fields the task pane shows are typed. */
export interface Report extends ReportSummary {
  me: string;
  from: string;
  to: string;
  rules: RuleOutcome[];
  templates: { recipients: number; subject: string; firstSent: string; lastSent: string }[];
  weeks: { week: string; outreachMessages: number; averageScore: number; replied: number }[];
  weakest: WeakMessage[];
}

export const ACTIVE_STATES: readonly ReportState[] = ["queued", "running"];

export function isActive(report: Pick<ReportStatus, "status">): boolean {
  return ACTIVE_STATES.includes(report.status);
}

/** A status body has a status string; the finished report has none. */
export function isStatusBody(value: unknown): value is ReportStatus {
  return typeof value === "object" && value !== null && typeof (value as { status?: unknown }).status === "string";
}

/** The report's own summary numbers (the list shows the same five). */
export function summaryOf(report: Report): ReportSummary {
  const { sentMessages, outreachMessages, replied, replyRate, averageScore } = report;
  return { sentMessages, outreachMessages, replied, replyRate, averageScore };
}
