import { describe, expect, it } from "vitest";
import { applyFix, insertOffer } from "../../src/edits";
import { htmlToText, insertParagraphInHtml, replaceInHtml } from "../../src/htmlText";
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

  it("has every English key translated into Italian, with the same placeholders", () => {
    const en = stringsFor("en"), it = stringsFor("it");
    expect(Object.keys(it).sort()).toEqual(Object.keys(en).sort());
    const holes = (t: string) => (t.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(it[key], key).toBeTruthy();
      expect(holes(it[key]), key).toEqual(holes(en[key]));
    }
  });

  it("keeps the Smart Alerts button label within Outlook's 20 characters", () => {
    expect(stringsFor("en").fixInPane.length).toBeLessThanOrEqual(20);
    expect(stringsFor("it").fixInPane.length).toBeLessThanOrEqual(20);
  });

  it("fills placeholders", () => {
    expect(format("{score} out of {max}", { score: 62, max: 100 })).toBe("62 out of 100");
    expect(format("{missing}", {})).toBe("{missing}");
  });
});

describe("the plain text of an HTML body, as the server makes it", () => {
  it("turns blocks into line breaks, collapses white space, decodes entities and keeps link targets", () => {
    const html = '<p>Dear&nbsp;_ __,</p>\n<p>I  loved <b>your</b>\n piece &amp; more: <a href="https://x.example/a">this</a>.</p>';
    expect(htmlToText(html).text).toBe("Dear _ __,\nI loved your piece & more: this <https://x.example/a>.");
  });

  it("quotes blockquotes, spaces table cells, reads image alt text and skips styles and scripts", () => {
    const html = '<style>p{}</style><p>Hi</p><blockquote><p>old</p></blockquote><table><tr><td>a</td><td>b</td></tr></table><img alt="Logo"><script>x()</script>';
    expect(htmlToText(html).text).toBe("Hi\n> old\na b\nLogo");
  });

  it("maps every character it did not make up back to the HTML it came from", () => {
    const html = "<p>A&amp;<b>B</b></p>";
    const mapped = htmlToText(html);
    expect(mapped.text).toBe("A&B");
    expect(mapped.text.split("").map((_, i) => html.slice(mapped.srcStart[i], mapped.srcEnd[i]))).toEqual(["A", "&amp;", "B"]);
  });
});

describe("a fix on an HTML body changes only the text it replaces", () => {
  const signature = '<img src="cid:sig.png" width="80">';

  it("rewrites the blank in a bold greeting and leaves every other byte as it was", () => {
    const html = `<div><b>Dear _ __</b>,</div><div>Read <a href="https://ann.example">my site</a></div>${signature}`;
    const out = replaceInHtml(html, 0, 9, "Dear Jane", "Dear _ __");
    expect(out).toBe(`<div><b>Dear Jane</b>,</div><div>Read <a href="https://ann.example">my site</a></div>${signature}`);
  });

  it("spreads a replacement over text split by tags: the first run gets it, the others are emptied, the tags stay", () => {
    const html = "<p>Dear <i>Sir</i> or <i>Madam</i>,</p>";
    const plain = htmlToText(html).text;
    const out = replaceInHtml(html, 0, "Dear Sir or Madam".length, "Dear Jane", plain.slice(0, 17));
    expect(out).toBe("<p>Dear <i>Jane</i><i></i>,</p>");
    expect(htmlToText(out as string).text).toBe("Dear Jane,");
  });

  it("escapes the replacement as HTML text", () => {
    expect(replaceInHtml("<p>Hi X</p>", 3, 1, "<Jane & co>", "X")).toBe("<p>Hi &lt;Jane &amp; co&gt;</p>");
  });

  it("refuses when the text there is not what was analysed, or when it is made-up text (a link's URL)", () => {
    expect(replaceInHtml("<p>Hi Bob</p>", 3, 3, "Jane", "Ann")).toBeNull();
    const link = '<p><a href="https://a.example/x">go</a></p>';
    const plain = htmlToText(link).text; // "go <https://a.example/x>"
    expect(replaceInHtml(link, plain.indexOf("https"), 5, "ftp", "https")).toBeNull();
  });

  it("applyFix on a text body replaces exactly the range, and refuses a stale range", () => {
    const fix = { title: "Greet Jane by name", start: 0, length: 9, replacement: "Dear Jane" };
    expect(applyFix({ format: "text", content: GENERIC_BODY }, fix, "Dear _ __")?.content).toBe(GENERIC_BODY.replace("Dear _ __", "Dear Jane"));
    expect(applyFix({ format: "text", content: "Hi _ __, ..." }, fix, "Dear _ __")).toBeNull();
    expect(applyFix({ format: "text", content: "short" }, { ...fix, length: 10 }, "short")).toBeNull();
  });
});

describe("Add an offer", () => {
  const offer = "In return, I'd be glad to help.";
  const body = "Dear Jane,\n\nI would love to pick your brain. Could you review my CV?\n\nBest,\nAnn";
  const ask = body.indexOf("Could you review my CV?") + "Could you review my CV?".length;

  it("goes in as its own paragraph after the paragraph that asks", () => {
    const out = insertOffer({ format: "text", content: body }, offer, ask, null);
    expect(out?.body.content).toBe(`Dear Jane,\n\nI would love to pick your brain. Could you review my CV?\n\n${offer}\n\nBest,\nAnn`);
    expect(out?.atCursor).toBe(false);
  });

  it("never goes before the greeting: a cursor left at the start is ignored", () => {
    const out = insertOffer({ format: "text", content: body }, offer, ask, 0);
    expect(out?.body.content.startsWith("Dear Jane,")).toBe(true);
    expect(out?.atCursor).toBe(false);
  });

  it("at a placed cursor, goes after the word there (never inside a word or link) with spaces either side", () => {
    const text = "Dear Jane,\nSee https://ann.example/cv now.";
    const inUrl = text.indexOf("ann.example");
    const out = insertOffer({ format: "text", content: text }, offer, 0, inUrl);
    expect(out?.body.content).toBe(`Dear Jane,\nSee https://ann.example/cv ${offer} now.`);
    expect(out?.atCursor).toBe(true);
  });

  it("in HTML, is a new paragraph of the same kind after the asking one, with the body's empty line before it", () => {
    const html = '<div style="font-family:Calibri">Dear Jane,</div><div><br></div><div style="font-family:Calibri">Could you review my CV?</div><div><br></div><div>Ann</div>';
    const plain = htmlToText(html).text;
    const at = plain.indexOf("CV?") + 3;
    const out = insertOffer({ format: "html", content: html }, offer, at, null)?.body.content as string;
    const inserted = `<div><br></div><div style="font-family:Calibri">${offer}</div>`;
    expect(out).toBe(html.replace("CV?</div>", `CV?</div>${inserted}`));
    expect(htmlToText(out).text).toBe(`Dear Jane,\n\nCould you review my CV?\n\n${offer}\n\nAnn`);
  });

  it("in HTML with no element to follow, adds two line breaks and the text after the asking line", () => {
    expect(insertParagraphInHtml("Dear Jane,<br>Could you help?<br>Ann", 20, offer)).toBe(`Dear Jane,<br>Could you help?<br><br>${offer}<br>Ann`);
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
