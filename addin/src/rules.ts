import type { RuleInfo, RulesCatalog } from "./contract";
import en from "./generated/rules.en.json";
import it from "./generated/rules.it.json";

/**
 * The rule catalogue: what each rule is called, its category, whether it blocks sending. It comes
 * from GET /api/rules; src/generated/rules.<lang>.json is the copy made at build time, used when the
 * service cannot be reached (and by the on-send handler, which makes no extra call).
 */
export interface RuleBook {
  readonly language: string;
  /** Whether this catalogue came from the server (false: the built-in copy). */
  readonly live: boolean;
  readonly rules: readonly RuleInfo[];
  get(name: string): RuleInfo | undefined;
  title(name: string): string;
  category(name: string): string;
  /** An error of this rule stops sending. Unknown rules do: a new rule's error is never waved through. */
  blocksSend(name: string): boolean;
  promptsOnSend(name: string): boolean;
}

const BUILT_IN: Record<string, RulesCatalog> = { en: en as RulesCatalog, it: it as RulesCatalog };

export function builtInRules(language: "en" | "it"): RulesCatalog {
  return BUILT_IN[language];
}

function isCatalog(value: unknown): value is RulesCatalog {
  const rules = (value as RulesCatalog | null)?.rules;
  return Array.isArray(rules) && rules.length > 0 && rules.every((r) => typeof r?.name === "string" && typeof r.title === "string");
}

export function ruleBook(catalog: RulesCatalog, live: boolean): RuleBook {
  const byName = new Map(catalog.rules.map((r) => [r.name, r]));
  return {
    language: catalog.language,
    live,
    rules: catalog.rules,
    get: (name) => byName.get(name),
    title: (name) => byName.get(name)?.title ?? name,
    category: (name) => byName.get(name)?.category ?? "other",
    blocksSend: (name) => byName.get(name)?.blocksSend ?? true,
    promptsOnSend: (name) => byName.get(name)?.promptsOnSend ?? false,
  };
}

/** The server's catalogue, or the built-in copy when it cannot be had (or is not one). */
export async function loadRuleBook(language: "en" | "it", fetchRules: () => Promise<unknown>): Promise<RuleBook> {
  try {
    const catalog = await fetchRules();
    if (isCatalog(catalog)) return ruleBook(catalog, true);
  } catch {
    // offline or an older server: the built-in copy below
  }
  return ruleBook(builtInRules(language), false);
}
