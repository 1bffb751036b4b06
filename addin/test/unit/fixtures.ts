import type { AnalysisResult } from "../../src/contract";
import { builtInRules, ruleBook } from "../../src/rules";

export const GENERIC_BODY = "Dear _ __,\n\nI would love to pick your brain over coffee. Could you also review my CV?";

export const RULES_EN = ruleBook(builtInRules("en"), false);

/** A result shaped like the contract's example (sections 2, 6, 7), for the generic cold e-mail above. */
export function genericResult(): AnalysisResult {
  return {
    score: 38,
    coverage: { checked: 9, of: 9 },
    scoreBreakdown: [
      { rule: "personal-greeting", points: -30 },
      { rule: "specific-reference", points: -15 },
      { rule: "mutual-benefit", points: -15 },
    ],
    language: "en",
    ask: true,
    findings: [
      {
        rule: "personal-greeting",
        messageId: "personal-greeting/placeholder",
        severity: "error",
        message: "The greeting is a blank placeholder.",
        suggestion: "Greet Jane by name.",
        recipient: null,
        recipients: [],
        evidence: [{ start: 0, length: 9, text: "Dear _ __" }],
        category: "personalisation",
        fix: { title: "Greet Jane by name", start: 0, length: 9, replacement: "Dear Jane" },
      },
      {
        rule: "specific-reference",
        messageId: "specific-reference/none",
        severity: "warning",
        message: "Nothing in the message refers to the recipient's own work.",
        suggestion: "Mention an article, talk or project of theirs.",
        recipient: "jane@shape.example",
        recipients: ["jane@shape.example"],
        evidence: [{ start: GENERIC_BODY.indexOf("pick your brain"), length: 15, text: "pick your brain" }],
      },
      {
        rule: "mutual-benefit",
        messageId: "mutual-benefit/nothing-offered",
        severity: "warning",
        message: "You ask for something and offer nothing in return.",
        suggestion: "Offer something useful to them.",
        recipient: null,
        evidence: [{ start: GENERIC_BODY.indexOf("Could you"), length: "Could you also review my CV?".length, text: "Could you also review my CV?" }],
      },
    ],
    checks: [
      { rule: "personal-greeting", status: "failed", detail: "blank greeting" },
      { rule: "engage-before-asking", status: "skipped", detail: "no mailbox" },
      { rule: "private-channel", status: "passed", detail: "one recipient" },
    ],
  };
}
