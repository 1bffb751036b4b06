import type { Report, ReportStatus, ReportSummary, RuleOutcome } from "../reportContract";
import { type Strings, format } from "../i18n";
import { button, h } from "./dom";

/** Dates, percentages and numbers in the UI language. */
export interface ReportFormat {
  day(value: string): string;
  percent(fraction: number): string;
  number(value: number): string;
}

export function reportFormat(language: string): ReportFormat {
  const days = new Intl.DateTimeFormat(language, { year: "numeric", month: "short", day: "numeric" });
  const percents = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 });
  const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return {
    day(value) {
      const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const date = plain ? new Date(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3])) : new Date(value);
      return Number.isNaN(date.getTime()) ? value : days.format(date);
    },
    percent: (fraction) => (Number.isFinite(fraction) ? percents.format(fraction) : "-"),
    number: (value) => (Number.isFinite(value) ? numbers.format(value) : "-"),
  };
}

function summaryLine(summary: ReportSummary, s: Strings, f: ReportFormat): HTMLElement {
  const item = (name: string, label: string, value: string) => h("span", { class: "report-number", "data-field": name }, `${label}: `, h("strong", {}, value));
  return h(
    "p",
    { class: "report-numbers" },
    item("outreachMessages", s.outreachMessages, f.number(summary.outreachMessages)),
    " · ",
    item("replyRate", s.replyRate, f.percent(summary.replyRate)),
    " · ",
    item("averageScore", s.averageScore, f.number(summary.averageScore)),
  );
}

/** One report of the list: its date, status, summary numbers, and Open once done. */
function reportItem(report: ReportStatus, s: Strings, f: ReportFormat, open: (report: ReportStatus) => void): HTMLElement {
  const date = f.day(report.created);
  const state = s[`status_${report.status}` as keyof Strings] ?? report.status;
  return h(
    "li",
    { class: `report report-${report.status}`, "data-id": report.id, "data-status": report.status },
    h("p", { class: "report-head" },
      h("strong", {}, format(s.reportCreated, { date })), " ",
      h("span", { class: "badge report-state" }, state), " ",
      h("span", { class: "meta" }, format(s.reportSince, { since: f.day(report.since) })),
    ),
    report.summary ? summaryLine(report.summary, s, f) : null,
    report.status === "failed" && report.error ? h("p", { class: "report-error" }, report.error) : null,
    report.status === "done"
      ? h("div", { class: "actions" }, button(s.openReport, () => open(report), { "data-action": "open", "data-id": report.id, "aria-label": format(s.openReportLabel, { date }) }))
      : null,
  );
}

export function renderReportList(container: HTMLElement, reports: ReportStatus[], s: Strings, f: ReportFormat, open: (report: ReportStatus) => void): void {
  container.replaceChildren(reports.length === 0 ? h("p", { class: "hint" }, s.noReports) : h("ul", { class: "report-list" }, reports.map((r) => reportItem(r, s, f, open))));
}

const rate = (replied: number, total: number) => (total > 0 ? replied / total : 0);

/** A labelled bar: the text says it all, the bar only shows it. */
function bar(kind: "fired" | "not-fired", label: string, replied: number, total: number, s: Strings, f: ReportFormat): HTMLElement {
  const fraction = rate(replied, total);
  const fill = h("span", { class: "bar-fill" });
  fill.style.width = `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
  return h("div", { class: `bar-row bar-${kind}`, "data-kind": kind },
    h("span", { class: "bar-label" }, label),
    h("span", { class: "bar", "aria-hidden": "true" }, fill),
    h("span", { class: "bar-value" }, format(s.rateOf, { rate: total > 0 ? f.percent(fraction) : "-", replied: f.number(replied), total: f.number(total) })),
  );
}

function ruleItem(rule: RuleOutcome, s: Strings, f: ReportFormat): HTMLElement {
  return h("li", { class: "rule-outcome", "data-rule": rule.rule },
    h("p", { class: "rule-name" }, h("code", {}, rule.rule)),
    bar("fired", s.whenFired, rule.repliedWhenFired, rule.fired, s, f),
    bar("not-fired", s.whenNotFired, rule.repliedWhenNotFired, rule.notFired, s, f),
  );
}

export interface SummaryActions {
  openFull(): void;
  back(): void;
}

/** A finished report in the pane: the numbers, reply rate per rule (fired vs not), the weakest messages. */
export function renderReportSummary(container: HTMLElement, report: Report, s: Strings, f: ReportFormat, actions: SummaryActions): void {
  const rules = (report.rules ?? []).filter((r) => r.fired > 0 || r.notFired > 0);
  const weakest = report.weakest ?? [];
  const number = (label: string, value: string, name: string) => [h("dt", {}, label), h("dd", { "data-field": name }, value)];
  container.replaceChildren(
    h("section", { class: "report-summary", "aria-labelledby": "summary-heading" },
      h("h2", { id: "summary-heading", tabindex: "-1" }, format(s.summaryHeading, { from: f.day(report.from), to: f.day(report.to) })),
      report.me ? h("p", { class: "meta" }, report.me) : null,
      h("dl", { class: "report-figures" },
        number(s.sentMessages, f.number(report.sentMessages), "sentMessages"),
        number(s.outreachMessages, f.number(report.outreachMessages), "outreachMessages"),
        number(s.replied, f.number(report.replied), "replied"),
        number(s.replyRate, f.percent(report.replyRate), "replyRate"),
        number(s.averageScore, f.number(report.averageScore), "averageScore"),
      ),
      h("h3", {}, s.rulesHeading),
      rules.length === 0 ? h("p", { class: "hint" }, s.noRules) : h("ul", { class: "rule-outcomes" }, rules.map((r) => ruleItem(r, s, f))),
      h("h3", {}, s.weakestHeading),
      weakest.length === 0
        ? h("p", { class: "hint" }, s.noWeakest)
        : h("ol", { class: "weakest" },
            weakest.map((m) =>
              h("li", { class: "weak-message" },
                h("p", {}, h("strong", { class: "weak-subject" }, m.subject)),
                h("p", { class: "meta" }, format(s.weakestLine, { to: m.to, sent: f.day(m.sent), score: m.score })),
                (m.rules ?? []).length > 0 ? h("p", { class: "weak-rules" }, (m.rules ?? []).flatMap((r, i) => [i > 0 ? ", " : null, h("code", {}, r)])) : null,
              ),
            ),
          ),
      h("div", { class: "toolbar" },
        button(s.openFullReport, () => actions.openFull(), { class: "primary", "data-action": "open-full" }),
        button(s.backToList, () => actions.back(), { "data-action": "back" }),
      ),
    ),
  );
}
