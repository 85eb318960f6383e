import fs from "node:fs";
import path from "node:path";
import { isCheckDue } from "./refresh.js";
import type { PluginSettings } from "./types.js";

function isDirectory(target: string): boolean {
  try {
    return fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/** Start directory → the root found from it, re-checked at the index refresh interval. */
const lookups = new Map<string, { root: string | null; checkedAt: number }>();

export function clearRootLookupCache(): void {
  lookups.clear();
}

/**
 * The repository root for a linted file: `settings.root` resolved against `cwd` when given
 * (null when it is not a directory), else the nearest ancestor directory of the file that
 * contains a `products/` directory, else null.
 */
export function findRepoRoot(filename: string, cwd: string, settings?: PluginSettings): string | null {
  if (typeof settings?.root === "string" && settings.root !== "") {
    const root = path.resolve(cwd, settings.root);
    return isDirectory(root) ? root : null;
  }
  const start = path.dirname(path.resolve(cwd, filename));
  const now = Date.now();
  const cached = lookups.get(start);
  if (cached && !isCheckDue(cached.checkedAt, now)) return cached.root;
  let root: string | null = null;
  for (let dir = start; ; ) {
    if (isDirectory(path.join(dir, "products"))) {
      root = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  lookups.set(start, { root, checkedAt: now });
  return root;
}
