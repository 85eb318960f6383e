/**
 * File-system checks for pytest path arguments: does the path exist, and does it hold tests
 * pytest would discover. Results are memoized for a short while: a lint run checks each path
 * once, and an editor session still sees test files created a moment ago.
 */
import fs from "node:fs";
import path from "node:path";
import { Confiner, type Confined } from "../../project/confine.js";

export type PytestPathStatus = "missing" | "no-tests" | "not-a-test-file" | "ok" | "elsewhere";

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

/**
 * Where `target` (a path under `root`) is, without following any symlink out of the root:
 * confined (its real path inside the root), "missing" (the nearest existing ancestor inside the
 * root is a directory without it, or a file), or "elsewhere" (behind a symlink that leads out of
 * the root, a loop, a permission error, or a path the OS refuses, such as one with a NUL byte).
 */
function locate(confiner: Confiner, target: string): Confined | "missing" | "elsewhere" {
  const found = confiner.resolve(target);
  if (found) return found;
  let child = target;
  for (let dir = path.dirname(target); ; child = dir, dir = path.dirname(dir)) {
    const parent = confiner.resolve(dir);
    if (parent) {
      if (!parent.stats.isDirectory()) return "missing";
      try {
        return fs.lstatSync(path.join(parent.real, path.basename(child)), { throwIfNoEntry: false }) ? "elsewhere" : "missing";
      } catch {
        return "elsewhere";
      }
    }
    if (dir === confiner.root || path.dirname(dir) === dir) return "elsewhere";
  }
}

/**
 * Status of an absolute path given to pytest, looked at only inside the repository root `root`:
 * "elsewhere" (not checked) when it lies outside the root, behind a symlink leading out of it,
 * or cannot be looked at. Never throws.
 */
export function pytestPathStatus(absolutePath: string, root: string): PytestPathStatus {
  if (Date.now() - memoCreated > MEMO_TTL_MS) clearTestPathCache();
  const key = `${root}\0${absolutePath}`;
  const cached = memo.get(key);
  if (cached) return cached;
  let status: PytestPathStatus;
  const relative = path.relative(root, absolutePath);
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    status = "elsewhere";
  } else {
    const located = locate(new Confiner(root), absolutePath);
    if (typeof located === "string") status = located;
    else if (located.stats.isDirectory()) status = containsTestFile(located.real) ? "ok" : "no-tests";
    else status = isTestFileName(path.basename(absolutePath)) ? "ok" : "not-a-test-file";
  }
  memo.set(key, status);
  return status;
}
