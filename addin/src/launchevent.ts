// The Smart Alerts OnMessageSend handler. Built as one standalone script (dist/launchevent.js)
// with no imports, as classic Outlook's JavaScript-only runtime requires.
import { analyze } from "./api";
import { readCachedAnalysis } from "./cache";
import { config } from "./config";
import type { AnalysisResult } from "./contract";
import { type SendDecision, decideOnSend } from "./decide";
import { draftHash } from "./hash";
import { stringsFor } from "./i18n";
import { officeDraft, readRequest } from "./office/draft";
import { createSuppressions, roamingStore } from "./office/settings";

/** Outlook allows about 5 s: the API gets 3 s and the whole handler gives up at 4 s. */
export const API_TIMEOUT_MS = 3000;
export const HANDLER_DEADLINE_MS = 4000;
const ALLOW: SendDecision = { allow: true, message: "" };

async function decide(): Promise<SendDecision> {
  const language = Office.context.displayLanguage ?? "en-US";
  const request = await readRequest(officeDraft());
  if (request.to.length + request.cc.length + request.bcc.length === 0) return ALLOW;
  let result: AnalysisResult | null = readCachedAnalysis(draftHash(request));
  result ??= await analyze(request, { apiBase: config.apiBase, language, timeoutMs: API_TIMEOUT_MS }).catch(() => null);
  let isSuppressed: ((f: AnalysisResult["findings"][number]) => boolean) | undefined;
  try {
    isSuppressed = createSuppressions(roamingStore()).isMuted;
  } catch {
    isSuppressed = undefined;
  }
  return decideOnSend(result, { strings: stringsFor(language), isSuppressed });
}

export async function onMessageSendHandler(event: Office.MailboxEvent): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<SendDecision>((resolve) => (timer = setTimeout(() => resolve(ALLOW), HANDLER_DEADLINE_MS)));
  // Anything that goes wrong (Office call failing, API down, slow or erroring) allows the mail.
  const decision = await Promise.race([decide().catch(() => ALLOW), deadline]);
  clearTimeout(timer);
  if (decision.allow) {
    event.completed({ allowEvent: true });
  } else {
    event.completed({
      allowEvent: false,
      errorMessage: decision.message,
      sendModeOverride: Office.MailboxEnums.SendModeOverride.PromptUser,
    });
  }
}

Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
