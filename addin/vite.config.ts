import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { type Plugin, defineConfig } from "vite";
import { allowedAddins, helpPages } from "./scripts/pages";

// The pages: task pane, event-runtime commands page, and the playground.
// The on-send handler is a separate standalone bundle: see vite.launchevent.config.ts.

// Local sideloading: `npm run dev` / `npm run serve:https` on https://localhost:3000 with the
// certificates of office-addin-dev-certs, and /api proxied to `outreach serve` (plain http on
// 127.0.0.1), so the task pane calls its own origin and no mixed content or CORS is involved.
const certDir = join(homedir(), ".office-addin-dev-certs");
const https = existsSync(join(certDir, "localhost.crt"))
  ? { cert: readFileSync(join(certDir, "localhost.crt")), key: readFileSync(join(certDir, "localhost.key")) }
  : undefined;
const proxy = { "/api": { target: process.env.OUTREACH_API_URL ?? "http://127.0.0.1:7071", changeOrigin: true } };

// The origin the add-in is served from (the manifests' URLs); names the event script in the allow-list.
const addinOrigin = process.env.VITE_ADDIN_ORIGIN ?? "https://localhost:3000";

/** help/rules/*.html from docs/rules and the .well-known allow-list, emitted into dist/. */
function addinPages(): Plugin {
  return {
    name: "outreach-addin-pages",
    generateBundle() {
      for (const page of [...helpPages(resolve(import.meta.dirname, "../docs/rules")), allowedAddins(addinOrigin)]) {
        this.emitFile({ type: "asset", fileName: page.fileName, source: page.source });
      }
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [addinPages()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
    rollupOptions: {
      input: {
        taskpane: resolve(import.meta.dirname, "taskpane.html"),
        commands: resolve(import.meta.dirname, "commands.html"),
        playground: resolve(import.meta.dirname, "playground.html"),
      },
    },
  },
  server: { port: 3000, strictPort: true, https, proxy },
  preview: { port: 3000, strictPort: true, https, proxy },
});
