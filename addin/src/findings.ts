import type { AnalysisResult, Finding, Severity } from "./contract";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const firstOffset = (f: Finding) => Math.min(...(f.evidence ?? []).map((e) => e.start), Number.MAX_SAFE_INTEGER);

/**
 * One card per problem: findings of the same rule, message and severity are merged, listing every
 * recipient they concern (an older server sends one per recipient), then sorted by severity and position.
 */
export function groupFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.rule}|${f.messageId ?? f.message}|${f.severity}`;
    const recipients = f.recipients?.length ? f.recipients : f.recipient ? [f.recipient] : [];
    const seen = groups.get(key);
    if (!seen) {
      groups.set(key, { ...f, recipients: [...recipients], evidence: [...(f.evidence ?? [])] });
      continue;
    }
    const all = seen.recipients ?? [];
    for (const r of recipients) if (!all.some((x) => x.toLowerCase() === r.toLowerCase())) all.push(r);
    for (const e of f.evidence ?? []) if (!seen.evidence?.some((x) => x.start === e.start && x.length === e.length)) seen.evidence?.push(e);
    seen.fix ??= f.fix;
  }
  // `recipient` stays set only when the card concerns exactly one person (contract section 7).
  return [...groups.values()]
    .map((f) => ({ ...f, recipient: f.recipients?.length === 1 ? f.recipients[0] : null }))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || firstOffset(a) - firstOffset(b));
}

/**
 * The score with the hidden findings' deductions given back: a rule's points (scoreBreakdown) come
 * back only when every finding of that rule is hidden, so the number never claims more than it knows.
 * null when the server gave no number.
 */
export function scoreAfterMuting(result: AnalysisResult, isMuted: (f: Finding) => boolean): number | null {
  if (result.score === null || result.score === undefined) return null;
  if (!result.scoreBreakdown?.length) return result.score;
  let score = result.score;
  for (const { rule, points } of result.scoreBreakdown) {
    const ofRule = result.findings.filter((f) => f.rule === rule);
    if (ofRule.length > 0 && ofRule.every(isMuted)) score -= points; // points are negative deductions
  }
  return Math.max(0, Math.min(100, Math.round(score)));
}
