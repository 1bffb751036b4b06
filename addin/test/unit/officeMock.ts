import { OfficeMockObject } from "office-addin-mock";
import type { Recipient } from "../../src/contract";

/** Mutable state behind an office-addin-mock Outlook compose item. */
export interface MockItemState {
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  subject: string;
  body: string;
  bodyFormat: "text" | "html";
  setBodyOptions: unknown[];
  customProperties: Record<string, unknown>;
  sessionData: Record<string, string>;
  handlers: Record<string, () => void>;
  roaming: Record<string, unknown>;
  /** The highest Mailbox requirement set the mocked client has. */
  mailbox: number;
}

type Cb = (result: { status: string; value?: unknown }) => void;
const done = (cb: Cb, value?: unknown) => cb({ status: "succeeded", value });
const last = (args: unknown[]) => args[args.length - 1] as Cb;

/** Installs `Office` as an office-addin-mock object for Outlook compose, and returns its state. */
export function installOfficeMock(initial: Partial<MockItemState> = {}, displayLanguage = "en-US"): { state: MockItemState; office: unknown } {
  const state: MockItemState = {
    to: [], cc: [], bcc: [], subject: "", body: "", bodyFormat: "text", setBodyOptions: [], customProperties: {}, sessionData: {}, handlers: {}, roaming: {}, mailbox: 1.15,
    ...initial,
  };
  const recipients = (field: "to" | "cc" | "bcc") => ({
    getAsync: (...args: unknown[]) => done(last(args), state[field].map((r) => ({ displayName: r.name, emailAddress: r.address }))),
  });
  const data = {
    host: "outlook",
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    EventType: { RecipientsChanged: "olkRecipientsChanged" },
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
    actions: { associate: () => undefined },
    context: {
      displayLanguage,
      requirements: { isSetSupported: (name: string, version: string) => name === "Mailbox" && Number(version) <= state.mailbox },
      roamingSettings: {
        get: (name: string) => state.roaming[name],
        set: (name: string, value: unknown) => (state.roaming[name] = value),
        saveAsync: (cb: Cb) => done(cb),
      },
      mailbox: {
        userProfile: { displayName: "Ann Lee", emailAddress: "ann@lee.example" },
        item: {
          to: recipients("to"),
          cc: recipients("cc"),
          bcc: recipients("bcc"),
          subject: { getAsync: (...args: unknown[]) => done(last(args), state.subject) },
          body: {
            getTypeAsync: (cb: Cb) => done(cb, state.bodyFormat),
            getAsync: (coercion: string, cb: Cb) => done(cb, coercion === state.bodyFormat ? state.body : `(${state.bodyFormat} body read as ${coercion})`),
            setAsync: (text: string, options: { coercionType: "text" | "html" }, cb: Cb) => {
              state.body = text;
              state.bodyFormat = options.coercionType;
              state.setBodyOptions.push(options);
              done(cb);
            },
          },
          sessionData: {
            getAsync: (name: string, cb: Cb) => done(cb, state.sessionData[name] ?? ""),
            setAsync: (name: string, value: string, cb: Cb) => {
              state.sessionData[name] = value;
              done(cb);
            },
          },
          loadCustomPropertiesAsync: (cb: Cb) => {
            const copy = { ...state.customProperties };
            done(cb, {
              get: (name: string) => copy[name],
              set: (name: string, value: unknown) => (copy[name] = value),
              saveAsync: (saved: Cb) => {
                state.customProperties = copy;
                done(saved);
              },
            });
          },
          addHandlerAsync: (type: string, handler: () => void, cb: Cb) => {
            state.handlers[type] = handler;
            done(cb);
          },
        },
      },
    },
  };
  const office = new OfficeMockObject(data);
  (globalThis as unknown as { Office: unknown }).Office = office;
  return { state, office };
}

export const JANE: Recipient = { name: "Jane Doe", address: "jane@shape.example" };
