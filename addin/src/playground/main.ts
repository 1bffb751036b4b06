// The playground: compose fields on one side, the real task pane on the other, both on the
// Office stand-in. Also the page the browser tests drive.
import "../taskpane/taskpane.css";
import "./playground.css";
import type { ComposeState } from "../standin/office-standin";
import { htmlToText } from "../htmlText";
import { installOfficeStandIn } from "../standin/office-standin";
import { startTaskPane } from "../taskpane/app";
import { officeDeps } from "../taskpane/deps";
import { formatAddressList, parseAddressList } from "./addresses";

const DRAFT_KEY = "outreach-playground:draft";
const params = new URLSearchParams(location.search);
// Changing the display language reloads the page: the draft survives in sessionStorage.
const saved = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? "null") as Partial<ComposeState> | null;
sessionStorage.removeItem(DRAFT_KEY);
const naaToken = (window as unknown as { outreachNaaToken?: string }).outreachNaaToken;
const standIn = installOfficeStandIn(
  saved ?? {
    from: { name: "Ann Lee", address: "ann@lee.example" },
    to: parseAddressList(params.get("to") ?? "Jane Doe <jane@shape.example>"),
    subject: params.get("subject") ?? "Quick question",
    body: params.get("body") ?? "Dear _ __,\n\nI would love to pick your brain over coffee. Could you also review my CV?\n\nAnn",
  },
  {
    displayLanguage: params.get("lang") ?? navigator.language ?? "en-US",
    mailboxVersion: params.get("mailbox") ?? undefined,
    naaToken: naaToken ? async () => naaToken : undefined,
  },
);

// For the browser tests: the plain text the server's offsets point into, as the add-in computes it.
(window as unknown as { outreachPlainText: (html: string) => string }).outreachPlainText = (html) => htmlToText(html).text;

const field = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const from = field<HTMLInputElement>("pg-from");
const to = field<HTMLInputElement>("pg-to");
const cc = field<HTMLInputElement>("pg-cc");
const bcc = field<HTMLInputElement>("pg-bcc");
const subject = field<HTMLInputElement>("pg-subject");
const format = field<HTMLSelectElement>("pg-format");
const body = field<HTMLTextAreaElement>("pg-body");
const rich = field<HTMLDivElement>("pg-html");
const lang = field<HTMLSelectElement>("pg-lang");
const sendButton = field<HTMLButtonElement>("pg-send");
const sendResult = field<HTMLElement>("pg-send-result");

const showBody = () => {
  const html = standIn.state.bodyFormat === "html";
  format.value = standIn.state.bodyFormat;
  body.hidden = html;
  rich.hidden = !html;
  if (html) rich.innerHTML = standIn.state.body;
  else body.value = standIn.state.body;
};

from.value = formatAddressList([standIn.state.from]);
to.value = formatAddressList(standIn.state.to);
cc.value = formatAddressList(standIn.state.cc);
bcc.value = formatAddressList(standIn.state.bcc);
subject.value = standIn.state.subject;
showBody();
lang.value = Office.context.displayLanguage.toLowerCase().startsWith("it") ? "it-IT" : "en-US";

const deps = officeDeps();
// Only the playground can tell where the user put the cursor (Outlook cannot): "Add an offer" may go there.
let cursorPlaced = false;
const pane = startTaskPane(field("app"), {
  ...deps,
  draft: { ...deps.draft, cursor: () => (cursorPlaced && standIn.state.bodyFormat === "text" ? standIn.state.selection.start : null) },
});

const trackSelection = () => standIn.update({ selection: { start: body.selectionStart, end: body.selectionEnd } });
// Typing moves the caret without choosing a place; a click or a caret key does choose one.
const placeCursor = () => {
  cursorPlaced = true;
  trackSelection();
};
from.addEventListener("input", () => standIn.update({ from: parseAddressList(from.value)[0] ?? { name: "", address: "" } }));
to.addEventListener("input", () => standIn.update({ to: parseAddressList(to.value) }));
cc.addEventListener("input", () => standIn.update({ cc: parseAddressList(cc.value) }));
bcc.addEventListener("input", () => standIn.update({ bcc: parseAddressList(bcc.value) }));
subject.addEventListener("input", () => {
  standIn.update({ subject: subject.value });
  pane.schedule();
});
body.addEventListener("input", () => {
  standIn.update({ body: body.value, bodyFormat: "text" });
  cursorPlaced = false;
  trackSelection();
  pane.schedule();
});
rich.addEventListener("input", () => {
  standIn.update({ body: rich.innerHTML, bodyFormat: "html" });
  pane.schedule();
});
format.addEventListener("change", () => {
  // Plain text becomes paragraphs; HTML becomes the text it reads as.
  const html = format.value === "html";
  const text = standIn.state.body;
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  standIn.update({
    bodyFormat: html ? "html" : "text",
    body: html ? text.split(/\n{2,}/).map((p) => `<p>${escape(p).replace(/\n/g, "<br>")}</p>`).join("") : rich.innerText,
  });
  showBody();
  pane.schedule();
});
body.addEventListener("click", placeCursor);
body.addEventListener("keyup", (event) => (/^(Arrow|Home|End|Page)/.test(event.key) ? placeCursor() : trackSelection()));
standIn.onBodyWritten((_text, written) => {
  if (written === "html") rich.innerHTML = standIn.state.body;
  else {
    body.value = standIn.state.body;
    body.setSelectionRange(standIn.state.selection.start, standIn.state.selection.end);
  }
});
lang.addEventListener("change", () => {
  sessionStorage.setItem(DRAFT_KEY, JSON.stringify(standIn.state));
  const next = new URL(location.href);
  next.searchParams.set("lang", lang.value);
  location.assign(next);
});

/** Send runs the real on-send handler (dist/launchevent.js) against this draft. */
let handlerLoaded: Promise<void> | undefined;
const loadHandler = () =>
  (handlerLoaded ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "launchevent.js";
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("launchevent.js could not be loaded (run npm run build)"));
    document.head.append(script);
  }));

// Loaded up front, as Outlook loads the event runtime, so Send works even when the server is gone.
loadHandler().catch(() => undefined);

sendButton.addEventListener("click", () => {
  sendResult.textContent = "...";
  delete sendResult.dataset.allowed;
  void loadHandler()
    .then(() => standIn.send())
    .then((outcome) => {
      sendResult.dataset.allowed = String(outcome.allowEvent);
      sendResult.dataset.checked = String(outcome.checked !== false);
      const buttons = outcome.sendModeOverride === "promptUser" ? "[Send anyway] [Don't send]" : outcome.commandId ? `[${outcome.cancelLabel ?? "Take action"}] [Don't send]` : "[Don't send]";
      sendResult.textContent = outcome.allowEvent
        ? outcome.checked === false
          ? `Sent without a check: the add-in could not check this mail (it allowed it in ${outcome.elapsedMs} ms).`
          : `Sent: checked, nothing stops it (the add-in answered in ${outcome.elapsedMs} ms).`
        : `Outlook would stop the mail: "${outcome.errorMessage}" ${buttons}`;
    })
    .catch((error: Error) => (sendResult.textContent = error.message));
});
