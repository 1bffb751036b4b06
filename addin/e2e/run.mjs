// Browser tests: `outreach serve` (the real API, serving dist/) + Debian's chromium through
// playwright-core, driving the playground, whose Office stand-in plays Outlook's compose item.
// Needs: `npm run build` done, the .NET CLI built in Release, /usr/bin/chromium (or CHROMIUM_PATH).
// Prints one line "e2e: N passed, N failed" and exits non-zero on any failure.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const addin = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repo = resolve(addin, "..");
const dll = process.env.OUTREACH_DLL ?? join(repo, "functions/OutreachAdvisor.Cli/bin/Release/net10.0/outreach.dll");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const results = join(addin, "test-results");
const GENERIC = "Dear _ __,\n\nI would love to pick your brain over coffee. Could you also review my CV?";

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
async function startServer() {
  const port = await freePort();
  const child = spawn("dotnet", [dll, "serve", "--port", String(port), "--addin-dir", join(addin, "dist")], { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
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

// ---- the tests, in order: they share one page, as a user's session would ----

let page, server;
const analyzeRequests = [];
const findingSel = (rule) => `.findings li[data-rule="${rule}"]`;

test("the playground shows personal-greeting and specific-reference findings with their evidence for a generic cold e-mail", async () => {
  await page.goto(`${server.base}/playground.html?lang=en-US`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.fill("#pg-to", "Jane Doe <jane@shape.example>");
  await page.fill("#pg-subject", "Quick question");
  await page.fill("#pg-body", GENERIC);
  await page.locator(findingSel("personal-greeting")).waitFor({ timeout: 15_000 });
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes("Dear _ __"), `${findingSel("personal-greeting")} mark`);
  const greeting = await page.locator(`${findingSel("personal-greeting")} mark`).first().textContent();
  assert(greeting.startsWith("Dear _ __"), `greeting evidence was ${JSON.stringify(greeting)}`);
  const reference = page.locator(findingSel("specific-reference"));
  await reference.waitFor();
  const evidence = await reference.locator("mark").allTextContents();
  assert(evidence.length > 0 && evidence.every((e) => GENERIC.includes(e)), `specific-reference evidence ${JSON.stringify(evidence)} is not words of the body`);
  assert((await page.locator(".score-value").textContent()).match(/^\d+ out of 100$/), "no score shown");
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
});

test("the found-at page for a recipient is stored with the item and sent as foundAt", async () => {
  const before = analyzeRequests.length;
  await page.fill('input[data-address="jane@shape.example"]', "https://janedoe.example/contact");
  await page.locator('input[data-address="jane@shape.example"]').dispatchEvent("change");
  for (let waited = 0; analyzeRequests.length === before && waited < 10_000; waited += 100) await page.waitForTimeout(100);
  const last = JSON.parse(analyzeRequests.at(-1));
  assert(last.foundAt?.["jane@shape.example"] === "https://janedoe.example/contact", `foundAt sent: ${JSON.stringify(last.foundAt)}`);
  const stored = await page.evaluate(() => window.outreachStandIn.state.customProperties.outreachFoundAt);
  assert(JSON.parse(stored)["jane@shape.example"] === "https://janedoe.example/contact", "not stored in custom properties");
  // Put the subject back for the screenshot and the fix below.
  await page.fill("#pg-subject", "Quick question");
  await page.waitForTimeout(1500);
});

test("screenshot of the task pane with findings", async () => {
  await page.locator(findingSel("personal-greeting")).waitFor();
  mkdirSync(results, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 2600 }); // the whole pane, not just its scrolled top
  await page.locator("aside.pane-frame").screenshot({ path: join(results, "taskpane.png") });
  await page.screenshot({ path: join(results, "playground.png") });
  await page.setViewportSize({ width: 1280, height: 1100 });
  assert(existsSync(join(results, "taskpane.png")), "no screenshot written");
});

test("the on-send handler, with the task pane's fresh analysis, prompts the user (send anyway possible)", async () => {
  const before = analyzeRequests.length;
  await page.click("#pg-send");
  await page.waitForFunction(() => document.querySelector("#pg-send-result")?.dataset.allowed !== undefined, null, { timeout: 10_000 });
  const allowed = await page.locator("#pg-send-result").getAttribute("data-allowed");
  const text = await page.locator("#pg-send-result").textContent();
  assert(allowed === "false", `expected the send to be stopped, got: ${text}`);
  assert(/Outreach Advisor/.test(text), `message: ${text}`);
  assert(analyzeRequests.length === before, "the handler should have used the cached analysis");
});

test("'Don't warn me again' mutes a finding, across reloads", async () => {
  await page.locator(`${findingSel("specific-reference")} [data-action="mute"]`).click();
  await page.locator('.muted-findings li[data-rule="specific-reference"]').waitFor();
  assert((await page.locator(findingSel("specific-reference")).count()) === 0, "muted finding still listed as active");
  await page.reload();
  await page.fill("#pg-body", GENERIC);
  await page.locator('.muted-findings li[data-rule="specific-reference"]').waitFor({ timeout: 15_000 });
  await page.locator('.muted-findings [data-action="unmute"]').first().click();
  await page.locator(findingSel("specific-reference")).waitFor();
});

test("'Add an offer' inserts an editable sentence at the cursor", async () => {
  const offer = page.locator(`${findingSel("mutual-benefit")} [data-action="offer"]`);
  await offer.waitFor();
  await page.evaluate(() => {
    const body = document.querySelector("#pg-body");
    body.focus();
    body.setSelectionRange(body.value.length, body.value.length);
    body.dispatchEvent(new Event("select"));
  });
  await offer.click();
  await page.waitForFunction(() => document.querySelector("#pg-body").value.includes("In return, I'd be glad to help"));
  await page.fill("#pg-body", GENERIC);
  await page.waitForTimeout(1500);
});

test("the greeting fix rewrites the body ('Dear Jane,') and the finding goes away", async () => {
  const fix = page.locator(`${findingSel("personal-greeting")} [data-action="fix"]`);
  await fix.waitFor({ timeout: 15_000 });
  await fix.click();
  await page.waitForFunction(() => document.querySelector("#pg-body").value.startsWith("Dear Jane,"), null, { timeout: 10_000 });
  const body = await page.inputValue("#pg-body");
  assert(body === GENERIC.replace("Dear _ __,", "Dear Jane,"), `body is ${JSON.stringify(body)}`);
  await page.waitForFunction((sel) => !document.querySelector(sel), findingSel("personal-greeting"), { timeout: 10_000 });
  assert((await page.evaluate(() => document.activeElement?.id)) === "findings-heading", "focus should move to the findings heading");
});

test("with an Italian Outlook the task pane speaks Italian", async () => {
  const it = await page.context().newPage();
  await it.goto(`${server.base}/playground.html?lang=it-IT`);
  await it.locator("#check-again").waitFor();
  const label = await it.locator("#check-again").textContent();
  await it.locator(".score-value").waitFor({ timeout: 15_000 });
  const score = await it.locator(".score-value").textContent();
  await it.close();
  assert(label === "Controlla di nuovo", `button: ${label}`);
  assert(/su 100$/.test(score), `score: ${score}`);
});

test("the Reports tab shows the server's explanation when reports are not available (plain serve)", async () => {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/reports" && r.request().method() === "GET", { timeout: 15_000 });
  await page.click("#tab-reports");
  assert((await page.getAttribute("#tab-reports", "aria-selected")) === "true", "the Reports tab is not selected");
  await page.locator("#reports-heading").waitFor();
  const response = await answer;
  const status = response.status();
  // Plain `outreach serve` has no report storage: 501 with a problem detail. A server without the
  // routes answers 404/405: then the view shows that error instead.
  const problem = await response.json().catch(() => ({}));
  const expected = status === 501 ? problem.detail : problem.detail ?? problem.title ?? `HTTP ${status}`;
  assert(status === 501 || status === 404 || status === 405, `GET /api/reports answered ${status}`);
  assert(typeof expected === "string" && expected.length > 0, `no explanation in the ${status} answer`);
  await page.waitForFunction((text) => document.querySelector(".report-message")?.textContent?.includes(text), expected, { timeout: 10_000 });
  const shown = await page.locator(".report-message").textContent();
  if (status === 501) assert(shown.startsWith("Reports are not available on this server: "), `message: ${shown}`);
  assert((await page.locator(".report-message").getAttribute("aria-live")) === "polite", "the message is not announced");
  mkdirSync(results, { recursive: true });
  await page.locator("aside.pane-frame").screenshot({ path: join(results, "reports.png") });
  await page.click("#tab-check");
  await page.locator("#check-again").waitFor();
});

test("with the API down, the on-send handler allows the mail, within Outlook's 5 s", async () => {
  await server.stop();
  await page.fill("#pg-body", GENERIC + "\n\nP.S. One more thing."); // a new draft: no cached analysis
  await page.evaluate(() => delete document.querySelector("#pg-send-result").dataset.allowed);
  await page.click("#pg-send");
  await page.waitForFunction(() => document.querySelector("#pg-send-result")?.dataset.allowed !== undefined, null, { timeout: 10_000 });
  const text = await page.locator("#pg-send-result").textContent();
  assert((await page.locator("#pg-send-result").getAttribute("data-allowed")) === "true", `expected the mail to be allowed, got: ${text}`);
  const ms = Number(/in (\d+) ms/.exec(text)?.[1]);
  assert(ms < 5000, `took ${ms} ms`);
  await page.waitForFunction(() => document.querySelector(".status")?.textContent?.includes("cannot be reached"), null, { timeout: 10_000 });
});

test("the sent-mail report of the sample mailbox renders as a page a person can read", async () => {
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
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// ---- runner ----

let passed = 0;
let failed = 0;
let browser;
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
    try {
      await t.fn();
      passed++;
      console.log(`  ok    ${t.name}`);
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
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
