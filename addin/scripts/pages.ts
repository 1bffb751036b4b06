// Pages the build adds to dist/ beside the bundles (used by vite.config.ts):
// - help/rules/<name>.html: each rule's documentation (docs/rules/<name>.md), so a finding's help
//   link opens from the add-in's own origin, not from a code host;
// - .well-known/microsoft-officeaddins-allowed.json: the event script classic Outlook may run with
//   CORS and SSO (its JavaScript-only runtime checks this file at the add-in's origin).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";

export interface Page {
  fileName: string;
  source: string;
}

const STYLE = `body{font-family:"Segoe UI",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;font-size:14px;line-height:20px;color:#242424;max-width:46rem;margin:0 auto;padding:16px}
h1{font-size:24px;line-height:32px;font-weight:600}h2{font-size:18px;margin-top:24px}h3{font-size:16px}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d1d1d1;padding:4px 8px;text-align:left;vertical-align:top}
code,pre{font-family:Consolas,"Courier New",monospace;background:#f5f5f5;border-radius:4px}pre{padding:8px;overflow:auto;white-space:pre-wrap}
blockquote{border-left:4px solid #d1d1d1;margin:8px 0;padding:0 12px;color:#424242}a{color:#0f6cbd}`;

/** Renders docs/rules/*.md (not README.md) into help/rules/<name>.html. */
export function helpPages(rulesDir: string): Page[] {
  const md = new MarkdownIt({ html: false, linkify: false });
  // Links between rule pages stay links (to the .html); links out of docs/rules become plain text.
  const defaultLink = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  md.renderer.rules.link_open = (tokens, i, options, env, self) => {
    const href = String(tokens[i].attrGet("href") ?? "");
    const local = /^([a-z0-9-]+)\.md(#.*)?$/.exec(href);
    if (local) tokens[i].attrSet("href", `${local[1]}.html${local[2] ?? ""}`);
    else if (!/^https?:/.test(href)) {
      // Not served beside the help pages: the link's text stays, as a plain span.
      const close = tokens.findIndex((t, j) => j > i && t.type === "link_close" && t.level === tokens[i].level);
      tokens[i].tag = "span";
      tokens[i].attrs = null;
      if (close > 0) tokens[close].tag = "span";
    }
    return defaultLink(tokens, i, options, env, self);
  };
  return readdirSync(rulesDir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .sort()
    .map((file) => {
      const name = file.replace(/\.md$/, "");
      const body = md.render(readFileSync(join(rulesDir, file), "utf8"));
      const source = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${name} - Outreach Advisor rule</title><style>${STYLE}</style></head>
<body><main>
${body}</main></body>
</html>
`;
      return { fileName: `help/rules/${name}.html`, source };
    });
}

/** The allow-list for classic Outlook's event runtime: the event script at the add-in's origin. */
export function allowedAddins(origin: string): Page {
  return {
    fileName: ".well-known/microsoft-officeaddins-allowed.json",
    source: JSON.stringify({ allowed: [`${origin.replace(/\/+$/, "")}/launchevent.js`] }, null, 2) + "\n",
  };
}
