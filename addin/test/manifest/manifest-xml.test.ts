import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";

// No XSD for the add-in only manifest ships in any package, so this checks its structure.
const root = join(import.meta.dirname, "..", "..");
const text = readFileSync(join(root, "manifest.xml"), "utf8");
const errors: string[] = [];
const doc = new DOMParser({ onError: (level, message) => void (level !== "warning" && errors.push(message)) }).parseFromString(text, "text/xml");
const all = (name: string) => Array.from(doc.getElementsByTagNameNS("*", name)) as unknown as XmlElement[];
const attr = (name: string) => all("*").map((e) => e.getAttribute(name)).filter((v): v is string => !!v);

describe("manifest.xml (add-in only manifest)", () => {
  it("is well-formed XML with an OfficeApp MailApp root", () => {
    expect(errors).toEqual([]);
    expect(doc.documentElement?.localName).toBe("OfficeApp");
    expect(doc.documentElement?.getAttribute("xsi:type")).toBe("MailApp");
  });

  it("defines every resid it uses in Resources, and uses every one it defines", () => {
    const used = new Set(attr("resid"));
    const resources = all("Resources")[0];
    const defined = new Set((Array.from(resources.getElementsByTagNameNS("*", "*")) as unknown as XmlElement[]).map((e) => e.getAttribute("id")).filter((v): v is string => !!v));
    expect(used.size).toBeGreaterThan(0);
    for (const id of used) expect(defined.has(id), `resid ${id}`).toBe(true);
    for (const id of defined) expect(used.has(id), `unused resource ${id}`).toBe(true);
  });

  it("has VersionOverrides 1.1 with a compose button opening the task pane", () => {
    const v11 = all("VersionOverrides").find((e) => e.getAttribute("xsi:type") === "VersionOverridesV1_1");
    expect(v11?.namespaceURI).toBe("http://schemas.microsoft.com/office/mailappversionoverrides/1.1");
    const surface = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "MessageComposeCommandSurface");
    const action = surface && (Array.from(surface.getElementsByTagNameNS("*", "Action")) as unknown as XmlElement[])[0];
    expect(action?.getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  it("runs the OnMessageSend handler in SoftBlock mode, the handler is registered in the code, and its Fix in pane button opens the task pane control", () => {
    const events = all("LaunchEvent");
    expect(events.map((e) => [e.getAttribute("Type"), e.getAttribute("SendMode")])).toEqual([["OnMessageSend", "SoftBlock"]]);
    const source = readFileSync(join(root, "src", "launchevent.ts"), "utf8");
    const commandId = /TASKPANE_COMMAND_ID = "([^"]+)"/.exec(source)?.[1];
    const control = all("Control").find((c) => c.getAttribute("id") === commandId);
    expect((Array.from(control?.getElementsByTagNameNS("*", "Action") ?? []) as unknown as XmlElement[])[0]?.getAttribute("xsi:type")).toBe("ShowTaskpane");
    for (const name of attr("FunctionName")) expect(source).toContain(`Office.actions.associate("${name}", ${name})`);
  });

  it("points the runtime at commands.html and classic Outlook's JavaScript override at launchevent.js", () => {
    const runtime = all("Runtime")[0];
    const url = (id: string | null) => all("Url").find((u) => u.getAttribute("id") === id)?.getAttribute("DefaultValue");
    expect(url(runtime.getAttribute("resid"))).toBe("https://localhost:3000/commands.html");
    const override = (Array.from(runtime.getElementsByTagNameNS("*", "Override")) as unknown as XmlElement[])[0];
    expect(override.getAttribute("type")).toBe("javascript");
    expect(url(override.getAttribute("resid"))).toBe("https://localhost:3000/launchevent.js");
    expect(readFileSync(join(root, "commands.html"), "utf8")).toContain('<script src="launchevent.js"></script>');
  });

  it("uses one origin for every URL, and every referenced page, script and icon exists in the project", () => {
    const urls = [...attr("DefaultValue"), ...all("AppDomain").map((e) => e.textContent ?? "")].filter((v) => v.startsWith("http"));
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set(["https://localhost:3000"]));
    const built = new Set(["launchevent.js"]); // built by vite.launchevent.config.ts from src/launchevent.ts
    const pages = new Set(readdirSync(root).filter((f) => f.endsWith(".html")));
    for (const u of urls.filter((x) => new URL(x).pathname !== "/")) {
      const path = new URL(u).pathname.slice(1);
      const exists = built.has(path) || pages.has(path) || existsSync(join(root, "public", path));
      expect(exists, path).toBe(true);
    }
  });
});
