import type { AnalysisRequest, Recipient } from "../contract";
import { officeAsync } from "./async";

export type RecipientField = "to" | "cc" | "bcc";

/** Everything the add-in does with the message being composed; Office-backed or faked in tests. */
export interface ComposeDraft {
  sender(): Promise<Recipient | null>;
  recipients(field: RecipientField): Promise<Recipient[]>;
  subject(): Promise<string>;
  bodyText(): Promise<string>;
  setBodyText(text: string): Promise<void>;
  insertAtCursor(text: string): Promise<void>;
  /** The found-at pages stored with the item (custom properties). */
  loadFoundAt(): Promise<Record<string, string>>;
  saveFoundAt(foundAt: Record<string, string>): Promise<void>;
  onRecipientsChanged(handler: () => void): Promise<void>;
}

const FOUND_AT_PROPERTY = "outreachFoundAt";

function toRecipient(details: Office.EmailAddressDetails): Recipient {
  return { name: details.displayName ?? "", address: details.emailAddress ?? "" };
}

/** The compose item of Office.context.mailbox behind the ComposeDraft interface. */
export function officeDraft(mailbox: Office.Mailbox = Office.context.mailbox): ComposeDraft {
  const item = mailbox.item as Office.MessageCompose;
  const text = { coercionType: Office.CoercionType.Text };
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
    bodyText: () => officeAsync<string>((cb) => item.body.getAsync(Office.CoercionType.Text, cb)),
    setBodyText: (body) => officeAsync<void>((cb) => item.body.setAsync(body, text, cb)),
    insertAtCursor: (snippet) => officeAsync<void>((cb) => item.body.setSelectedDataAsync(snippet, text, cb)),
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

/** Reads the draft into the contract's analysis request. */
export async function readRequest(draft: ComposeDraft, withFoundAt = true): Promise<AnalysisRequest> {
  const [from, to, cc, bcc, subject, body, foundAt] = await Promise.all([
    draft.sender(),
    draft.recipients("to"),
    draft.recipients("cc"),
    draft.recipients("bcc"),
    draft.subject(),
    draft.bodyText(),
    withFoundAt ? draft.loadFoundAt().catch(() => ({})) : Promise.resolve({}),
  ]);
  const addresses = new Set([...to, ...cc, ...bcc].map((r) => r.address.toLowerCase()));
  const relevant = Object.fromEntries(Object.entries(foundAt).filter(([address]) => addresses.has(address.toLowerCase())));
  return { from, to, cc, bcc, subject, body, bodyFormat: "text", foundAt: relevant };
}
