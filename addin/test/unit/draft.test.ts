import { beforeEach, describe, expect, it } from "vitest";
import { officeDraft, parseFoundAt, readRequest } from "../../src/office/draft";
import { JANE, installOfficeMock, type MockItemState } from "./officeMock";

describe("reading and writing the compose item through Office.js (office-addin-mock)", () => {
  let state: MockItemState;
  beforeEach(() => {
    ({ state } = installOfficeMock({
      to: [JANE],
      cc: [{ name: "", address: "bob@other.example" }],
      subject: "Quick question",
      body: "Dear _ __,\n\nCoffee?",
      customProperties: { outreachFoundAt: JSON.stringify({ "jane@shape.example": "https://janedoe.example/contact", "old@gone.example": "https://x.example" }) },
    }));
  });

  it("reads recipients, subject, plain-text body and found-at pages into the contract's request", async () => {
    const request = await readRequest(officeDraft());
    expect(request).toEqual({
      from: { name: "Ann Lee", address: "ann@lee.example" },
      to: [JANE],
      cc: [{ name: "", address: "bob@other.example" }],
      bcc: [],
      subject: "Quick question",
      body: "Dear _ __,\n\nCoffee?",
      bodyFormat: "text",
      foundAt: { "jane@shape.example": "https://janedoe.example/contact" },
    });
  });

  it("writes the body back as text and inserts at the cursor", async () => {
    const draft = officeDraft();
    await draft.setBodyText("Dear Jane,\n\nCoffee?");
    await draft.insertAtCursor("In return...");
    expect(state.body).toBe("Dear Jane,\n\nCoffee?");
    expect(state.setBodyOptions).toEqual([{ coercionType: "text" }]);
    expect(state.inserted).toEqual(["In return..."]);
  });

  it("stores found-at pages with the item as a custom property", async () => {
    await officeDraft().saveFoundAt({ "jane@shape.example": "https://shape.example/staff" });
    expect(JSON.parse(state.customProperties.outreachFoundAt as string)).toEqual({ "jane@shape.example": "https://shape.example/staff" });
    expect(await officeDraft().loadFoundAt()).toEqual({ "jane@shape.example": "https://shape.example/staff" });
  });

  it("registers for RecipientsChanged", async () => {
    let calls = 0;
    await officeDraft().onRecipientsChanged(() => calls++);
    state.handlers.olkRecipientsChanged();
    expect(calls).toBe(1);
  });

  it("ignores malformed found-at properties", () => {
    expect(parseFoundAt("{not json")).toEqual({});
    expect(parseFoundAt(JSON.stringify({ a: 1, b: " ", c: "https://c.example" }))).toEqual({ c: "https://c.example" });
    expect(parseFoundAt(undefined)).toEqual({});
  });
});
