import fs from "node:fs";
import path from "node:path";
import { isInside } from "./confine.js";
import { isTestFileName } from "./conventions.js";
import type { TrackedFs } from "./tracked-fs.js";

/**
 * What a pytest path argument points at: a test file or a folder holding tests (`ok`), nothing,
 * a folder without tests, another file, or something outside the repository (`elsewhere`: behind
 * a symlink leading out of it, a loop, or a path the OS refuses), which is not looked at.
 */
export type PytestPathStatus = "ok" | "missing" | "no-tests" | "not-a-test-file" | "elsewhere";

/** Longer than Linux's PATH_MAX: no such file can exist. */
const MAX_PATH_LENGTH = 4096;

/** The nearest ancestor inside the root tells whether a path that does not resolve is missing or elsewhere. */
function locateMissing(tfs: TrackedFs, target: string): "missing" | "elsewhere" {
  let child = target;
  // Ancestors too long to exist are skipped without a look (a path typed in a script can be huge).
  while (path.dirname(child).length > MAX_PATH_LENGTH) child = path.dirname(child);
  for (let dir = path.dirname(child); ; child = dir, dir = path.dirname(dir)) {
    const parent = tfs.stat(dir);
    if (parent) {
      if (!parent.isDirectory()) return "missing";
      try {
        // Exists but does not resolve inside the root: a link out of it, a loop.
        return fs.lstatSync(path.join(tfs.confine(dir)!, path.basename(child)), { throwIfNoEntry: false }) ? "elsewhere" : "missing";
      } catch {
        return "elsewhere";
      }
    }
    if (dir === tfs.root || path.dirname(dir) === dir) return "elsewhere";
  }
}

/** A test file somewhere below `dir` (the walk stops at the first one). */
function holdsTests(tfs: TrackedFs, dir: string): boolean {
  let found = false;
  tfs.walkFiles(dir, (entry) => {
    found = isTestFileName(entry.name);
    return found;
  });
  return found;
}

/** The status of an absolute path given to pytest, read through the index's tracked file system. Never throws. */
export function probePytestPath(tfs: TrackedFs, absolute: string): PytestPathStatus {
  if (!isInside(tfs.root, absolute)) return "elsewhere";
  // The OS refuses a NUL byte: a path typed in a script, not a file.
  if (absolute.includes("\0")) return "elsewhere";
  const stats = absolute.length > MAX_PATH_LENGTH ? null : tfs.stat(absolute);
  if (!stats) return locateMissing(tfs, absolute);
  if (stats.isDirectory()) return holdsTests(tfs, absolute) ? "ok" : "no-tests";
  return isTestFileName(path.basename(absolute)) ? "ok" : "not-a-test-file";
}
