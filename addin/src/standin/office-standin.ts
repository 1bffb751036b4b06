// An Office.js stand-in for Outlook's compose item, backed by in-page state. The playground and
// the browser tests use it where Office.js (and Outlook) are not available. It implements only
// what the add-in calls, with Office.js's names and callback shapes, and answers
// isSetSupported("Mailbox", v) up to a chosen version so older clients can be played too.
import type { Recipient } from "../contract";

export interface ComposeState {
  from: Recipient;
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  subject: string;
  body: string;
  bodyFormat: "text" | "html";
  /** The body's selection (text bodies), where setSelectedDataAsync inserts. */
  selection: { start: number; end: number };
  customProperties: Record<string, unknown>;
  sessionData: Record<string, string>;
}

export interface SendOutcome {
  allowEvent: boolean;
  errorMessage?: string;
  errorMessageMarkdown?: string;
  cancelLabel?: string;
  commandId?: string;
  sendModeOverride?: string;
  elapsedMs: number;
  /** What the handler reported it decided (src/launchevent.ts LastSend). */
  checked?: boolean;
}

export interface StandInOptions {
  displayLanguage?: string;
  /** The highest Mailbox requirement set the played client supports (default 1.15). */
  mailboxVersion?: string;
  /** When given, the stand-in brokers nested app authentication (window.nestedAppAuthBridge) with this access token. */
  naaToken?: () => Promise<string>;
}

export interface OfficeStandIn {
  readonly state: ComposeState;
  /** Changes the draft as a user would; changing recipients raises RecipientsChanged. */
  update(change: Partial<ComposeState>): void;
  /** Called whenever the add-in writes the body. */
  onBodyWritten(listener: (body: string, format: "text" | "html") => void): void;
  /** Runs the associated OnMessageSend handler, as Outlook does when the user selects Send. */
  send(): Promise<SendOutcome>;
  /** Token requests the NAA bridge answered (scopes asked for). */
  readonly tokenRequests: string[];
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

const versionAtMost = (wanted: string, have: string) => {
  const [a, b] = [wanted, have].map((v) => v.split(".").map(Number));
  return a[0] < b[0] || (a[0] === b[0] && (a[1] ?? 0) <= (b[1] ?? 0));
};

const base64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** The host side of MSAL's nested app authentication bridge, answering with the token it is given. */
function installNaaBridge(token: () => Promise<string>, requests: string[]): void {
  const listeners: ((message: string) => void)[] = [];
  const account = { homeAccountId: "standin-user.standin-tenant", environment: "login.microsoftonline.com", tenantId: "standin-tenant", localAccountId: "standin-user", username: "ann@lee.example", name: "Ann Lee" };
  const idToken = `${base64url({ alg: "none", typ: "JWT" })}.${base64url({ oid: account.localAccountId, tid: account.tenantId, preferred_username: account.username, name: account.name })}.`;
  const answer = (message: unknown) => setTimeout(() => listeners.forEach((l) => l(JSON.stringify(message))), 0);
  (window as unknown as { nestedAppAuthBridge: unknown }).nestedAppAuthBridge = {
    addEventListener: (_type: string, listener: (message: string) => void) => listeners.push(listener),
    removeEventListener: () => undefined,
    postMessage(raw: string) {
      const request = JSON.parse(raw) as { requestId: string; method: string; tokenParams?: { scope?: string } };
      const reply = { messageType: "NestedAppAuthResponse", requestId: request.requestId };
      if (request.method === "GetInitContext") {
        answer({ ...reply, success: true, initContext: { sdkName: "outreach-standin", sdkVersion: "1.0", capabilities: {} } });
        return;
      }
      requests.push(request.tokenParams?.scope ?? "");
      void token().then(
        (accessToken) => answer({ ...reply, success: true, account, token: { access_token: accessToken, id_token: idToken, expires_in: 3600, scope: request.tokenParams?.scope, token_type: "Bearer" } }),
        () => answer({ ...reply, success: false, error: { status: "ACCOUNT_UNAVAILABLE" } }),
      );
    },
  };
}

export function installOfficeStandIn(initial: Partial<ComposeState> = {}, options: StandInOptions = {}): OfficeStandIn {
  const state: ComposeState = {
    from: { name: "Ann Lee", address: "ann@lee.example" },
    to: [],
    cc: [],
    bcc: [],
    subject: "",
    body: "",
    bodyFormat: "text",
    selection: { start: 0, end: 0 },
    customProperties: {},
    sessionData: {},
    ...initial,
  };
  const calls: string[] = [];
  const tokenRequests: string[] = [];
  const recipientHandlers: (() => void)[] = [];
  const bodyListeners: ((body: string, format: "text" | "html") => void)[] = [];
  const actions = new Map<string, (event: unknown) => unknown>();
  const mailboxVersion = options.mailboxVersion ?? "1.15";

  const recipientsField = (field: "to" | "cc" | "bcc") => ({
    getAsync: (...args: unknown[]) => {
      calls.push(`${field}.getAsync`);
      ok(lastArg(args), state[field].map((r) => ({ displayName: r.name, emailAddress: r.address, recipientType: "other" })));
    },
  });

  const writeBody = (body: string, format: "text" | "html") => {
    // Keep the user's cursor where it was relative to the text around it.
    const old = state.body;
    let prefix = 0;
    while (prefix < old.length && prefix < body.length && old[prefix] === body[prefix]) prefix++;
    const shift = (n: number) => (n > prefix ? Math.max(prefix, n + body.length - old.length) : n);
    state.selection = { start: Math.min(body.length, shift(state.selection.start)), end: Math.min(body.length, shift(state.selection.end)) };
    state.body = body;
    state.bodyFormat = format;
    bodyListeners.forEach((l) => l(body, format));
  };
  const coercionOf = (rest: unknown[]) => {
    const opts = rest.find((r) => r && typeof r === "object") as { coercionType?: string } | undefined;
    return opts?.coercionType === "html" ? "html" : "text";
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
      getTypeAsync: (...args: unknown[]) => {
        calls.push("body.getTypeAsync");
        ok(lastArg(args), state.bodyFormat);
      },
      getAsync: (coercion: string, ...rest: unknown[]) => {
        calls.push(`body.getAsync:${coercion}`);
        ok(lastArg(rest), state.body);
      },
      setAsync: (text: string, ...rest: unknown[]) => {
        const format = coercionOf(rest);
        calls.push(`body.setAsync:${format}`);
        writeBody(text, format);
        ok(lastArg(rest), undefined);
      },
      setSelectedDataAsync: (text: string, ...rest: unknown[]) => {
        calls.push("body.setSelectedDataAsync");
        const { start, end } = state.selection;
        writeBody(state.body.slice(0, start) + text + state.body.slice(end), state.bodyFormat);
        state.selection = { start, end: start + text.length };
        ok(lastArg(rest), undefined);
      },
    },
    sessionData: {
      getAsync: (name: string, ...rest: unknown[]) => ok(lastArg(rest), state.sessionData[name] ?? ""),
      setAsync: (name: string, value: string, ...rest: unknown[]) => {
        state.sessionData[name] = value;
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
      displayLanguage: options.displayLanguage ?? "en-US",
      roamingSettings,
      requirements: {
        isSetSupported: (name: string, version = "1.1") => (name === "Mailbox" ? versionAtMost(version, mailboxVersion) : name === "NestedAppAuth" && !!options.naaToken),
      },
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
  if (options.naaToken) installNaaBridge(options.naaToken, tokenRequests);

  const sameRecipients = (a: Recipient[], b: Recipient[]) => a.map((r) => r.address).join() === b.map((r) => r.address).join();

  const standIn: OfficeStandIn = {
    state,
    calls,
    tokenRequests,
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
          completed: (options: Omit<SendOutcome, "elapsedMs">) => {
            const last = (window as unknown as { outreachAdvisorLastSend?: { checked: boolean } }).outreachAdvisorLastSend;
            resolve({ ...options, checked: last?.checked, elapsedMs: Math.round(performance.now() - started) });
          },
        });
      });
    },
  };
  (window as unknown as { outreachStandIn: OfficeStandIn }).outreachStandIn = standIn;
  return standIn;
}
