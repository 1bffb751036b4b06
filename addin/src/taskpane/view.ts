import type { AnalysisResult, Check, Evidence, Finding } from "../contract";
import { groupFindings, scoreAfterMuting } from "../findings";
import { type Strings, format } from "../i18n";
import type { MuteScope, Mutes } from "../office/settings";
import { recipientsOf } from "../office/settings";
import type { RuleBook } from "../rules";
import { button, h } from "./dom";

export interface FindingActions {
  applyFix(finding: Finding): void;
  addOffer(finding: Finding): void;
  mute(finding: Finding, scope: MuteScope): void;
  unmute(finding: Finding): void;
  engaged(address: string, where: string | null): void;
  openHelp(url: string): void;
}

/** What one rendering shows: the last analysis and what it was of, and the user's choices. */
export interface ResultModel {
  result: AnalysisResult;
  /** The plain text the analysis' offsets point into. */
  plain: string;
  rules: RuleBook;
  mutes: Mutes;
  /** Recipients' display names by lower-case address. */
  names: Map<string, string>;
  /** Where the user said they engaged with a recipient (lower-case address -> where). */
  prior: Record<string, string>;
  /** Set when the results are out of date: everything is shown greyed, with no actions. */
  stale: boolean;
  /** The add-in's own origin, for the rules' relative help pages. */
  base: string;
}

const CONTEXT_CHARS = 30;
const WHERE = ["linkedin", "twitter", "event", "introduced", "phone", "other"] as const;

/** The evidence quoted in its sentence, with the exact words marked. */
function evidenceQuote(body: string, ev: Evidence): HTMLElement {
  const inBody = body.slice(ev.start, ev.start + ev.length) === ev.text;
  if (!inBody) return h("q", {}, h("mark", {}, ev.text));
  const before = body.slice(Math.max(0, ev.start - CONTEXT_CHARS), ev.start);
  const after = body.slice(ev.start + ev.length, ev.start + ev.length + CONTEXT_CHARS);
  return h(
    "q",
    {},
    (ev.start > CONTEXT_CHARS ? "..." : "") + before.replace(/\s+/g, " "),
    h("mark", {}, ev.text),
    after.replace(/\s+/g, " ") + (ev.start + ev.length + CONTEXT_CHARS < body.length ? "..." : ""),
  );
}

const nameOf = (m: ResultModel, address: string) => m.names.get(address.toLowerCase()) || address;

/** Where the user engaged with each cold recipient: a choice that sends priorContact and is remembered. */
function engagedForm(f: Finding, m: ResultModel, s: Strings, actions: FindingActions, index: number): HTMLElement | null {
  const recipients = recipientsOf(f);
  if (recipients.length === 0) return null;
  const rows = recipients.map((address, r) => {
    const name = nameOf(m, address);
    const known = m.prior[address];
    if (known) {
      const label = WHERE.includes(known as (typeof WHERE)[number]) ? s[`where_${known}` as keyof Strings] : known;
      return h("div", { class: "engaged-row" }, h("p", {}, format(s.engagedKnown, { name, where: label })),
        button(s.engagedForget, () => actions.engaged(address, null), { class: "subtle", "aria-label": format(s.engagedForgetLabel, { name }), disabled: m.stale }));
    }
    const id = `engaged-${index}-${r}`;
    const select = h("select", { id, disabled: m.stale }, WHERE.map((w) => h("option", { value: w }, s[`where_${w}` as keyof Strings])));
    const other = h("input", { id: `${id}-other`, maxlength: "60", hidden: true, "aria-label": s.engagedOther });
    select.addEventListener("change", () => (other.hidden = select.value !== "other"));
    const save = button(s.engagedSave, () => {
      const where = select.value === "other" ? other.value.trim() : select.value;
      if (where) actions.engaged(address, where);
    }, { "aria-label": format(s.engagedSaveLabel, { name }), disabled: m.stale });
    return h("div", { class: "engaged-row field" }, h("label", { for: id }, format(s.engagedLabel, { name })), h("div", { class: "inline" }, select, save), other);
  });
  return h("details", { class: "engaged" }, h("summary", {}, s.engaged), rows);
}

function findingItem(f: Finding, m: ResultModel, s: Strings, actions: FindingActions, index: number, muted: boolean): HTMLElement {
  const severity = s[`severity_${f.severity}` as keyof Strings] ?? f.severity;
  const title = m.rules.title(f.rule);
  const category = m.rules.category(f.rule);
  const shownRecipients = muted ? recipientsOf(f) : m.mutes.activeRecipients(f);
  const evidence = (f.evidence ?? []).filter((e) => e.text);
  const more = (f.evidenceTotal ?? evidence.length) - evidence.length;
  const names = shownRecipients.map((a) => nameOf(m, a)).join(", ");
  const help = m.rules.get(f.rule)?.helpUri ?? f.helpUri;
  const helpUrl = help ? new URL(help, m.base).href : null;
  const disabled = m.stale;
  const hide = muted
    ? button(s.unmute, () => actions.unmute(f), { class: "subtle", "data-action": "unmute", "aria-label": format(s.unmuteLabel, { title }), disabled })
    : h("details", { class: "hide" },
        h("summary", { "aria-label": format(s.hideMenuLabel, { title }), "data-action": "hide" }, s.hideMenu),
        h("div", { class: "hide-options" },
          button(s.muteMail, () => actions.mute(f, "mail"), { class: "subtle", "data-action": "mute-mail", "aria-label": format(s.muteMailLabel, { title }), disabled }),
          shownRecipients.length > 0
            ? button(format(s.muteRecipient, { names }), () => actions.mute(f, "recipient"), { class: "subtle", "data-action": "mute-recipient", "aria-label": format(s.muteRecipientLabel, { title, names }), disabled })
            : null,
          button(s.muteAlways, () => actions.mute(f, "always"), { class: "subtle", "data-action": "mute-always", "aria-label": format(s.muteAlwaysLabel, { title }), disabled }),
        ),
      );
  return h(
    "li",
    { class: `finding severity-${f.severity}${muted ? " muted" : ""}`, "data-rule": f.rule, "data-message-id": f.messageId ?? undefined },
    h("p", { class: "finding-head" },
      h("span", { class: "badge" }, severity), " ",
      h("span", { class: "rule-title" }, title), " ",
      h("span", { class: "category", "data-category": category }, s[`category_${category}` as keyof Strings] ?? category),
    ),
    h("p", { class: "message" }, f.message),
    names ? h("p", { class: "recipient" }, format(s.aboutRecipients, { names })) : null,
    evidence.length > 0 && !muted
      ? h("div", { class: "evidence" }, h("span", { class: "label" }, s.evidence), " ", evidence.map((e) => evidenceQuote(m.plain, e)), more > 0 ? h("p", { class: "meta" }, format(s.evidenceMore, { count: more })) : null)
      : null,
    f.suggestion && !muted ? h("p", { class: "suggestion" }, h("span", { class: "label" }, s.suggestion), " ", f.suggestion) : null,
    h(
      "div",
      { class: "actions" },
      !muted && f.fix ? button(format(s.apply, { title: f.fix.title }), () => actions.applyFix(f), { class: "primary", "data-action": "fix", disabled }) : null,
      !muted && f.rule === "mutual-benefit" && f.severity !== "info" ? button(s.addOffer, () => actions.addOffer(f), { "data-action": "offer", "aria-label": s.addOfferLabel, disabled }) : null,
      hide,
      helpUrl
        ? h("a", { href: helpUrl, target: "_blank", rel: "noopener", class: "help", "aria-label": format(s.helpLabel, { title }) }, s.helpLink)
        : null,
    ),
    !muted && f.rule === "engage-before-asking" && f.severity === "warning" ? engagedForm(f, m, s, actions, index) : null,
  );
}

function checkItem(c: Check, m: ResultModel, s: Strings): HTMLElement {
  const status = s[c.status] ?? c.status;
  return h("li", { class: `check check-${c.status}`, "data-rule": c.rule },
    h("span", { class: "check-status" }, status), " ", h("span", { class: "check-title" }, m.rules.title(c.rule)),
    c.detail ? [" - ", ...linked(c.detail, c.links ?? [])] : "");
}

/** The detail with each page it names (an http(s) URL from `links`, as written in the text) made a link; the rest stays text. */
function linked(detail: string, links: string[]): (string | HTMLElement)[] {
  const pages = links.filter((url) => /^https?:\/\//i.test(url) && detail.includes(url)).sort((a, b) => b.length - a.length);
  const parts: (string | HTMLElement)[] = [];
  let rest = detail;
  while (rest.length > 0) {
    const next = pages.map((url) => ({ url, at: rest.indexOf(url) })).filter((p) => p.at >= 0).sort((a, b) => a.at - b.at)[0];
    if (!next) break;
    if (next.at > 0) parts.push(rest.slice(0, next.at));
    parts.push(h("a", { href: next.url, target: "_blank", rel: "noopener noreferrer", class: "page-link" }, next.url));
    rest = rest.slice(next.at + next.url.length);
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

/** The score, or why there is none: never a number that was not earned. */
function scoreSection(m: ResultModel, s: Strings): HTMLElement {
  const r = m.result;
  // An older server sends no coverage: the checks list says the same (skipped ones did not run).
  const coverage = r.coverage ?? (r.checks.length > 0 ? { checked: r.checks.filter((c) => c.status !== "skipped").length, of: r.checks.length } : null);
  const partial = coverage !== null && coverage.checked < coverage.of;
  const score = scoreAfterMuting(r, (f) => m.mutes.isMuted(f));
  let value: HTMLElement;
  let note: string | null = null;
  if (score === null) {
    const text = partial && coverage.checked > 0 ? format(s.partial, { checked: coverage.checked, of: coverage.of }) : s.notChecked;
    value = h("p", { class: "score-value none", "data-score": "none" }, text);
    note = r.language && r.language !== "en" && r.language !== "it" ? format(s.notCheckedLanguage, { language: r.language }) : s.notCheckedEmpty;
  } else {
    const scoreClass = score >= 80 ? "good" : score >= 50 ? "fair" : "poor";
    value = h("p", { class: `score-value ${scoreClass}`, "data-score": String(score) }, format(s.scoreOf, { score }));
    if (partial) note = format(s.coverage, { checked: coverage.checked, of: coverage.of });
  }
  const hiddenRules = new Set(r.findings.filter((f) => m.mutes.isMuted(f)).map((f) => f.rule));
  const breakdown = r.scoreBreakdown?.length
    ? h("details", { class: "breakdown" },
        h("summary", {}, s.breakdownHeading),
        h("ul", {}, r.scoreBreakdown.map((d) => {
          const all = r.findings.filter((f) => f.rule === d.rule);
          const hidden = hiddenRules.has(d.rule) && all.every((f) => m.mutes.isMuted(f));
          return h("li", { "data-rule": d.rule }, format(hidden ? s.breakdownHidden : s.breakdownLine, { title: m.rules.title(d.rule), points: d.points }));
        })),
      )
    : r.score !== null ? h("p", { class: "meta" }, r.scoreBreakdown ? s.noDeductions : "") : null;
  return h("section", { class: "score", "aria-labelledby": "score-heading" },
    h("h2", { id: "score-heading" }, s.score),
    value,
    note ? h("p", { class: "coverage" }, note) : null,
    score !== null && r.score !== null && score !== r.score ? h("p", { class: "meta" }, s.scoreHiddenNote) : null,
    h("p", { class: "meta" }, format(s.language, { language: r.language })),
    breakdown,
  );
}

/** Renders one analysis: score, findings by severity (one card per problem), hidden findings, and the checks. */
export function renderResult(container: HTMLElement, m: ResultModel, s: Strings, actions: FindingActions): { active: number } {
  const cards = groupFindings(m.result.findings);
  const active = cards.filter((f) => !m.mutes.isMuted(f));
  const hidden = cards.filter((f) => m.mutes.isMuted(f));
  container.classList.toggle("stale", m.stale);
  container.replaceChildren(
    scoreSection(m, s),
    h("section", { class: "findings", "aria-labelledby": "findings-heading" },
      h("h2", { id: "findings-heading", tabindex: "-1" }, s.findingsHeading),
      active.length === 0 ? h("p", {}, s.noFindings) : h("ul", {}, active.map((f, i) => findingItem(f, m, s, actions, i, false))),
    ),
    hidden.length > 0
      ? h("section", { class: "muted-findings", "aria-labelledby": "muted-heading" },
          h("h2", { id: "muted-heading" }, s.mutedHeading),
          h("ul", {}, hidden.map((f, i) => findingItem(f, m, s, actions, i, true))),
        )
      : "",
    h("section", { class: "checks", "aria-labelledby": "checks-heading" },
      h("h2", { id: "checks-heading" }, s.checksHeading),
      h("ul", {}, m.result.checks.map((c) => checkItem(c, m, s))),
    ),
  );
  for (const link of container.querySelectorAll<HTMLAnchorElement>("a.help, a.page-link")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      actions.openHelp(link.href);
    });
  }
  return { active: active.length };
}
