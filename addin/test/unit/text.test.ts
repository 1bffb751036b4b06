import { describe, expect, it } from "vitest";
import { applyFix } from "../../src/fixes";
import { format, stringsFor, uiLanguage } from "../../src/i18n";
import { formatAddressList, parseAddressList } from "../../src/playground/addresses";
import { GENERIC_BODY } from "./fixtures";

describe("i18n", () => {
  it("picks Italian for it-IT and it, English otherwise", () => {
    expect(uiLanguage("it-IT")).toBe("it");
    expect(uiLanguage("it")).toBe("it");
    expect(uiLanguage("en-GB")).toBe("en");
    expect(uiLanguage("de-DE")).toBe("en");
    expect(uiLanguage(undefined)).toBe("en");
    expect(stringsFor("it-IT").checkAgain).toBe("Controlla di nuovo");
    expect(stringsFor("en-US").checkAgain).toBe("Check again");
  });

  it("has every English key translated into Italian", () => {
    const en = stringsFor("en"), it = stringsFor("it");
    expect(Object.keys(it).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(it[key], key).toBeTruthy();
  });

  it("fills placeholders", () => {
    expect(format("{score} out of {max}", { score: 62, max: 100 })).toBe("62 out of 100");
    expect(format("{missing}", {})).toBe("{missing}");
  });
});

describe("applying a fix to the plain-text body", () => {
  const fix = { title: "Greet Jane by name", start: 0, length: 9, replacement: "Dear Jane" };

  it("replaces exactly the range", () => {
    expect(applyFix(GENERIC_BODY, fix)).toBe(GENERIC_BODY.replace("Dear _ __", "Dear Jane"));
    expect(applyFix("abcdef", { title: "", start: 2, length: 2, replacement: "XY" })).toBe("abXYef");
    expect(applyFix("abc", { title: "", start: 3, length: 0, replacement: "!" })).toBe("abc!");
  });

  it("refuses a stale or out-of-range fix", () => {
    expect(applyFix("short", { ...fix, start: 2, length: 10 })).toBeNull();
    expect(applyFix("text", { ...fix, start: -1, length: 1 })).toBeNull();
    expect(applyFix("Hi _ __, ...", fix, "Dear _ __")).toBeNull();
  });
});

describe("playground address lists", () => {
  it("parses names and addresses", () => {
    expect(parseAddressList("Jane Doe <jane@shape.example>, bob@x.example; nonsense")).toEqual([
      { name: "Jane Doe", address: "jane@shape.example" },
      { name: "", address: "bob@x.example" },
    ]);
    expect(formatAddressList(parseAddressList('"Jane Doe" <jane@shape.example>'))).toBe("Jane Doe <jane@shape.example>");
  });
});
