import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtInRules, loadRuleBook } from "../../src/rules";

const src = join(import.meta.dirname, "..", "..", "src");

describe("the rule catalogue", () => {
  it("comes from GET /api/rules when the service answers", async () => {
    const served = { language: "en", rules: [{ ...builtInRules("en").rules[0], title: "Served title" }] };
    const book = await loadRuleBook("en", async () => served);
    expect(book.live).toBe(true);
    expect(book.title("engage-before-asking")).toBe("Served title");
  });

  it("falls back to the built-in copy when the service cannot be reached or answers something else", async () => {
    const offline = await loadRuleBook("it", async () => Promise.reject(new TypeError("Failed to fetch")));
    expect(offline.live).toBe(false);
    expect(offline.title("mutual-benefit")).toBe("Offri qualcosa in cambio");
    expect((await loadRuleBook("en", async () => ({ error: "nope" }))).live).toBe(false);
  });

  it("lets an unknown rule's error block send and names it by its name", async () => {
    const book = await loadRuleBook("en", async () => Promise.reject(new Error("x")));
    expect(book.blocksSend("a-new-rule")).toBe(true);
    expect(book.promptsOnSend("a-new-rule")).toBe(false);
    expect(book.title("a-new-rule")).toBe("a-new-rule");
  });

  it("has the built-in copies in the GET /api/rules shape, the same rules and policy in both languages, with help pages that exist", () => {
    const [en, it] = [builtInRules("en"), builtInRules("it")];
    expect(en.language).toBe("en");
    expect(it.language).toBe("it");
    const policy = (c: typeof en) => c.rules.map(({ name, category, articleRule, defaultSeverity, blocksSend, promptsOnSend, helpUri }) => ({ name, category, articleRule, defaultSeverity, blocksSend, promptsOnSend, helpUri }));
    expect(policy(it)).toEqual(policy(en));
    const docs = readdirSync(join(src, "..", "..", "docs", "rules")).filter((f) => f !== "README.md").map((f) => f.replace(/\.md$/, "")).sort();
    expect(en.rules.map((r) => r.name).sort()).toEqual(docs);
    for (const r of en.rules) expect(r.helpUri).toBe(`help/rules/${r.name}.html`);
  });

  it("is the only place in addin/src that names a rule's title (no copies in the UI code)", () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === "generated" ? [] : files(join(dir, e.name))) : [join(dir, e.name)]));
    const titles = [...builtInRules("en").rules, ...builtInRules("it").rules].map((r) => r.title);
    for (const file of files(src)) {
      const text = readFileSync(file, "utf8");
      for (const title of titles) expect(text.includes(title), `${file} repeats "${title}"`).toBe(false);
    }
  });
});
