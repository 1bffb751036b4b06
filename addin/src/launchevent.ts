// The Smart Alerts OnMessageSend handler. Vite bundles it with everything it imports into one
// classic script (dist/launchevent.js), because classic Outlook's JavaScript-only runtime loads a
// single file; commands.html loads the same script in the other clients.
import { analyze } from "./api";
import { getApiToken } from "./auth";
import { config } from "./config";
import { type SendVerdict, decideOnSend, notChecked } from "./decide";
import { draftHash } from "./hash";
import { type Strings, stringsFor, uiLanguage } from "./i18n";
import { officeDraft, readRequest, supports } from "./office/draft";
import { createMutes, createPriorContacts, roamingStore } from "./office/settings";
import { builtInRules, ruleBook } from "./rules";
import { readVerdict } from "./verdictStore";

/** Outlook allows about 5 s, script loading included: the handler always answers within 4 s. */
export const HANDLER_DEADLINE_MS = 4000;
/** A token comes silently or not at all (an event runtime can show no sign-in pop-up). */
export const TOKEN_BUDGET_MS = 1200;
/** The id of the manifest's task pane button: the alert's "Fix in pane" opens it (requirement set 1.14). */
export const TASKPANE_COMMAND_ID = "msgComposeOpenPaneButton";

const within = <T>(ms: number, work: Promise<T>, fallback: T) =>
  Promise.race([work.catch(() => fallback), new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms))]);

async function decide(strings: Strings, language: string, started: number): Promise<SendVerdict> {
  const draft = officeDraft();
  const request = await readRequest(draft);
  const recipients = [...request.to, ...request.cc, ...request.bcc];
  if (recipients.length === 0) return { action: "allow", checked: true, message: "", markdown: "" };
  // Normally the task pane has already decided for exactly this draft.
  const kept = await readVerdict(draft.session, draftHash(request));
  if (kept) return kept;

  try {
    const prior = createPriorContacts(roamingStore()).all();
    const mine = Object.fromEntries(recipients.map((r) => r.address.toLowerCase()).filter((a) => prior[a]).map((a) => [a, prior[a]]));
    if (Object.keys(mine).length > 0) request.priorContact = mine;
  } catch {
    // no roaming settings in this runtime: no prior contact to add
  }
  const token = await within(TOKEN_BUDGET_MS, getApiToken({ interactive: false }), null);
  const left = HANDLER_DEADLINE_MS - 300 - (Date.now() - started);
  const result = left <= 0 ? null : await analyze(request, { apiBase: config.apiBase, language, token, timeoutMs: left }).catch(() => null);
  if (!result) return notChecked(strings);
  const mutes = await createMutes(roamingStore(), draft.session).catch(() => null);
  return decideOnSend(result, { strings, rules: ruleBook(builtInRules(uiLanguage(language)), false), isMuted: mutes?.isMuted, fixButton: supports("Mailbox", "1.14") });
}

/** The event.completed options for a verdict, using each newer option only where the client has it. */
export function completionFor(verdict: SendVerdict, strings: Strings): Office.SmartAlertsEventCompletedOptions {
  if (verdict.action === "allow") return { allowEvent: true };
  const overridable = supports("Mailbox", "1.14");
  // The manifest's mode is SoftBlock; without the 1.14 override a warning would stop the mail, so it goes.
  if (verdict.action === "prompt" && !overridable) return { allowEvent: true };
  const options: Office.SmartAlertsEventCompletedOptions = { allowEvent: false, errorMessage: verdict.message };
  if (overridable) {
    options.cancelLabel = strings.fixInPane;
    options.commandId = TASKPANE_COMMAND_ID;
    if (verdict.action === "prompt") options.sendModeOverride = Office.MailboxEnums.SendModeOverride.PromptUser;
  }
  if (supports("Mailbox", "1.15")) options.errorMessageMarkdown = verdict.markdown;
  return options;
}

/** What the last Send decided, without any text of the mail: the playground shows "not checked" from it. */
export interface LastSend {
  action: SendVerdict["action"];
  checked: boolean;
}

export async function onMessageSendHandler(event: Office.MailboxEvent): Promise<void> {
  const started = Date.now();
  let language = "en-US";
  try {
    language = Office.context.displayLanguage ?? language;
  } catch {
    // keep English
  }
  const strings = stringsFor(language);
  // Anything that goes wrong (an Office call failing, the API down, slow or refusing) lets the mail go, marked not checked.
  const verdict = await within(HANDLER_DEADLINE_MS, decide(strings, language, started), notChecked(strings));
  (globalThis as { outreachAdvisorLastSend?: LastSend }).outreachAdvisorLastSend = { action: verdict.action, checked: verdict.checked };
  let options: Office.SmartAlertsEventCompletedOptions;
  try {
    options = completionFor(verdict, strings);
  } catch {
    options = { allowEvent: true };
  }
  event.completed(options);
}

Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
