import { beforeEach, describe, expect, it } from "vitest";
import { officeDraft, parseFoundAt, readDraft, supports } from "../../src/office/draft";
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

  it("reads recipients, subject, the text body and found-at pages into the contract's request", async () => {
    const { request, plain } = await readDraft(officeDraft());
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
    expect(plain).toBe("Dear _ __,\n\nCoffee?");
  });

  it("reads an HTML body as HTML (getTypeAsync first) and sends it as bodyFormat html, with its plain text beside it", async () => {
    state.bodyFormat = "html";
    state.body = '<p>Dear _ __,</p><p>Read <a href="https://ann.example/cv">my CV</a>?</p>';
    const { request, plain } = await readDraft(officeDraft());
    expect(request.bodyFormat).toBe("html");
    expect(request.body).toBe(state.body);
    expect(plain).toBe("Dear _ __,\nRead my CV <https://ann.example/cv>?");
  });

  it("writes the body back in its own format: HTML with HTML coercion, text with text", async () => {
    const draft = officeDraft();
    await draft.setBody({ format: "html", content: "<p>Dear Jane,</p>" });
    await draft.setBody({ format: "text", content: "Dear Jane," });
    expect(state.setBodyOptions).toEqual([{ coercionType: "html" }, { coercionType: "text" }]);
  });

  it("keeps session values in the item's sessionData where the client has Mailbox 1.11", async () => {
    await officeDraft().session.set("k", "v");
    expect(state.sessionData).toEqual({ k: "v" });
    expect(await officeDraft().session.get("k")).toBe("v");
  });

  it("falls back to localStorage for session values on older clients", async () => {
    state.mailbox = 1.1;
    localStorage.clear();
    await officeDraft().session.set("k", "v");
    expect(state.sessionData).toEqual({});
    expect(await officeDraft().session.get("k")).toBe("v");
  });

  it("answers requirement sets from isSetSupported", () => {
    state.mailbox = 1.13;
    expect(supports("Mailbox", "1.13")).toBe(true);
    expect(supports("Mailbox", "1.14")).toBe(false);
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
