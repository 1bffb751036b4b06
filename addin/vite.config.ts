import { resolve } from "node:path";
import { defineConfig } from "vite";

// The pages: task pane, event-runtime commands page, and the playground.
// The on-send handler is a separate standalone bundle: see vite.launchevent.config.ts.
export default defineConfig({
  base: "./",
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
  server: { port: 3000 },
});
