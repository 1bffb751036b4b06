import type { AnalysisResult } from "../../src/contract";

export const GENERIC_BODY = "Dear _ __,\n\nI would love to pick your brain over coffee. Could you also review my CV?";

/** A result shaped like the contract's example, for the generic cold e-mail above. */
export function genericResult(): AnalysisResult {
  return {
    score: 38,
    language: "en",
    ask: true,
    findings: [
      {
        rule: "personal-greeting",
        severity: "warning",
        message: "The greeting is a blank placeholder.",
        suggestion: "Greet Jane by name.",
        recipient: null,
        evidence: [{ start: 0, length: 9, text: "Dear _ __" }],
        category: "personalisation",
        fix: { title: "Greet Jane by name", start: 0, length: 9, replacement: "Dear Jane" },
      },
      {
        rule: "specific-reference",
        severity: "warning",
        message: "Nothing in the message refers to the recipient's own work.",
        suggestion: "Mention an article, talk or project of theirs.",
        recipient: "jane@shape.example",
        evidence: [{ start: GENERIC_BODY.indexOf("pick your brain"), length: 15, text: "pick your brain" }],
      },
      {
        rule: "mutual-benefit",
        severity: "warning",
        message: "You ask for something and offer nothing in return.",
        suggestion: "Offer something useful to them.",
        recipient: null,
        evidence: [],
      },
    ],
    checks: [
      { rule: "personal-greeting", status: "failed", detail: "blank greeting" },
      { rule: "engage-before-asking", status: "skipped", detail: "no mailbox" },
      { rule: "private-channel", status: "passed", detail: "one recipient" },
    ],
  };
}
