import path from "node:path";
import { Confiner } from "../../project/confine.js";

/** The `backend:test` command PostHog's products use (run from `products/<p>/`). */
export function conventionalTestCommand(productDir: string): string {
  const testsDir = path.join(productDir, "backend", "tests");
  // Confined: a `tests` symlink leading out of the product is not followed.
  const target = new Confiner(productDir).resolve(testsDir)?.stats.isDirectory() ? "backend/tests" : "backend";
  return `pytest -c ../../pytest.ini --rootdir ../.. ${target} -v --tb=short`;
}

/** The `backend:contract-check` command of PostHog's isolated products. */
export const CONVENTIONAL_CONTRACT_CHECK_COMMAND = "echo 'Contract files unchanged'";

export const TEST_SCRIPT = "backend:test";
export const CONTRACT_CHECK_SCRIPT = "backend:contract-check";

/** `backend:test` and its `backend:test:*` variants. */
export function isTestScriptName(name: string): boolean {
  return name === TEST_SCRIPT || name.startsWith(`${TEST_SCRIPT}:`);
}
