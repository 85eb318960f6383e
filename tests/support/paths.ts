import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST_ENTRY = path.join(REPO_ROOT, "dist", "index.js");
export const EXAMPLE_DIR = path.join(REPO_ROOT, "examples", "posthog-mini");
/** Where tests copy example trees to (gitignored). Inside the repository so that `eslint`,
 * the SARIF formatter and the plugin itself (a package self-reference) resolve from it. */
export const TMP_ROOT = path.join(REPO_ROOT, "tests", ".tmp");
export const ESLINT_BIN = path.join(REPO_ROOT, "node_modules", "eslint", "bin", "eslint.js");
export const ESLINT_SERVER_BIN = path.join(
  REPO_ROOT,
  "node_modules",
  "vscode-langservers-extracted",
  "bin",
  "vscode-eslint-language-server",
);
