import type { Finding } from "../contract";
import { officeAsync } from "./async";

/** "Don't warn me again" choices, per rule and recipient, kept in Office roaming settings. */
export interface Suppressions {
  isMuted(finding: Finding): boolean;
  mute(finding: Finding): Promise<void>;
  unmute(finding: Finding): Promise<void>;
}

export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  save(): Promise<void>;
}

const KEY = "outreachMuted";

export function suppressionKey(finding: Finding): string {
  return `${finding.rule}|${(finding.recipient ?? "").toLowerCase()}`;
}

export function roamingStore(settings: Office.RoamingSettings = Office.context.roamingSettings): SettingsStore {
  return {
    get: (name) => settings.get(name) as unknown,
    set: (name, value) => settings.set(name, value),
    save: () => officeAsync<void>((cb) => settings.saveAsync(cb)),
  };
}

export function createSuppressions(store: SettingsStore): Suppressions {
  const read = (): string[] => {
    const value = store.get(KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  };
  const write = async (keys: string[]) => {
    store.set(KEY, keys);
    await store.save();
  };
  return {
    isMuted: (finding) => read().includes(suppressionKey(finding)),
    mute: (finding) => write([...new Set([...read(), suppressionKey(finding)])]),
    unmute: (finding) => write(read().filter((k) => k !== suppressionKey(finding))),
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
