import type { AnalysisRequest, Recipient } from "../contract";
import { htmlToText } from "../htmlText";
import { officeAsync } from "./async";

export type RecipientField = "to" | "cc" | "bcc";

/** The body as the item holds it: HTML stays HTML, so writing it back keeps formatting, links and images. */
export interface DraftBody {
  format: "text" | "html";
  content: string;
}

/** Values kept with the item for this compose session only (Office sessionData, Mailbox 1.11). */
export interface SessionStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
}

/** Everything the add-in does with the message being composed; Office-backed or faked in tests. */
export interface ComposeDraft {
  sender(): Promise<Recipient | null>;
  recipients(field: RecipientField): Promise<Recipient[]>;
  subject(): Promise<string>;
  body(): Promise<DraftBody>;
  /** Writes the whole body back in its own format (HTML as HTML). */
  setBody(body: DraftBody): Promise<void>;
  /**
   * Where the user placed the cursor, as an offset into the body's plain text, when the host can tell.
   * Outlook cannot (Office.js does not reveal the caret), so its draft has no cursor; the playground's has.
   */
  cursor?(): number | null;
  /** The found-at pages stored with the item (custom properties). */
  loadFoundAt(): Promise<Record<string, string>>;
  saveFoundAt(foundAt: Record<string, string>): Promise<void>;
  onRecipientsChanged(handler: () => void): Promise<void>;
  session: SessionStore;
}

const FOUND_AT_PROPERTY = "outreachFoundAt";

function toRecipient(details: Office.EmailAddressDetails): Recipient {
  return { name: details.displayName ?? "", address: details.emailAddress ?? "" };
}

/** Whether the client has a requirement set (false where Office.js cannot say). */
export function supports(set: string, version: string): boolean {
  try {
    return Office.context.requirements?.isSetSupported(set, version) === true;
  } catch {
    return false;
  }
}

/** sessionData where the client has it (Mailbox 1.11), else this runtime's localStorage (same-origin runtimes share it). */
function sessionStore(item: Office.MessageCompose): SessionStore {
  if (supports("Mailbox", "1.11") && item.sessionData) {
    const data = item.sessionData;
    return {
      get: (name) => officeAsync<string>((cb) => data.getAsync(name, cb)).catch(() => null),
      set: (name, value) => officeAsync<void>((cb) => data.setAsync(name, value, cb)),
    };
  }
  const storage = (): Storage | null => {
    try {
      return typeof localStorage === "undefined" ? null : localStorage;
    } catch {
      return null;
    }
  };
  return {
    get: async (name) => storage()?.getItem(`outreach-advisor:${name}`) ?? null,
    set: async (name, value) => {
      try {
        storage()?.setItem(`outreach-advisor:${name}`, value);
      } catch {
        // quota or privacy mode: the session store is an optimisation only
      }
    },
  };
}

/** The compose item of Office.context.mailbox behind the ComposeDraft interface. */
export function officeDraft(mailbox: Office.Mailbox = Office.context.mailbox): ComposeDraft {
  const item = mailbox.item as Office.MessageCompose;
  return {
    async sender() {
      const profile = mailbox.userProfile;
      return profile?.emailAddress ? { name: profile.displayName ?? "", address: profile.emailAddress } : null;
    },
    async recipients(field) {
      const list = await officeAsync<Office.EmailAddressDetails[]>((cb) => item[field].getAsync(cb));
      return list.map(toRecipient);
    },
    subject: () => officeAsync<string>((cb) => item.subject.getAsync(cb)),
    async body() {
      const type = await officeAsync<Office.CoercionType>((cb) => item.body.getTypeAsync(cb));
      const html = type === Office.CoercionType.Html;
      const content = await officeAsync<string>((cb) => item.body.getAsync(html ? Office.CoercionType.Html : Office.CoercionType.Text, cb));
      return { format: html ? "html" : "text", content };
    },
    setBody: (body) =>
      officeAsync<void>((cb) => item.body.setAsync(body.content, { coercionType: body.format === "html" ? Office.CoercionType.Html : Office.CoercionType.Text }, cb)),
    async loadFoundAt() {
      const props = await officeAsync<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
      return parseFoundAt(props.get(FOUND_AT_PROPERTY));
    },
    async saveFoundAt(foundAt) {
      const props = await officeAsync<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
      props.set(FOUND_AT_PROPERTY, JSON.stringify(foundAt));
      await officeAsync<void>((cb) => props.saveAsync(cb));
    },
    onRecipientsChanged: (handler) => officeAsync<void>((cb) => item.addHandlerAsync(Office.EventType.RecipientsChanged, handler, cb)),
    session: sessionStore(item),
  };
}

export function parseFoundAt(raw: unknown): Record<string, string> {
  if (typeof raw !== "string" || !raw) return {};
  try {
    const value = JSON.parse(raw) as unknown;
    if (!value || typeof value !== "object") return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].trim() !== ""));
  } catch {
    return {};
  }
}

/** The body's plain text, as the server computes it (evidence offsets point into it). */
export function plainTextOf(body: DraftBody): string {
  return body.format === "html" ? htmlToText(body.content).text : body.content;
}

export interface DraftSnapshot {
  request: AnalysisRequest;
  body: DraftBody;
  /** The plain text the server's offsets point into. */
  plain: string;
}

/** Reads the draft into the contract's analysis request (HTML bodies as HTML, so link targets are seen). */
export async function readDraft(draft: ComposeDraft, withFoundAt = true): Promise<DraftSnapshot> {
  const [from, to, cc, bcc, subject, body, foundAt] = await Promise.all([
    draft.sender(),
    draft.recipients("to"),
    draft.recipients("cc"),
    draft.recipients("bcc"),
    draft.subject(),
    draft.body(),
    withFoundAt ? draft.loadFoundAt().catch(() => ({})) : Promise.resolve({}),
  ]);
  const addresses = new Set([...to, ...cc, ...bcc].map((r) => r.address.toLowerCase()));
  const relevant = Object.fromEntries(Object.entries(foundAt).filter(([address]) => addresses.has(address.toLowerCase())));
  const request: AnalysisRequest = { from, to, cc, bcc, subject, body: body.content, bodyFormat: body.format, foundAt: relevant };
  return { request, body, plain: plainTextOf(body) };
}

/** The request alone (the on-send handler). */
export async function readRequest(draft: ComposeDraft, withFoundAt = true): Promise<AnalysisRequest> {
  return (await readDraft(draft, withFoundAt)).request;
}
