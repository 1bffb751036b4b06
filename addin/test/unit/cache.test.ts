import { beforeEach, describe, expect, it } from "vitest";
import { CACHE_PREFIX, readCachedAnalysis, writeCachedAnalysis } from "../../src/cache";
import { draftHash } from "../../src/hash";
import { genericResult } from "./fixtures";

const draft = {
  to: [{ name: "Jane Doe", address: "jane@shape.example" }, { name: "", address: "bob@x.example" }],
  cc: [],
  bcc: [],
  subject: "Quick question",
  body: "Dear _ __,",
};

describe("draft hash", () => {
  it("is the same for the same draft, whatever the recipients' order, names or case", () => {
    const reordered = { ...draft, to: [{ name: "Bob", address: "BOB@x.example" }, draft.to[0]] };
    expect(draftHash(reordered)).toBe(draftHash(draft));
  });
  it("changes with the body, subject or recipients", () => {
    expect(draftHash({ ...draft, body: "Dear Jane," })).not.toBe(draftHash(draft));
    expect(draftHash({ ...draft, subject: "Hello" })).not.toBe(draftHash(draft));
    expect(draftHash({ ...draft, cc: [{ name: "", address: "c@x.example" }] })).not.toBe(draftHash(draft));
  });
});

describe("cached analysis in localStorage", () => {
  beforeEach(() => localStorage.clear());

  it("returns the result for exactly this draft while it is fresh (< 2 min)", () => {
    const hash = draftHash(draft);
    writeCachedAnalysis(hash, genericResult(), 1_000_000);
    expect(readCachedAnalysis(hash, 1_000_000 + 60_000)?.score).toBe(38);
    expect(readCachedAnalysis(hash, 1_000_000 + 121_000)).toBeNull();
    expect(readCachedAnalysis(draftHash({ ...draft, body: "other" }), 1_000_000)).toBeNull();
  });

  it("keeps only the latest draft's entry and survives garbage", () => {
    writeCachedAnalysis("a", genericResult());
    writeCachedAnalysis("b", genericResult());
    expect(Object.keys(localStorage).filter((k) => k.startsWith(CACHE_PREFIX))).toEqual([CACHE_PREFIX + "b"]);
    localStorage.setItem(CACHE_PREFIX + "c", "{oops");
    expect(readCachedAnalysis("c")).toBeNull();
  });
});
