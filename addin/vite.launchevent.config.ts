import { resolve } from "node:path";
import { defineConfig } from "vite";

// dist/launchevent.js: the OnMessageSend handler and everything it imports (MSAL included) bundled
// into one classic script, for classic Outlook's JavaScript-only runtime (and loaded by
// commands.html elsewhere). Minified: loading it counts against Outlook's 5 s.
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2017",
    minify: true,
    copyPublicDir: false,
    lib: {
      entry: resolve(import.meta.dirname, "src/launchevent.ts"),
      formats: ["iife"],
      name: "OutreachAdvisorLaunchEvent",
      fileName: () => "launchevent.js",
    },
  },
});
