import { type AnalysisResult, CATEGORY_ORDER, type Check, type Evidence, type Finding, categoryOf } from "../contract";
import { type Strings, format } from "../i18n";
import { button, h } from "./dom";

export interface FindingActions {
  applyFix(finding: Finding): void;
  addOffer(finding: Finding): void;
  mute(finding: Finding): void;
  unmute(finding: Finding): void;
}

const CONTEXT_CHARS = 30;

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

function findingItem(f: Finding, body: string, s: Strings, actions: FindingActions, muted: boolean): HTMLElement {
  const severity = s[`severity_${f.severity}` as keyof Strings] ?? f.severity;
  const evidence = (f.evidence ?? []).filter((e) => e.text);
  return h(
    "li",
    { class: `finding severity-${f.severity}${muted ? " muted" : ""}`, "data-rule": f.rule },
    h("p", { class: "finding-head" }, h("span", { class: "badge" }, severity), " ", h("strong", {}, f.message)),
    f.recipient ? h("p", { class: "recipient" }, f.recipient) : null,
    evidence.length > 0 && !muted
      ? h("div", { class: "evidence" }, h("span", { class: "label" }, s.evidence), " ", evidence.map((e) => evidenceQuote(body, e)))
      : null,
    f.suggestion && !muted ? h("p", { class: "suggestion" }, h("span", { class: "label" }, s.suggestion), " ", f.suggestion) : null,
    h(
      "div",
      { class: "actions" },
      !muted && f.fix ? button(format(s.apply, { title: f.fix.title }), () => actions.applyFix(f), { class: "primary", "data-action": "fix" }) : null,
      !muted && f.rule === "mutual-benefit" ? button(s.addOffer, () => actions.addOffer(f), { "data-action": "offer" }) : null,
      muted
        ? button(s.unmute, () => actions.unmute(f), { class: "subtle", "data-action": "unmute" })
        : button(s.mute, () => actions.mute(f), { class: "subtle", "data-action": "mute" }),
      f.helpUri ? h("a", { href: f.helpUri, target: "_blank", rel: "noopener" }, f.rule) : null,
    ),
  );
}

function checkItem(c: Check, s: Strings): HTMLElement {
  const status = s[c.status] ?? c.status;
  return h("li", { class: `check check-${c.status}`, "data-rule": c.rule }, h("span", { class: "check-status" }, status), " ", h("code", {}, c.rule), c.detail ? ` - ${c.detail}` : "");
}

/** Renders one analysis: score, findings grouped by category, muted findings, and the checks. */
export function renderResult(
  container: HTMLElement,
  result: AnalysisResult,
  body: string,
  s: Strings,
  isMuted: (f: Finding) => boolean,
  actions: FindingActions,
): void {
  const active = result.findings.filter((f) => !isMuted(f));
  const muted = result.findings.filter((f) => isMuted(f));
  const groupOf = (f: Finding) => ((CATEGORY_ORDER as readonly string[]).includes(categoryOf(f)) ? categoryOf(f) : "other");
  const groups = CATEGORY_ORDER.map((category) => ({ category, findings: active.filter((f) => groupOf(f) === category) })).filter((g) => g.findings.length > 0);
  const scoreClass = result.score >= 80 ? "good" : result.score >= 50 ? "fair" : "poor";

  const sections = [
    h("section", { class: "score", "aria-labelledby": "score-heading" },
      h("h2", { id: "score-heading" }, s.score),
      h("p", { class: `score-value ${scoreClass}`, "data-score": String(result.score) }, format(s.scoreOf, { score: result.score })),
      h("p", { class: "meta" }, format(s.language, { language: result.language })),
    ),
    h("section", { class: "findings", "aria-labelledby": "findings-heading" },
      h("h2", { id: "findings-heading", tabindex: "-1" }, s.findingsHeading),
      groups.length === 0 ? h("p", {}, s.noFindings) : null,
      groups.map((g) =>
        h("section", { class: "category", "data-category": g.category },
          h("h3", {}, s[`category_${g.category}` as keyof Strings] ?? g.category),
          h("ul", {}, g.findings.map((f) => findingItem(f, body, s, actions, false))),
        ),
      ),
    ),
    muted.length > 0
      ? h("section", { class: "muted-findings", "aria-labelledby": "muted-heading" },
          h("h2", { id: "muted-heading" }, s.mutedHeading),
          h("ul", {}, muted.map((f) => findingItem(f, body, s, actions, true))),
        )
      : null,
    h("section", { class: "checks", "aria-labelledby": "checks-heading" },
      h("h2", { id: "checks-heading" }, s.checksHeading),
      h("ul", {}, result.checks.map((c) => checkItem(c, s))),
    ),
  ];
  container.replaceChildren(...sections.filter((x): x is HTMLElement => x !== null));
}
