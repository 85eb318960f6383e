import fs from "node:fs";
import path from "node:path";
import type { WatchedPath } from "./tracked-fs.js";

/** Per directory: the entry names whose change matters, or every entry (a listed directory). */
type Interest = Set<string> | "any";

function addInterest(interests: Map<string, Interest>, dir: string, name: string | "any"): void {
  const current = interests.get(dir);
  if (current === "any") return;
  if (name === "any") interests.set(dir, "any");
  else if (current) current.add(name);
  else interests.set(dir, new Set([name]));
}

/** The nearest existing directory at or above `target`'s parent, and the name below it that leads to `target`. */
function nearestWatchable(target: string): { dir: string; name: string } | undefined {
  let child = target;
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    if (fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return { dir, name: path.basename(child) };
    if (path.dirname(dir) === dir) return undefined;
    child = dir;
  }
}

/**
 * File-system watchers on the directories that hold what an index build read: they tell, with no
 * cost per lint, whether anything the index depends on may have changed since. A path that cannot
 * be watched (a watch limit, a permission error) makes it report a possible change on every ask,
 * so the caller falls back to checking every path.
 */
export class ChangeWatcher {
  #watchers: fs.FSWatcher[] = [];
  #changed = false;
  #incomplete = false;

  constructor(watched: readonly WatchedPath[]) {
    const interests = new Map<string, Interest>();
    for (const entry of watched) {
      const at = nearestWatchable(entry.path);
      if (at) addInterest(interests, at.dir, at.name);
      else this.#incomplete = true;
      if (entry.listing !== undefined) addInterest(interests, entry.path, "any");
    }
    for (const [dir, interest] of interests) this.#watch(dir, interest);
  }

  #watch(dir: string, interest: Interest): void {
    try {
      const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
        if (interest === "any" || name === null || interest.has(String(name))) this.#changed = true;
      });
      watcher.on("error", () => {
        this.#incomplete = true;
      });
      this.#watchers.push(watcher);
    } catch {
      this.#incomplete = true;
    }
  }

  /** Something the index read may have changed since the watchers started. */
  get mayHaveChanged(): boolean {
    return this.#changed || this.#incomplete;
  }

  close(): void {
    for (const watcher of this.#watchers) watcher.close();
    this.#watchers = [];
  }
}
