import path from "node:path";
import { buildRepoIndex, failedIndex, type BuiltIndex } from "./build-index.js";
import { forgetShellCommands } from "../languages/shell/index.js";
import { clearRootLookupCache, findRepoRoot } from "./find-root.js";
import { clearExtractions, openSnapshot, releaseExtractions, saveSnapshot } from "./extractions.js";
import { loadIndexMemo, saveIndexMemo } from "./index-memo.js";
import { BUILD_ONLY_EXTRACTIONS, moduleFactsDigest } from "./python-source.js";
import { ChangeWatcher } from "./change-watcher.js";
import { checksEveryCall, isCheckDue } from "./refresh.js";
import { probePytestPath, type PytestPathStatus } from "./pytest-paths.js";
import { probeDefinesTests } from "./test-modules.js";
import { probePythonModule, type ModuleStatus } from "./python-modules.js";
import { hasChanged } from "./staleness.js";
import { TrackedFs } from "./tracked-fs.js";
import type { AppInfo, PluginSettings, ProductInfo, RepoIndex } from "./types.js";

interface CacheEntry {
  built: BuiltIndex;
  checkedAt: number;
  /** Watches what `built` read, once a check found it fresh; `watchedCount` paths at the time. */
  watcher?: { changes: ChangeWatcher; watchedCount: number };
}

/** Root → its index. One per process (or worker thread). */
const cache = new Map<string, CacheEntry>();

/** Forgets every cached index and root lookup, and what the indexes handed to other code (shell commands). */
export function clearRepoIndexCache(): void {
  for (const entry of cache.values()) entry.watcher?.changes.close();
  cache.clear();
  clearRootLookupCache();
  clearExtractions();
  forgetShellCommands();
}

/** The index of `root`: from its memo when `fromMemo` and the memo is up to date, else built (and kept in the memo). */
function build(root: string, fromMemo: boolean): BuiltIndex {
  const remembered = fromMemo ? loadIndexMemo(root) : undefined;
  if (remembered) return remembered;
  openSnapshot(root);
  let built: BuiltIndex;
  try {
    built = buildRepoIndex(root);
  } catch (error) {
    return failedIndex(root, error);
  } finally {
    saveSnapshot(root);
    releaseExtractions(root, BUILD_ONLY_EXTRACTIONS);
  }
  saveIndexMemo(root, built);
  return built;
}

/** Nothing the index read can have changed: watchers cover every path it read and saw no change. */
function knownFresh(entry: CacheEntry): boolean {
  const { watcher } = entry;
  return !checksEveryCall() && watcher !== undefined && watcher.watchedCount === entry.built.tfs.watchedCount && !watcher.changes.mayHaveChanged;
}

/** Stats every path the index read; rebuilds when one changed; then watches the paths of the fresh index. */
function revalidate(root: string, entry: CacheEntry): void {
  let stale = true;
  try {
    stale = hasChanged(entry.built.tfs.realRoot, entry.built.tfs.watchList(), (file) => moduleFactsDigest(root, file));
  } catch {
    // Rebuild on anything unexpected.
  }
  entry.watcher?.changes.close();
  entry.watcher = undefined;
  // Something the index read really changed since this process built it: its memo is older still.
  if (stale) entry.built = build(root, false);
  else if (!checksEveryCall()) {
    entry.watcher = { changes: new ChangeWatcher(entry.built.tfs.watchList()), watchedCount: entry.built.tfs.watchedCount };
  }
}

/**
 * The index of the repository root `root`: built on first use, then re-validated at most once per
 * refresh interval: a stat of every path the build read, unless file-system watchers on those
 * paths saw no change since the last check (then it costs nothing), and rebuilt when one changed.
 */
export function getRepoIndexForRoot(root: string): RepoIndex {
  const now = Date.now();
  const entry = cache.get(root);
  if (!entry) {
    const built = build(root, true);
    cache.set(root, { built, checkedAt: Date.now() });
    return built.index;
  }
  if (isCheckDue(entry.checkedAt, now)) {
    if (!knownFresh(entry)) revalidate(root, entry);
    entry.checkedAt = Date.now();
  }
  return entry.built.index;
}

/**
 * What a pytest path argument of `product`'s test scripts points at: known from the index's
 * build (the scripts on disk), else probed now through the index's file system, so that the
 * editor's freshness check watches it too.
 */
export function pytestPathStatus(index: RepoIndex, product: ProductInfo, absolute: string): PytestPathStatus {
  const known = product.pytestPaths.get(absolute);
  if (known) return known;
  const tfs = cache.get(index.root)?.built.tfs ?? new TrackedFs(index.root);
  return probePytestPath(tfs, absolute);
}

/**
 * Whether a test file of `product` (relative to it, with `/`) defines a test: known from the
 * index's build for the files the script on disk leaves orphaned, else read now through the
 * index's file system (the editor's package.json may differ from the one on disk).
 */
export function testModuleDefinesTests(index: RepoIndex, product: ProductInfo, file: string): boolean {
  const known = product.orphanTestModules.get(file);
  if (known !== undefined) return known;
  const tfs = cache.get(index.root)?.built.tfs ?? new TrackedFs(index.root);
  return probeDefinesTests(tfs, path.join(product.dir, ...file.split("/")));
}

/**
 * Where an AppConfig `name` of `app` leads: known from the index's build when it is the name on
 * disk, else probed now through the index's file system (the editor's text may differ).
 */
export function appConfigNameStatus(index: RepoIndex, app: AppInfo | undefined, name: string): ModuleStatus {
  const known = app?.config?.name;
  if (known?.value === name) return known.resolves;
  return probePythonModule(cache.get(index.root)?.built.tfs ?? new TrackedFs(index.root), name);
}

/**
 * The repository index for a linted file, or null when the file is not inside a repository
 * with a products tree (rules then do nothing). Throws a `ConfigurationError` for a bad setting.
 */
export function getRepoIndex(filename: string, options: { cwd: string; settings?: PluginSettings }): RepoIndex | null {
  const root = findRepoRoot(filename, options.cwd, options.settings);
  return root === null ? null : getRepoIndexForRoot(root);
}
