import { buildRepoIndex, failedIndex, type BuiltIndex } from "./build-index.js";
import { clearRootLookupCache, findRepoRoot } from "./find-root.js";
import { clearPythonExtractions } from "./python-source.js";
import { isCheckDue } from "./refresh.js";
import { hasChanged } from "./tracked-fs.js";
import type { PluginSettings, RepoIndex } from "./types.js";

interface CacheEntry {
  built: BuiltIndex;
  checkedAt: number;
}

/** Root → its index. One per process (or worker thread). */
const cache = new Map<string, CacheEntry>();

/** Forgets every cached index and root lookup. */
export function clearRepoIndexCache(): void {
  cache.clear();
  clearRootLookupCache();
  clearPythonExtractions();
}

function build(root: string): BuiltIndex {
  try {
    return buildRepoIndex(root);
  } catch (error) {
    return failedIndex(root, error);
  }
}

/**
 * The index of the repository root `root`: built on first use, then re-validated (a stat of
 * every path the build read) at most once per refresh interval, and rebuilt when one changed.
 */
export function getRepoIndexForRoot(root: string): RepoIndex {
  const now = Date.now();
  const entry = cache.get(root);
  if (!entry) {
    const built = build(root);
    cache.set(root, { built, checkedAt: Date.now() });
    return built.index;
  }
  if (isCheckDue(entry.checkedAt, now)) {
    let stale = true;
    try {
      stale = hasChanged(entry.built.realRoot, entry.built.watched);
    } catch {
      // Rebuild on anything unexpected.
    }
    if (stale) entry.built = build(root);
    entry.checkedAt = Date.now();
  }
  return entry.built.index;
}

/**
 * The repository index for a linted file, or null when the file is not inside a repository
 * with a products tree (rules then do nothing). Throws a `ConfigurationError` for a bad setting.
 */
export function getRepoIndex(filename: string, options: { cwd: string; settings?: PluginSettings }): RepoIndex | null {
  const root = findRepoRoot(filename, options.cwd, options.settings);
  return root === null ? null : getRepoIndexForRoot(root);
}
