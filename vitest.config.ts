import path from "node:path";
import { defineConfig } from "vitest/config";

/** `ESLINT_MAJOR=9 npm test` runs the suite against ESLint 9 (the `eslint9` dev dependency). */
const eslint9 = process.env.ESLINT_MAJOR === "9";

export default defineConfig({
  resolve: {
    alias: eslint9 ? [{ find: /^eslint$/, replacement: path.resolve("node_modules/eslint9/lib/api.js") }] : [],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "tests/.tmp/**"],
    // Builds dist/ when it is missing or stale: the editor, CLI and cache tests run the built plugin.
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
