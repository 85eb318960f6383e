/** The names PostHog's product tooling (turbo, hogli) gives scripts and test files. */

export const TEST_SCRIPT = "backend:test";
export const CONTRACT_CHECK_SCRIPT = "backend:contract-check";

/** `backend:test` and its `backend:test:*` variants. */
export function isTestScriptName(name: string): boolean {
  return name === TEST_SCRIPT || name.startsWith(`${TEST_SCRIPT}:`);
}

const TEST_FILE = /^(?:test_.*|.*_test)\.py$/u;

/** `test_*.py` or `*_test.py`: a file pytest collects. */
export function isTestFileName(name: string): boolean {
  return TEST_FILE.test(name);
}

/** The repository files the config-file rules lint, relative to the root. */
export const DB_ROUTING_FILE = "products/db_routing.yaml";
export const TACH_FILE = "tach.toml";
