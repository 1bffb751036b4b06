// The playground: compose fields on one side, the real task pane on the other, both on the
// Office stand-in. Also the page the browser tests drive.
import "../taskpane/taskpane.css";
import "./playground.css";
import { installOfficeStandIn } from "../standin/office-standin";
import { startTaskPane } from "../taskpane/app";
import { officeDeps } from "../taskpane/deps";
import { formatAddressList, parseAddressList } from "./addresses";

const params = new URLSearchParams(location.search);
const standIn = installOfficeStandIn(
  {
    from: { name: "Ann Lee", address: "ann@lee.example" },
    to: parseAddressList(params.get("to") ?? "Jane Doe <jane@shape.example>"),
    subject: params.get("subject") ?? "Quick question",
    body: params.get("body") ?? "Dear _ __,\n\nI would love to pick your brain over coffee. Could you also review my CV?\n\nAnn",
  },
  params.get("lang") ?? navigator.language ?? "en-US",
);

const field = <T extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id: string) => document.getElementById(id) as T;
const from = field<HTMLInputElement>("pg-from");
const to = field<HTMLInputElement>("pg-to");
const cc = field<HTMLInputElement>("pg-cc");
const subject = field<HTMLInputElement>("pg-subject");
const body = field<HTMLTextAreaElement>("pg-body");
const lang = field<HTMLSelectElement>("pg-lang");
const sendButton = document.getElementById("pg-send") as HTMLButtonElement;
const sendResult = document.getElementById("pg-send-result") as HTMLElement;

from.value = formatAddressList([standIn.state.from]);
to.value = formatAddressList(standIn.state.to);
subject.value = standIn.state.subject;
body.value = standIn.state.body;
lang.value = Office.context.displayLanguage.toLowerCase().startsWith("it") ? "it-IT" : "en-US";

const pane = startTaskPane(document.getElementById("app") as HTMLElement, officeDeps());

const trackSelection = () => standIn.update({ selection: { start: body.selectionStart, end: body.selectionEnd } });
from.addEventListener("input", () => standIn.update({ from: parseAddressList(from.value)[0] ?? { name: "", address: "" } }));
to.addEventListener("input", () => standIn.update({ to: parseAddressList(to.value) }));
cc.addEventListener("input", () => standIn.update({ cc: parseAddressList(cc.value) }));
subject.addEventListener("input", () => {
  standIn.update({ subject: subject.value });
  pane.schedule();
});
body.addEventListener("input", () => {
  standIn.update({ body: body.value });
  trackSelection();
  pane.schedule();
});
for (const type of ["select", "keyup", "click"]) body.addEventListener(type, trackSelection);
standIn.onBodyWritten((text) => {
  body.value = text;
  body.setSelectionRange(standIn.state.selection.start, standIn.state.selection.end);
});
lang.addEventListener("change", () => {
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
  void loadHandler()
    .then(() => standIn.send())
    .then((outcome) => {
      sendResult.dataset.allowed = String(outcome.allowEvent);
      sendResult.textContent = outcome.allowEvent ? `Sent (the add-in allowed it in ${outcome.elapsedMs} ms).` : `Outlook would ask: "${outcome.errorMessage}" [Send anyway] [Don't send]`;
    })
    .catch((error: Error) => (sendResult.textContent = error.message));
});
