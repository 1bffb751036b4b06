import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["**/*.ts"],
    languageOptions: { globals: { ...globals.browser, Office: "readonly" } },
    // Office.js callbacks carry AsyncResult<void>: promise helpers need `void` as a type argument.
    rules: { "@typescript-eslint/no-invalid-void-type": "off" },
  },
  {
    files: ["scripts/**/*.mjs", "e2e/**/*.mjs", "*.js"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
