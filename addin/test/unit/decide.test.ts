import { describe, expect, it } from "vitest";
import type { AnalysisResult, Finding } from "../../src/contract";
import { decideOnSend } from "../../src/decide";
import { stringsFor } from "../../src/i18n";
import { genericResult } from "./fixtures";

const en = { strings: stringsFor("en-US") };
const withFindings = (...findings: Finding[]): AnalysisResult => ({ ...genericResult(), findings });
const finding = (rule: string, severity: Finding["severity"], message = `${rule} fired.`): Finding => ({ rule, severity, message });

describe("decideOnSend", () => {
  it("allows when there is no analysis (API down, slow or failing)", () => {
    expect(decideOnSend(null, en)).toEqual({ allow: true, message: "" });
  });

  it("allows a clean message and one with only non-blocking warnings or tips", () => {
    expect(decideOnSend(withFindings(), en).allow).toBe(true);
    expect(decideOnSend(withFindings(finding("mutual-benefit", "warning"), finding("specific-reference", "warning"), finding("personal-greeting", "info")), en).allow).toBe(true);
  });

  it("blocks (with a message) on any error", () => {
    const d = decideOnSend(withFindings(finding("listed-address", "error", "The address is not on the page you gave.")), en);
    expect(d.allow).toBe(false);
    expect(d.message).toContain("The address is not on the page you gave.");
  });

  it.each(["private-channel", "personal-greeting", "no-automation"])("blocks on a %s warning", (rule) => {
    expect(decideOnSend(withFindings(finding(rule, "warning")), en).allow).toBe(false);
  });

  it("counts several blocking findings and localizes the summary", () => {
    const result = withFindings(finding("personal-greeting", "warning", "Greeting is blank."), finding("no-automation", "warning"));
    expect(decideOnSend(result, en).message).toMatch(/found 2 problems, e\.g\. Greeting is blank\./);
    expect(decideOnSend(result, { strings: stringsFor("it-IT") }).message).toMatch(/ha trovato 2 problemi/);
  });

  it("ignores findings the user muted", () => {
    const result = withFindings(finding("personal-greeting", "warning"));
    expect(decideOnSend(result, { ...en, isSuppressed: (f) => f.rule === "personal-greeting" }).allow).toBe(true);
  });

  it("keeps the message within the 500 characters Outlook shows", () => {
    const d = decideOnSend(withFindings(finding("no-automation", "error", "x".repeat(800))), en);
    expect(d.message.length).toBeLessThanOrEqual(500);
  });
});
