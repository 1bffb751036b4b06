// An Office.js stand-in for Outlook's compose item, backed by in-page state. The playground and
// the browser tests use it where Office.js (and Outlook) are not available. It implements only
// what the add-in calls, with Office.js's names and callback shapes.
import type { Recipient } from "../contract";

export interface ComposeState {
  from: Recipient;
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  subject: string;
  body: string;
  /** The body's selection, where setSelectedDataAsync inserts. */
  selection: { start: number; end: number };
  customProperties: Record<string, unknown>;
}

export interface SendOutcome {
  allowEvent: boolean;
  errorMessage?: string;
  sendModeOverride?: string;
  elapsedMs: number;
}

export interface OfficeStandIn {
  readonly state: ComposeState;
  /** Changes the draft as a user would; changing recipients raises RecipientsChanged. */
  update(change: Partial<ComposeState>): void;
  /** Called whenever the add-in writes the body. */
  onBodyWritten(listener: (body: string) => void): void;
  /** Runs the associated OnMessageSend handler, as Outlook does when the user selects Send. */
  send(): Promise<SendOutcome>;
  readonly calls: string[];
}

type Callback<T> = (result: { status: string; value: T; error?: { message: string } }) => void;

const ROAMING_KEY = "outreach-standin:roaming";

function ok<T>(callback: Callback<T> | undefined, value: T): void {
  if (callback) setTimeout(() => callback({ status: "succeeded", value }), 0);
}

function lastArg<T>(args: unknown[]): Callback<T> | undefined {
  const last = args[args.length - 1];
  return typeof last === "function" ? (last as Callback<T>) : undefined;
}

export function installOfficeStandIn(initial: Partial<ComposeState> = {}, displayLanguage = "en-US"): OfficeStandIn {
  const state: ComposeState = {
    from: { name: "Ann Lee", address: "ann@lee.example" },
    to: [],
    cc: [],
    bcc: [],
    subject: "",
    body: "",
    selection: { start: 0, end: 0 },
    customProperties: {},
    ...initial,
  };
  const calls: string[] = [];
  const recipientHandlers: (() => void)[] = [];
  const bodyListeners: ((body: string) => void)[] = [];
  const actions = new Map<string, (event: unknown) => unknown>();

  const recipientsField = (field: "to" | "cc" | "bcc") => ({
    getAsync: (...args: unknown[]) => {
      calls.push(`${field}.getAsync`);
      ok(lastArg(args), state[field].map((r) => ({ displayName: r.name, emailAddress: r.address, recipientType: "other" })));
    },
  });

  const writeBody = (body: string) => {
    state.body = body;
    bodyListeners.forEach((l) => l(body));
  };

  const item = {
    itemType: "message",
    to: recipientsField("to"),
    cc: recipientsField("cc"),
    bcc: recipientsField("bcc"),
    subject: {
      getAsync: (...args: unknown[]) => {
        calls.push("subject.getAsync");
        ok(lastArg(args), state.subject);
      },
    },
    body: {
      getAsync: (coercion: string, ...rest: unknown[]) => {
        calls.push(`body.getAsync:${coercion}`);
        ok(lastArg(rest), state.body);
      },
      setAsync: (text: string, ...rest: unknown[]) => {
        calls.push("body.setAsync");
        writeBody(text);
        state.selection = { start: text.length, end: text.length };
        ok(lastArg(rest), undefined);
      },
      setSelectedDataAsync: (text: string, ...rest: unknown[]) => {
        calls.push("body.setSelectedDataAsync");
        const { start, end } = state.selection;
        writeBody(state.body.slice(0, start) + text + state.body.slice(end));
        state.selection = { start, end: start + text.length };
        ok(lastArg(rest), undefined);
      },
    },
    loadCustomPropertiesAsync: (...args: unknown[]) => {
      calls.push("loadCustomPropertiesAsync");
      const copy = { ...state.customProperties };
      ok(lastArg(args), {
        get: (name: string) => copy[name],
        set: (name: string, value: unknown) => (copy[name] = value),
        remove: (name: string) => Reflect.deleteProperty(copy, name),
        getAll: () => ({ ...copy }),
        saveAsync: (...a: unknown[]) => {
          state.customProperties = { ...copy };
          ok(lastArg(a), undefined);
        },
      });
    },
    addHandlerAsync: (eventType: string, handler: () => void, ...rest: unknown[]) => {
      if (eventType === "olkRecipientsChanged") recipientHandlers.push(handler);
      ok(lastArg(rest), undefined);
    },
  };

  const roaming: Record<string, unknown> = JSON.parse(localStorage.getItem(ROAMING_KEY) ?? "{}") as Record<string, unknown>;
  const roamingSettings = {
    get: (name: string) => roaming[name],
    set: (name: string, value: unknown) => (roaming[name] = value),
    remove: (name: string) => Reflect.deleteProperty(roaming, name),
    saveAsync: (...args: unknown[]) => {
      localStorage.setItem(ROAMING_KEY, JSON.stringify(roaming));
      ok(lastArg(args), undefined);
    },
  };

  const office = {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Outlook", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage,
      roamingSettings,
      mailbox: {
        item,
        userProfile: { get displayName() { return state.from.name; }, get emailAddress() { return state.from.address; } },
      },
    },
    actions: { associate: (name: string, handler: (event: unknown) => unknown) => actions.set(name, handler) },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    EventType: { RecipientsChanged: "olkRecipientsChanged" },
    MailboxEnums: { SendModeOverride: { PromptUser: "promptUser" } },
  };
  (window as unknown as { Office: unknown }).Office = office;

  const sameRecipients = (a: Recipient[], b: Recipient[]) => a.map((r) => r.address).join() === b.map((r) => r.address).join();

  const standIn: OfficeStandIn = {
    state,
    calls,
    update(change) {
      const recipientsChanged = (["to", "cc", "bcc"] as const).some((f) => change[f] && !sameRecipients(change[f], state[f]));
      Object.assign(state, change);
      if (recipientsChanged) recipientHandlers.forEach((h) => h());
    },
    onBodyWritten: (listener) => void bodyListeners.push(listener),
    send() {
      const handler = actions.get("onMessageSendHandler");
      if (!handler) return Promise.reject(new Error("no onMessageSendHandler associated"));
      const started = performance.now();
      return new Promise<SendOutcome>((resolve) => {
        void handler({
          type: "olkMessageSend",
          completed: (options: Omit<SendOutcome, "elapsedMs">) => resolve({ ...options, elapsedMs: Math.round(performance.now() - started) }),
        });
      });
    },
  };
  (window as unknown as { outreachStandIn: OfficeStandIn }).outreachStandIn = standIn;
  return standIn;
}
