import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST_ENTRY = path.join(REPO_ROOT, "dist", "index.js");
export const EXAMPLE_DIR = path.join(REPO_ROOT, "examples", "posthog-mini");
/** The major version of ESLint the suite runs against: 10, or 9 with `ESLINT_MAJOR=9`. */
export const ESLINT_MAJOR = process.env.ESLINT_MAJOR === "9" ? 9 : 10;
/** The ESLint package directory of that major (ESLint 9 is the `eslint9` dev dependency). */
export const ESLINT_PACKAGE = path.join(REPO_ROOT, "node_modules", ESLINT_MAJOR === 9 ? "eslint9" : "eslint");
export const ESLINT_BIN = path.join(ESLINT_PACKAGE, "bin", "eslint.js");
/**
 * Where tests copy example trees to (gitignored). Inside the repository so that `eslint`, the
 * SARIF formatter and the plugin itself (a package self-reference) resolve from it; with ESLint 9
 * one level down, beside a `node_modules/eslint` that is ESLint 9 (so the language server loads it).
 */
export const TMP_ROOT = path.join(REPO_ROOT, "tests", ".tmp", ...(ESLINT_MAJOR === 9 ? ["eslint9"] : []));
export const ESLINT_SERVER_BIN = path.join(
  REPO_ROOT,
  "node_modules",
  "vscode-langservers-extracted",
  "bin",
  "vscode-eslint-language-server",
);
