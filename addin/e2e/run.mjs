// Browser tests: `outreach serve` (the real API, serving dist/) + Debian's chromium through
// playwright-core, driving the playground, whose Office stand-in plays Outlook's compose item.
// A second part builds the add-in with sign-in configured, starts a local OpenID issuer (https,
// self-signed, trusted by that server process only) and a server that requires its tokens; the
// stand-in brokers the token through nested app authentication as Outlook would.
// Needs: `npm run build` done, the .NET CLI built in Release, /usr/bin/chromium (or CHROMIUM_PATH), openssl.
// Prints one line "e2e: N passed, N failed" and exits non-zero on any failure.
import { execFileSync, spawn } from "node:child_process";
import { createHash, createSign, generateKeyPairSync, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { chromium } from "playwright-core";

const addin = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repo = resolve(addin, "..");
const dll = process.env.OUTREACH_DLL ?? join(repo, "functions/OutreachAdvisor.Cli/bin/Release/net10.0/outreach.dll");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const results = join(addin, "test-results");
const GENERIC = "Dear _ __,\n\nI would love to pick your brain over coffee. Could you also review my CV?";
const OFFER = "In return, I'd be glad to help with [something useful to you] - just let me know.";
// An HTML draft as Outlook writes one: a bold greeting, a link, a table, a signature image.
const SIGNATURE_IMG = '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" alt="" width="40" height="40">';
const HTML_DRAFT = [
  '<div style="font-family: Calibri, sans-serif; font-size: 11pt">',
  "<div><b>Dear _ __</b>,</div>",
  "<div><br></div>",
  '<div>I read <a href="https://shape.example/colour">your piece on colour</a> and would love to pick your brain over coffee. Could you also review my CV?</div>',
  "<div><br></div>",
  '<table border="1" cellpadding="4"><tr><th>Role</th><th>Years</th></tr><tr><td>Designer</td><td>6</td></tr></table>',
  "<div><br></div>",
  `<div id="Signature"><div>Ann Lee</div><div>${SIGNATURE_IMG}</div></div>`,
  "</div>",
].join("");

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Starts `outreach serve` and resolves once it prints "Listening on http://127.0.0.1:N". */
async function startServer({ addinDir = join(addin, "dist"), env = {} } = {}) {
  const port = await freePort();
  const child = spawn("dotnet", [dll, "serve", "--port", String(port), "--addin-dir", addinDir], { cwd: repo, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let output = "";
  const base = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`outreach serve did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const m = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      rej(new Error(`outreach serve exited with ${code}:\n${output}`));
    });
  });
  const stop = () =>
    new Promise((res) => {
      if (child.exitCode !== null || child.signalCode !== null) return res();
      child.once("exit", () => res());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  return { base, stop };
}

/**
 * axe on the page (or a part of it): no serious or critical violations. `known` names violations
 * of pages this add-in does not make (rule id and the selectors they sit on), reported, not hidden.
 */
async function axe(target, include, known = null) {
  let builder = new AxeBuilder({ page: target });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const isKnown = (v) => known !== null && v.id === known.id && v.nodes.every((n) => n.target.some((t) => known.selectors.some((k) => String(t).includes(k))));
  for (const v of violations.filter(isKnown)) console.log(`        known (${known.owner}): ${v.id} (${v.impact}) on ${v.nodes.length} elements: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  const bad = violations.filter((v) => (v.impact === "serious" || v.impact === "critical") && !isKnown(v));
  const minor = violations.filter((v) => v.impact !== "serious" && v.impact !== "critical");
  if (minor.length > 0) console.log(`        axe, below serious: ${minor.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(", ")}`);
  assert(bad.length === 0, `axe: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`).join("; ")}`);
  return violations.length;
}

// ---- the tests, in order: they share one page, as a user's session would ----

let page, server, browser;
const analyzeRequests = [];
const cardSel = (rule) => `.findings li[data-rule="${rule}"]`;
const stand = (fn, arg) => page.evaluate(fn, arg);
const body = () => stand(() => window.outreachStandIn.state.body);
const waitForCheck = async (before, timeout = 10_000) => {
  for (let waited = 0; analyzeRequests.length === before && waited < timeout; waited += 50) await page.waitForTimeout(50);
  await page.waitForFunction(() => !document.querySelector("#check-again")?.hasAttribute("aria-busy"), null, { timeout });
};
/** Undo, then wait for the pane's check of the restored draft: until it answers, the pane still shows
 * the findings of the edited draft (the offer's "[something useful to you]" among them). */
const undoAndRecheck = async (restored) => {
  const before = analyzeRequests.length;
  await page.locator("#undo").click();
  await page.waitForFunction((o) => window.outreachStandIn.state.body === o, restored, { timeout: 5000 });
  await waitForCheck(before);
  await page.waitForFunction(() => !document.querySelector('.findings li[data-message-id="personal-greeting/merge-field"]'), null, { timeout: 10_000 });
};
const setHtmlDraft = async (html) => {
  const before = analyzeRequests.length;
  await stand((h) => {
    window.outreachStandIn.update({ body: h, bodyFormat: "html" });
    document.querySelector("#pg-format").value = "html";
    document.querySelector("#pg-format").dispatchEvent(new Event("change"));
  }, html).catch(() => undefined);
  // The format switch re-derives the body from the old one: put the exact HTML back and check it.
  await stand((h) => window.outreachStandIn.update({ body: h, bodyFormat: "html" }), html);
  await page.click("#check-again");
  await waitForCheck(before);
};
const setTextDraft = async (text) => {
  await stand(() => {
    document.querySelector("#pg-format").value = "text";
    window.outreachStandIn.update({ bodyFormat: "text" });
  });
  await page.evaluate(() => {
    document.querySelector("#pg-html").hidden = true;
    document.querySelector("#pg-body").hidden = false;
  });
  const before = analyzeRequests.length;
  await page.fill("#pg-body", text);
  await waitForCheck(before);
};
const send = async (target = page) => {
  await target.evaluate(() => delete document.querySelector("#pg-send-result").dataset.allowed);
  await target.click("#pg-send");
  await target.waitForFunction(() => document.querySelector("#pg-send-result")?.dataset.allowed !== undefined, null, { timeout: 10_000 });
  return {
    allowed: (await target.locator("#pg-send-result").getAttribute("data-allowed")) === "true",
    checked: (await target.locator("#pg-send-result").getAttribute("data-checked")) === "true",
    text: await target.locator("#pg-send-result").textContent(),
  };
};

test("a generic cold e-mail: the error comes first, with its evidence, the rule's catalogue title and a score", async () => {
  await page.goto(`${server.base}/playground.html?lang=en-US`);
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.reload();
  await page.fill("#pg-to", "Jane Doe <jane@shape.example>");
  await page.fill("#pg-subject", "Quick question");
  await page.fill("#pg-body", GENERIC);
  await page.locator(cardSel("personal-greeting")).waitFor({ timeout: 15_000 });
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes("Dear _ __"), `${cardSel("personal-greeting")} mark`);
  const first = await page.locator(".findings li.finding").first().getAttribute("data-rule");
  assert(first === "personal-greeting", `the first card is ${first}, not the error`);
  assert((await page.locator(`${cardSel("personal-greeting")} .rule-title`).textContent()) === "Greet the person by name", "no rule title");
  const evidence = await page.locator(`${cardSel("specific-reference")} mark`).allTextContents();
  assert(evidence.length > 0 && evidence.every((e) => GENERIC.includes(e)), `specific-reference evidence ${JSON.stringify(evidence)} is not words of the body`);
  assert(/^\d+ out of 100$/.test(await page.locator(".score-value").textContent()), "no score shown");
  assert((await page.locator(".check").count()) >= 9, "the checks list should list every rule");
  assert((await page.locator('.pane [role="status"][aria-live="polite"]').textContent()).includes("out of 100"), "results not announced");
});

test("typing sends no request storm: one check after the typing stops", async () => {
  await page.waitForTimeout(1000);
  const before = analyzeRequests.length;
  await page.locator("#pg-subject").pressSequentially(" about your SHAPE piece", { delay: 40 });
  await page.waitForTimeout(1500);
  const sent = analyzeRequests.length - before;
  assert(sent === 1, `expected 1 request for 23 keystrokes, got ${sent}`);
  await page.fill("#pg-subject", "Quick question");
  await page.waitForTimeout(1200);
});

test("found at: a page is stored and sent; 'a friend gave it to me' is an error on its field and the check still runs", async () => {
  const input = 'input[data-address="jane@shape.example"]';
  let before = analyzeRequests.length;
  await page.fill(input, "https://janedoe.example/contact");
  await page.locator(input).dispatchEvent("change");
  await waitForCheck(before);
  assert(JSON.parse(analyzeRequests.at(-1)).foundAt?.["jane@shape.example"] === "https://janedoe.example/contact", "foundAt not sent");
  const stored = await stand(() => window.outreachStandIn.state.customProperties.outreachFoundAt);
  assert(JSON.parse(stored)["jane@shape.example"] === "https://janedoe.example/contact", "not stored in custom properties");
  before = analyzeRequests.length;
  await page.fill(input, "a friend gave it to me");
  await page.locator(input).dispatchEvent("change");
  await waitForCheck(before);
  assert(JSON.stringify(JSON.parse(analyzeRequests.at(-1)).foundAt) === "{}", "the bad entry was sent");
  assert((await page.getAttribute(input, "aria-invalid")) === "true", "the field is not marked invalid");
  const errorId = await page.getAttribute(input, "aria-describedby");
  assert((await page.locator(`#${errorId}`).textContent()).startsWith("Enter the web address"), "no inline error");
  assert(/^\d+ out of 100$/.test(await page.locator(".score-value").textContent()), "the check did not run");
  assert(await page.locator(".state").isHidden(), "an error is shown at the top");
  await page.fill(input, "");
  await page.locator(input).dispatchEvent("change");
  await page.waitForTimeout(1200);
});

test("an empty draft says 'Start writing' and sends nothing", async () => {
  const before = analyzeRequests.length;
  await page.fill("#pg-body", "");
  await page.waitForFunction(() => document.querySelector(".state")?.textContent?.startsWith("Start writing"), null, { timeout: 5000 });
  await page.waitForTimeout(1000);
  assert(analyzeRequests.length === before, "an empty draft was sent for analysis");
  assert((await page.locator(".score-value").count()) === 0, "a score is shown for an empty draft");
});

test("'Add an offer' lands as its own paragraph after the ask (never before the greeting); Undo restores the draft exactly", async () => {
  await setTextDraft(GENERIC + "\n\nAnn");
  const original = await body();
  await page.locator(`${cardSel("mutual-benefit")} [data-action="offer"]`).click();
  await page.waitForFunction((offer) => window.outreachStandIn.state.body.includes(offer), OFFER);
  const after = await body();
  assert(after === GENERIC + "\n\n" + OFFER + "\n\nAnn", `body is ${JSON.stringify(after)}`);
  await undoAndRecheck(original);
  assert((await page.inputValue("#pg-body")) === original, "the compose field does not show the restored draft");
});

test("the greeting fix on a text draft rewrites only the greeting ('Dear Jane,'), the finding goes away, focus moves to the findings", async () => {
  const fix = page.locator(`${cardSel("personal-greeting")} [data-action="fix"]`);
  await fix.waitFor({ timeout: 15_000 });
  await fix.click();
  await page.waitForFunction(() => window.outreachStandIn.state.body.startsWith("Dear Jane,"), null, { timeout: 10_000 });
  assert((await body()) === (GENERIC + "\n\nAnn").replace("Dear _ __,", "Dear Jane,"), `body is ${JSON.stringify(await body())}`);
  await page.waitForFunction((sel) => !document.querySelector(sel), cardSel("personal-greeting"), { timeout: 10_000 });
  assert((await page.evaluate(() => document.activeElement?.id)) === "findings-heading", "focus should move to the findings heading");
});

test("an HTML draft (bold, link, table, signature image): the server's offsets match the add-in's plain text", async () => {
  await setHtmlDraft(HTML_DRAFT);
  await page.locator(cardSel("personal-greeting")).waitFor({ timeout: 15_000 });
  const request = JSON.parse(analyzeRequests.at(-1));
  assert(request.bodyFormat === "html" && request.body === HTML_DRAFT, "the HTML was not sent as HTML");
  const response = await page.evaluate(async (r) => (await fetch("/api/analyze", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(r) })).json(), request);
  const plain = await page.evaluate((h) => window.outreachPlainText(h), HTML_DRAFT);
  assert(plain.includes("your piece on colour <https://shape.example/colour>"), `link target missing from ${JSON.stringify(plain)}`);
  const spans = response.findings.flatMap((f) => f.evidence ?? []);
  assert(spans.length > 0, "no evidence to compare");
  for (const e of spans) assert(plain.slice(e.start, e.start + e.length) === e.text, `offset ${e.start} points at ${JSON.stringify(plain.slice(e.start, e.start + e.length))}, not ${JSON.stringify(e.text)}`);
});

test("screenshot of the task pane on the HTML draft at 350 px wide", async () => {
  mkdirSync(results, { recursive: true });
  const narrow = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  await narrow.goto(`${server.base}/playground.html?lang=en-US`);
  await narrow.evaluate((h) => window.outreachStandIn.update({ body: h, bodyFormat: "html" }), HTML_DRAFT);
  await narrow.click("#check-again");
  await narrow.locator(cardSel("personal-greeting")).waitFor({ timeout: 15_000 });
  await narrow.locator("aside.pane-frame").screenshot({ path: join(results, "taskpane-html-350.png") });
  const width = await narrow.evaluate(() => document.querySelector("aside.pane-frame").getBoundingClientRect().width);
  await narrow.close();
  assert(width <= 350, `the pane is ${width} px wide`);
  assert(existsSync(join(results, "taskpane-html-350.png")), "no screenshot written");
});

test("fixes on the HTML draft leave every other byte unchanged; Undo restores it exactly", async () => {
  await page.locator(`${cardSel("personal-greeting")} [data-action="fix"]`).click();
  await page.waitForFunction((h) => window.outreachStandIn.state.body !== h, HTML_DRAFT, { timeout: 10_000 });
  const fixed = await body();
  assert(fixed === HTML_DRAFT.replace("<b>Dear _ __</b>", "<b>Dear Jane</b>"), `the HTML changed beyond the greeting:\n${fixed}`);
  assert((await stand(() => window.outreachStandIn.calls.filter((c) => c.startsWith("body.setAsync")))).at(-1) === "body.setAsync:html", "not written back as HTML");
  await page.locator("#undo").click();
  await page.waitForFunction((h) => window.outreachStandIn.state.body === h, HTML_DRAFT, { timeout: 5000 });
  await waitForCheck(analyzeRequests.length - 1);
});

test("'Add an offer' on the HTML draft adds a paragraph after the asking one, before the table and signature, and changes nothing else", async () => {
  await page.locator(`${cardSel("mutual-benefit")} [data-action="offer"]`).waitFor({ timeout: 10_000 });
  await page.locator(`${cardSel("mutual-benefit")} [data-action="offer"]`).click();
  await page.waitForFunction((h) => window.outreachStandIn.state.body !== h, HTML_DRAFT, { timeout: 10_000 });
  const after = await body();
  const askEnd = HTML_DRAFT.indexOf("review my CV?</div>") + "review my CV?</div>".length;
  const inserted = after.slice(askEnd, after.length - (HTML_DRAFT.length - askEnd));
  assert(after === HTML_DRAFT.slice(0, askEnd) + inserted + HTML_DRAFT.slice(askEnd), "the original HTML is not kept byte for byte around the insertion");
  assert(inserted === `<div><br></div><div>${OFFER}</div>`, `inserted ${JSON.stringify(inserted)}`);
  await undoAndRecheck(HTML_DRAFT);
});

test("axe: the task pane and the playground have no serious or critical violations", async () => {
  await page.locator(cardSel("personal-greeting")).waitFor({ timeout: 15_000 });
  await page.locator(".findings li.finding summary").first().click(); // a hide menu open too
  await axe(page);
  await axe(page, "aside.pane-frame");
});

test("the on-send handler uses the verdict kept while composing (no call) and soft-blocks with 'Fix in pane'", async () => {
  const before = analyzeRequests.length;
  const outcome = await send();
  assert(!outcome.allowed, `expected the send to be stopped, got: ${outcome.text}`);
  assert(outcome.text.includes("Greet the person by name") && outcome.text.includes("[Fix in pane]"), `message: ${outcome.text}`);
  assert(analyzeRequests.length === before, "the handler should have used the kept verdict");
});

test("'Not for this mail' hides a card and updates the count and the score", async () => {
  const rule = await page.locator(".findings li.finding").last().getAttribute("data-rule");
  const score = Number(await page.locator(".score-value").getAttribute("data-score"));
  const cards = await page.locator(".findings li.finding").count();
  await page.locator(`${cardSel(rule)} summary`).click();
  await page.locator(`${cardSel(rule)} [data-action="mute-mail"]`).click();
  await page.locator(`.muted-findings li[data-rule="${rule}"]`).waitFor();
  assert((await page.locator(".findings li.finding").count()) === cards - 1, "the count did not change");
  assert((await page.locator(".status").textContent()).startsWith(`Hidden. ${cards - 1} problems left.`), "not announced");
  const breakdown = await page.evaluate((r) => document.querySelector(`.breakdown li[data-rule="${r}"]`), rule);
  const after = Number(await page.locator(".score-value").getAttribute("data-score"));
  if (breakdown !== null) assert(after > score, `the score stayed ${score}`);
  await page.locator(`.muted-findings [data-rule="${rule}"] [data-action="unmute"]`).click();
  await page.locator(cardSel(rule)).waitFor();
});

test("a help link opens the rule's page from the add-in's own origin", async () => {
  const href = await page.locator(`${cardSel("personal-greeting")} a.help`).getAttribute("href");
  assert(new URL(href).origin === new URL(server.base).origin, `help link ${href} is not on the add-in's origin`);
  const help = await browser.newPage();
  const response = await help.goto(href);
  assert(response.status() === 200, `help page answered ${response.status()}`);
  assert((await help.locator("h1").textContent()) === "personal-greeting", "not the rule's page");
  await axe(help);
  await help.close();
});

test("partial and not-checked results show no number, and say why", async () => {
  await page.route("**/api/analyze", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ score: null, language: "fr", ask: false, coverage: { checked: 3, of: 9 }, findings: [], checks: [] }) }));
  await page.click("#check-again");
  await page.waitForFunction(() => document.querySelector(".score-value")?.textContent === "Partial: 3 of 9 checks", null, { timeout: 5000 });
  assert((await page.locator(".score .coverage").textContent()).includes("(fr)"), "no reason given");
  await page.unroute("**/api/analyze");
  await page.route("**/api/analyze", (route) => route.abort("connectionrefused"));
  await page.click("#check-again");
  await page.waitForFunction(() => document.querySelector(".state")?.textContent?.startsWith("Out of date"), null, { timeout: 5000 });
  assert(await page.locator(".results.stale").isVisible(), "old results not greyed");
  assert((await page.locator(".results button:not([disabled])").count()) === 0, "old results still offer actions");
  await axe(page, "aside.pane-frame");
  await page.unroute("**/api/analyze");
  await page.click("#check-again");
  await page.waitForFunction(() => !document.querySelector(".results.stale"), null, { timeout: 10_000 });
});

test("changing the display language keeps the draft; the Italian pane speaks Italian", async () => {
  await setTextDraft(GENERIC);
  await page.selectOption("#pg-lang", "it-IT");
  await page.waitForURL(/lang=it-IT/);
  await page.locator(".score-value").waitFor({ timeout: 15_000 });
  assert((await page.inputValue("#pg-body")) === GENERIC, "the draft was lost");
  assert((await page.locator("#check-again").textContent()) === "Controlla di nuovo", "not Italian");
  assert(/su 100$/.test(await page.locator(".score-value").textContent()), "score not Italian");
  assert((await page.locator(`${cardSel("personal-greeting")} .rule-title`).textContent()) === "Saluta la persona per nome", "rule title not Italian");
  await page.selectOption("#pg-lang", "en-US");
  await page.waitForURL(/lang=en-US/);
  await page.locator(".score-value").waitFor({ timeout: 15_000 });
});

test("the Reports tab on plain `outreach serve` says how to make a report here", async () => {
  await page.click("#tab-reports");
  await page.waitForFunction(() => document.querySelector(".report-message")?.textContent?.length > 0 && !document.querySelector(".report-message").textContent.includes("..."), null, { timeout: 10_000 });
  const status = await page.evaluate(async () => (await fetch("/api/reports")).status);
  const shown = await page.locator(".report-message").textContent();
  if (status === 501) {
    assert(shown.startsWith("This server keeps no reports."), `message: ${shown}`);
    assert((await page.locator(".report-local code").textContent()).startsWith("outreach report --mailbox"), "no command shown");
  } else {
    assert(status === 200, `GET /api/reports answered ${status}`);
  }
  await axe(page, "aside.pane-frame");
  await page.locator("aside.pane-frame").screenshot({ path: join(results, "reports.png") });
  await page.click("#tab-check");
});

test("on a Mailbox 1.12 client the same error still soft-blocks, without the options that client lacks", async () => {
  const old = await browser.newPage();
  await old.goto(`${server.base}/playground.html?lang=en-US&mailbox=1.12`);
  await old.fill("#pg-body", GENERIC);
  await old.locator(cardSel("personal-greeting")).waitFor({ timeout: 15_000 });
  const outcome = await send(old);
  await old.close();
  assert(!outcome.allowed && outcome.text.endsWith("[Don't send]") && !outcome.text.includes("Fix in pane"), `on 1.12: ${outcome.text}`);
});

test("with the API down, the on-send handler says 'not checked' and allows the mail within Outlook's 5 s; the pane says why", async () => {
  await server.stop();
  await page.fill("#pg-body", GENERIC + "\n\nP.S. One more thing."); // a new draft: no kept verdict
  const outcome = await send();
  assert(outcome.allowed && !outcome.checked, `expected an unchecked send, got: ${outcome.text}`);
  assert(/without a check/.test(outcome.text), `the send line does not say it was not checked: ${outcome.text}`);
  const ms = Number(/in (\d+) ms/.exec(outcome.text)?.[1]);
  assert(ms < 5000, `took ${ms} ms`);
  await page.waitForFunction(() => document.querySelector(".state")?.textContent?.includes("could not be reached"), null, { timeout: 10_000 });
});

test("the sent-mail report of the sample mailbox renders as a page a person can read, with no serious axe violations", async () => {
  const out = mkdtempSync(join(tmpdir(), "outreach-report-"));
  try {
    execFileSync("dotnet", [dll, "report", "--mailbox", join(repo, "samples/mailbox"), "--out", out, "--lang", "en"], { cwd: repo, stdio: "pipe" });
    await page.goto(`file://${join(out, "report.html")}`);
    assert((await page.locator("h1").textContent()).includes("Sent-mail report"), "no report heading");
    assert((await page.locator("svg").count()) >= 3, "the charts (inline SVG) are missing");
    assert((await page.textContent("body")).includes("Your SHAPE piece on colour in wellness apps"), "the weakest message is not listed");
    assert((await page.locator("script").count()) === 0, "the report page must not carry scripts");
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: join(results, "report.png"), fullPage: true });
    // The report page's own colours (ReportStyles.cs) meet 4.5:1: no allowance.
    await axe(page, null);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// ---- signed in: a local OpenID issuer, a server that requires its tokens, the add-in built with sign-in ----

const CLIENT_ID = "6f1c2d3e-0000-4000-8000-0000000000ad";
const TENANT = "11111111-2222-4333-8444-555555555555";
let signin;

const b64url = (value) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** A self-signed certificate for 127.0.0.1, trusted only by the server process it is given to (SSL_CERT_FILE). */
function certificate(dir) {
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "pipe" });
  return { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")), certFile: join(dir, "cert.pem") };
}

async function startIssuer(tls) {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("base64url").slice(0, 16);
  const port = await freePort();
  const issuer = `https://127.0.0.1:${port}/${TENANT}/v2.0`;
  const srv = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const json = (value) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(value));
    if (req.url === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
      return json({ issuer, jwks_uri: `https://127.0.0.1:${port}/${TENANT}/discovery/v2.0/keys`, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, id_token_signing_alg_values_supported: ["RS256"], response_types_supported: ["code"], subject_types_supported: ["pairwise"] });
    }
    if (req.url === `/${TENANT}/discovery/v2.0/keys`) return json({ keys: [{ ...publicKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" }] });
    res.writeHead(404).end();
  });
  await new Promise((r) => srv.listen(port, "127.0.0.1", r));
  const token = () => {
    const now = Math.floor(Date.now() / 1000);
    const head = b64url({ alg: "RS256", typ: "JWT", kid });
    const claims = b64url({ iss: issuer, aud: CLIENT_ID, scp: "access_as_user", iat: now, nbf: now, exp: now + 3600, sub: "ann", oid: randomUUID(), tid: TENANT, name: "Ann Lee", preferred_username: "ann@lee.example" });
    const signature = createSign("RSA-SHA256").update(`${head}.${claims}`).sign(privateKey).toString("base64url");
    return `${head}.${claims}.${signature}`;
  };
  return { metadata: `${issuer}/.well-known/openid-configuration`, token, close: () => new Promise((r) => srv.close(r)) };
}

test("signed in: the add-in built with a client id gets its token through the stand-in's NAA; the server refuses calls without one", async () => {
  const dir = mkdtempSync(join(tmpdir(), "outreach-signin-"));
  const dist = join(results, "dist-signin");
  const env = { ...process.env, VITE_AAD_CLIENT_ID: CLIENT_ID, VITE_API_SCOPE: `api://localhost/${CLIENT_ID}/access_as_user`, VITE_AAD_TENANT_ID: TENANT };
  execFileSync("npx", ["vite", "build", "--logLevel", "error", "--outDir", dist], { cwd: addin, env, stdio: "pipe" });
  execFileSync("npx", ["vite", "build", "--logLevel", "error", "-c", "vite.launchevent.config.ts", "--outDir", dist], { cwd: addin, env, stdio: "pipe" });
  const tls = certificate(dir);
  const issuer = await startIssuer(tls);
  const api = await startServer({
    addinDir: dist,
    env: { AzureAd__TenantId: TENANT, AzureAd__ClientId: CLIENT_ID, AzureAd__MetadataAddress: issuer.metadata, SSL_CERT_FILE: tls.certFile },
  });
  signin = { dir, issuer, api, page: await browser.newPage(), requests: [] };
  const refused = await fetch(`${api.base}/api/analyze`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ to: [{ address: "jane@shape.example" }], body: GENERIC }) });
  assert(refused.status === 401, `without a token the server answered ${refused.status}`);
  const token = issuer.token();
  const accepted = await fetch(`${api.base}/api/analyze`, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: JSON.stringify({ to: [{ address: "jane@shape.example" }], body: GENERIC }) });
  assert(accepted.status === 200, `with the issuer's token the server answered ${accepted.status}`);
  await signin.page.addInitScript((t) => (window.outreachNaaToken = t), token);
  signin.page.on("request", (r) => {
    if (r.url().endsWith("/api/analyze") && r.method() === "POST") signin.requests.push(r.headers().authorization ?? "");
  });
  await signin.page.goto(`${api.base}/playground.html?lang=en-US`);
  await signin.page.fill("#pg-body", GENERIC);
  await signin.page.locator(cardSel("personal-greeting")).waitFor({ timeout: 20_000 });
  assert(signin.requests.length > 0 && signin.requests.every((h) => h === `Bearer ${token}`), `the pane sent ${JSON.stringify(signin.requests)}`);
});

test("signed in: the send handler, with no verdict kept, gets a token silently, sends it, and blocks 'Dear _ __'", async () => {
  const { page: p, requests } = signin;
  await p.evaluate(() => (window.outreachStandIn.state.sessionData = {}));
  const before = requests.length;
  const outcome = await send(p);
  assert(requests.length === before + 1, "the handler made no call of its own");
  assert(requests.at(-1).startsWith("Bearer ey"), `the handler sent ${JSON.stringify(requests.at(-1))}`);
  assert(!outcome.allowed && outcome.text.includes("Greet the person by name"), `expected a block, got: ${outcome.text}`);
});

test("signed in, with the service down: the handler says 'not checked' and allows the mail within 5 s", async () => {
  const { page: p } = signin;
  await signin.api.stop();
  await p.evaluate(() => (window.outreachStandIn.state.sessionData = {}));
  const outcome = await send(p);
  assert(outcome.allowed && !outcome.checked, `expected an unchecked send, got: ${outcome.text}`);
  const ms = Number(/in (\d+) ms/.exec(outcome.text)?.[1]);
  assert(ms < 5000, `took ${ms} ms`);
});

// ---- runner ----

let passed = 0;
let failed = 0;
const userDataDir = mkdtempSync(join(tmpdir(), "outreach-e2e-"));
try {
  assert(existsSync(join(addin, "dist/playground.html")) && existsSync(join(addin, "dist/launchevent.js")), "dist/ is not built: run npm run build");
  assert(existsSync(dll), `${dll} not found: build the CLI (dotnet build functions/OutreachAdvisor.Cli -c Release)`);
  assert(existsSync(chromiumPath), `${chromiumPath} not found: apt-get install chromium`);
  server = await startServer();
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 1100 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on("request", (r) => {
    if (r.url().endsWith("/api/analyze") && r.method() === "POST") analyzeRequests.push(r.postData() ?? "{}");
  });
  page.on("pageerror", (e) => console.error(`  page error: ${e.message}`));
  for (const t of tests) {
    const started = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`  ok    ${t.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  FAIL  ${t.name}\n        ${String(error.message ?? error).split("\n").join("\n        ")}`);
    }
  }
} catch (error) {
  failed++;
  console.log(`  FAIL  setup: ${error.message}`);
} finally {
  await browser?.close().catch(() => undefined);
  await server?.stop().catch(() => undefined);
  await signin?.api.stop().catch(() => undefined);
  await signin?.issuer.close().catch(() => undefined);
  if (signin) rmSync(signin.dir, { recursive: true, force: true });
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
