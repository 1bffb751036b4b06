import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";

// The unified manifest, validated offline against the JSON schema that @microsoft/app-manifest
// bundles for the manifest's version (the package's own validator downloads the schema).
const root = join(import.meta.dirname, "..", "..");
const manifest = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8")) as Record<string, unknown> & {
  manifestVersion: string;
  icons: { outline: string; color: string };
  extensions: { runtimes: { id: string; code: { page: string; script?: string }; actions: { id: string; type: string }[] }[]; autoRunEvents: { events: { type: string; actionId: string; options?: { sendMode: string } }[] }[]; ribbons: { tabs: { groups: { controls: { actionId: string }[] }[] }[] }[] }[];
};

function schemaFor(version: string): object {
  const pkg = dirname(createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json"));
  const file = join(pkg, "build", "json-schemas", "teams", `v${version}`, "MicrosoftTeams.schema.json");
  return JSON.parse(readFileSync(file, "utf8")) as object;
}

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schemaFor(manifest.manifestVersion));
}

describe("manifest.json (unified manifest)", () => {
  it("is valid against the bundled schema of its manifestVersion", () => {
    const validate = validator();
    const ok = validate(manifest);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the validator catches mistakes (a bad sendMode is rejected)", () => {
    const broken = structuredClone(manifest);
    broken.extensions[0].autoRunEvents[0].events[0].options = { sendMode: "sometimes" };
    expect(validator()(broken)).toBe(false);
  });

  it("runs onMessageSendHandler on messageSending with sendMode softBlock (warnings prompt at run time), from the event runtime", () => {
    const ext = manifest.extensions[0];
    const event = ext.autoRunEvents.flatMap((a) => a.events).find((e) => e.type === "messageSending");
    expect(event).toMatchObject({ actionId: "onMessageSendHandler", options: { sendMode: "softBlock" } });
    const runtime = ext.runtimes.find((r) => r.actions.some((a) => a.id === event?.actionId));
    expect(runtime?.actions.find((a) => a.id === "onMessageSendHandler")?.type).toBe("executeFunction");
    expect(runtime?.code).toEqual({ page: "https://localhost:3000/commands.html", script: "https://localhost:3000/launchevent.js" });
  });

  it("every ribbon control's action exists in a runtime", () => {
    const ext = manifest.extensions[0];
    const actions = new Set(ext.runtimes.flatMap((r) => r.actions.map((a) => a.id)));
    const used = ext.ribbons.flatMap((r) => r.tabs.flatMap((t) => t.groups.flatMap((g) => g.controls.map((c) => c.actionId))));
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(actions.has(id), id).toBe(true);
  });

  it("uses one origin for every URL, and its icons exist", () => {
    const urls = JSON.stringify(manifest).match(/https:\/\/[^"]+/g) ?? [];
    const origins = new Set(urls.filter((u) => !u.startsWith("https://developer.microsoft.com/json-schemas/")).map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
    for (const icon of [manifest.icons.outline, manifest.icons.color]) expect(existsSync(join(root, "public", icon)), icon).toBe(true);
  });
});
