import { defineConfig } from "vitest/config";

// `npm test` runs the unit project; `npm run test:manifest` the manifest checks.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "jsdom" } },
      { test: { name: "manifest", include: ["test/manifest/**/*.test.ts"], environment: "node" } },
    ],
  },
});
