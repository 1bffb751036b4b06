import type { Finding } from "../contract";
import { officeAsync } from "./async";
import type { SessionStore } from "./draft";

export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  save(): Promise<void>;
}

export function roamingStore(settings: Office.RoamingSettings = Office.context.roamingSettings): SettingsStore {
  return {
    get: (name) => settings.get(name) as unknown,
    set: (name, value) => settings.set(name, value),
    save: () => officeAsync<void>((cb) => settings.saveAsync(cb)),
  };
}

/** Roaming settings hold 32 KB per mailbox: lists kept there stay well inside it. */
const MAX_KEYS = 400;

/** How long a "don't warn me" lasts: this mail only, this recipient from now on, or always. */
export type MuteScope = "mail" | "recipient" | "always";

export interface Mutes {
  /** Muted for every recipient it concerns (or muted always). */
  isMuted(finding: Finding): boolean;
  /** The finding's recipients that are not muted ([] for a finding about no one). */
  activeRecipients(finding: Finding): string[];
  mute(finding: Finding, scope: MuteScope): Promise<void>;
  /** Clears every mute that hides this finding. */
  unmute(finding: Finding): Promise<void>;
}

const ROAMING_KEY = "outreachMuted";
const SESSION_KEY = "outreachSessionMutes";

/** What a mute is keyed by: the message id (a rule reports several different problems), else the rule. */
const idOf = (f: Finding) => f.messageId || f.rule;
export const recipientsOf = (f: Finding): string[] => {
  const list = f.recipients?.length ? f.recipients : f.recipient ? [f.recipient] : [];
  return [...new Set(list.map((r) => r.toLowerCase()))];
};
export const muteKey = (f: Finding, recipient: string | "*") => `${idOf(f)}|${recipient.toLowerCase()}`;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Mutes in roaming settings (recipient, always) and in the item's session data (this mail). */
export async function createMutes(roaming: SettingsStore, session: SessionStore): Promise<Mutes> {
  let sessionKeys: string[] = [];
  try {
    sessionKeys = stringList(JSON.parse((await session.get(SESSION_KEY)) ?? "[]"));
  } catch {
    sessionKeys = [];
  }
  const keys = () => new Set([...stringList(roaming.get(ROAMING_KEY)), ...sessionKeys]);
  return {
    isMuted(f) {
      const all = keys();
      const recipients = recipientsOf(f);
      return all.has(muteKey(f, "*")) || (recipients.length > 0 ? recipients.every((r) => all.has(muteKey(f, r))) : all.has(muteKey(f, "")));
    },
    activeRecipients(f) {
      const all = keys();
      return recipientsOf(f).filter((r) => !all.has(muteKey(f, r)) && !all.has(muteKey(f, "*")));
    },
    async mute(f, scope) {
      const recipients = recipientsOf(f);
      const added = scope === "always" ? [muteKey(f, "*")] : recipients.length > 0 ? recipients.map((r) => muteKey(f, r)) : [muteKey(f, "")];
      if (scope === "mail") {
        sessionKeys = [...new Set([...sessionKeys, ...added])];
        await session.set(SESSION_KEY, JSON.stringify(sessionKeys));
        return;
      }
      roaming.set(ROAMING_KEY, [...new Set([...stringList(roaming.get(ROAMING_KEY)), ...added])].slice(-MAX_KEYS));
      await roaming.save();
    },
    async unmute(f) {
      const all = new Set([muteKey(f, "*"), muteKey(f, ""), ...recipientsOf(f).map((r) => muteKey(f, r))]);
      const kept = sessionKeys.filter((k) => !all.has(k));
      if (kept.length !== sessionKeys.length) {
        sessionKeys = kept;
        await session.set(SESSION_KEY, JSON.stringify(sessionKeys));
      }
      roaming.set(ROAMING_KEY, stringList(roaming.get(ROAMING_KEY)).filter((k) => !all.has(k)));
      await roaming.save();
    },
  };
}

const PRIOR_KEY = "outreachPriorContact";

/** "I've engaged with them elsewhere": address -> where (linkedin, event, ... or the user's words), per recipient, roaming. */
export interface PriorContacts {
  all(): Record<string, string>;
  set(address: string, where: string | null): Promise<void>;
}

export function createPriorContacts(store: SettingsStore): PriorContacts {
  const read = (): Record<string, string> => {
    const value = store.get(PRIOR_KEY);
    if (!value || typeof value !== "object") return {};
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"));
  };
  return {
    all: read,
    async set(address, where) {
      const next = Object.entries(read()).filter(([a]) => a !== address.toLowerCase());
      if (where) next.push([address.toLowerCase(), where.trim().slice(0, 60)]);
      store.set(PRIOR_KEY, Object.fromEntries(next.slice(-MAX_KEYS)));
      await store.save();
    },
  };
}

const WEEKLY_KEY = "outreachWeeklyReport";

/** The user's last weekly-report choice, remembered in roaming settings (the API has no GET for it). */
export interface WeeklyPreference {
  get(): boolean;
  set(weekly: boolean): Promise<void>;
}

export function createWeeklyPreference(store: SettingsStore): WeeklyPreference {
  return {
    get: () => store.get(WEEKLY_KEY) === true,
    async set(weekly) {
      store.set(WEEKLY_KEY, weekly);
      await store.save();
    },
  };
}
