/**
 * File-system checks for pytest path arguments: does the path exist, and does it hold tests
 * pytest would discover. Results are memoized for a short while: a lint run checks each path
 * once, and an editor session still sees test files created a moment ago.
 */
import fs from "node:fs";
import path from "node:path";

export type PytestPathStatus = "missing" | "no-tests" | "not-a-test-file" | "ok";

const TEST_FILE = /^(test_.*|.*_test)\.py$/;
const SKIPPED_DIRS = new Set(["node_modules", "__pycache__", "site-packages"]);
const MEMO_TTL_MS = 3_000;

let memo = new Map<string, PytestPathStatus>();
let memoCreated = Date.now();

/** Forget memoized results (tests). */
export function clearTestPathCache(): void {
  memo = new Map();
  memoCreated = Date.now();
}

export function isTestFileName(name: string): boolean {
  return TEST_FILE.test(name);
}

function containsTestFile(dir: string): boolean {
  const pending = [dir];
  while (pending.length) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isFile() && isTestFileName(entry.name)) return true;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith(".") && !SKIPPED_DIRS.has(entry.name)) {
        pending.push(path.join(current, entry.name));
      }
    }
  }
  return false;
}

/** Status of an absolute path given to pytest. */
export function pytestPathStatus(absolutePath: string): PytestPathStatus {
  if (Date.now() - memoCreated > MEMO_TTL_MS) clearTestPathCache();
  const cached = memo.get(absolutePath);
  if (cached) return cached;
  let status: PytestPathStatus;
  const stat = fs.statSync(absolutePath, { throwIfNoEntry: false });
  if (!stat) status = "missing";
  else if (stat.isDirectory()) status = containsTestFile(absolutePath) ? "ok" : "no-tests";
  else status = isTestFileName(path.basename(absolutePath)) ? "ok" : "not-a-test-file";
  memo.set(absolutePath, status);
  return status;
}
