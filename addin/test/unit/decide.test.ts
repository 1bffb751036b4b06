import { describe, expect, it } from "vitest";
import type { AnalysisResult, Finding } from "../../src/contract";
import { decideOnSend } from "../../src/decide";
import { stringsFor } from "../../src/i18n";
import { builtInRules, ruleBook } from "../../src/rules";
import { RULES_EN, genericResult } from "./fixtures";

const en = { strings: stringsFor("en-US"), rules: RULES_EN };
const withFindings = (...findings: Finding[]): AnalysisResult => ({ ...genericResult(), findings });
const finding = (rule: string, severity: Finding["severity"], message = `${rule} fired.`, recipient?: string): Finding => ({ rule, severity, message, messageId: `${rule}/x`, recipient });

describe("decideOnSend", () => {
  it("allows, marked not checked, when there is no analysis (API down, slow or failing)", () => {
    const verdict = decideOnSend(null, en);
    expect(verdict).toMatchObject({ action: "allow", checked: false });
    expect(verdict.message).toContain("could not check this mail");
  });

  it("allows a clean message and one with only tips or warnings that do not prompt", () => {
    expect(decideOnSend(withFindings(), en)).toMatchObject({ action: "allow", checked: true });
    expect(decideOnSend(withFindings(finding("mutual-benefit", "warning"), finding("specific-reference", "warning"), finding("personal-greeting", "info")), en).action).toBe("allow");
  });

  it("blocks on an error of a rule whose errors block send, naming the rule by its catalogue title", () => {
    const d = decideOnSend(withFindings(finding("listed-address", "error", "The address is not on the page you gave.")), en);
    expect(d.action).toBe("block");
    expect(d.message).toContain("Write only to listed addresses: The address is not on the page you gave.");
  });

  it.each(["private-channel", "personal-greeting", "no-automation"])("prompts on a %s warning (promptsOnSend in the catalogue)", (rule) => {
    expect(decideOnSend(withFindings(finding(rule, "warning")), en).action).toBe("prompt");
  });

  it("takes the policy from the catalogue, not from a list of its own", () => {
    const catalog = builtInRules("en");
    const lenient = ruleBook({ ...catalog, rules: catalog.rules.map((r) => ({ ...r, blocksSend: false, promptsOnSend: false })) }, true);
    expect(decideOnSend(withFindings(finding("listed-address", "error"), finding("private-channel", "warning")), { ...en, rules: lenient }).action).toBe("allow");
  });

  it("counts one problem per card (five recipients, one finding) and localizes the summary", () => {
    const five = ["a", "b", "c", "d", "e"].map((r) => finding("private-channel", "warning", "Everyone sees everyone.", `${r}@x.example`));
    expect(decideOnSend(withFindings(...five), en).message).toMatch(/^Outreach Advisor found a problem\./);
    const two = withFindings(finding("personal-greeting", "warning", "Greeting is blank."), finding("no-automation", "warning"));
    expect(decideOnSend(two, en).message).toMatch(/found 2 problems\./);
    expect(decideOnSend(two, { ...en, strings: stringsFor("it-IT") }).message).toMatch(/ha trovato 2 problemi/);
  });

  it("ignores findings the user muted", () => {
    const result = withFindings(finding("personal-greeting", "warning"));
    expect(decideOnSend(result, { ...en, isMuted: (f) => f.rule === "personal-greeting" }).action).toBe("allow");
  });

  it("keeps both texts within the 500 characters Outlook shows, and escapes Markdown in the user's words", () => {
    const d = decideOnSend(withFindings(finding("no-automation", "error", "x".repeat(800))), en);
    expect(d.message.length).toBeLessThanOrEqual(500);
    expect(d.markdown.length).toBeLessThanOrEqual(500);
    const m = decideOnSend(withFindings(finding("no-automation", "error", "Found *[click](here)*")), en);
    expect(m.markdown).toContain("Found \\*\\[click\\]\\(here\\)\\*");
  });
});
