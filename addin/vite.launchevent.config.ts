import { resolve } from "node:path";
import { defineConfig } from "vite";

// dist/launchevent.js: the OnMessageSend handler as one classic script with no imports, for
// classic Outlook's JavaScript-only runtime (and loaded by commands.html elsewhere).
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2017",
    minify: false,
    copyPublicDir: false,
    lib: {
      entry: resolve(import.meta.dirname, "src/launchevent.ts"),
      formats: ["iife"],
      name: "OutreachAdvisorLaunchEvent",
      fileName: () => "launchevent.js",
    },
  },
});
