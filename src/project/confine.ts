import fs from "node:fs";
import path from "node:path";
import { statOrNull } from "./stat.js";

export interface Confined {
  /** Real path (symlinks resolved), inside the root. */
  real: string;
  /** Stats of the target, symlinks followed. */
  stats: fs.Stats;
}

/** Longer than Linux's PATH_MAX: no such file can exist. */
const MAX_PATH_LENGTH = 4096;

/** `real` is the folder `root` or inside it, compared without building strings. */
export function isInside(root: string, real: string): boolean {
  return real.startsWith(root) && (real.length === root.length || root.endsWith(path.sep) || real.startsWith(path.sep, root.length));
}

function realpathOrNull(target: string): string | null {
  try {
    return fs.realpathSync.native(target);
  } catch {
    return null;
  }
}


/**
 * Resolves paths under a root and tells whether they really are inside it (after symlinks).
 * Walks down from the root with `lstat`, memoising each path, and calls `realpath` only on
 * symlinks: much cheaper than a `realpath` per path. Symlink loops, dangling links and
 * permission errors resolve to null. Results are memoised for the lifetime of the instance
 * (one index build or one fingerprint), or until {@link Confiner.forget}.
 */
export class Confiner {
  readonly root: string;
  readonly realRoot: string;
  private readonly memo = new Map<string, Confined | null>();

  constructor(root: string) {
    this.root = path.resolve(root);
    this.realRoot = realpathOrNull(this.root) ?? this.root;
  }

  /** Lets go of what was resolved so far: the next `resolve` of a path looks at the file system again. */
  forget(): void {
    this.memo.clear();
  }

  /** The target's real path and stats when it exists and lies inside the root, else null. */
  resolve(target: string): Confined | null {
    // No file system accepts longer paths; walking one (a path typed in a script) would recurse once per component.
    if (target.length > MAX_PATH_LENGTH) return null;
    const cached = this.memo.get(target);
    if (cached !== undefined) return cached;
    const result = this.compute(target);
    this.memo.set(target, result);
    return result;
  }

  private viaRealpath(target: string): Confined | null {
    const real = realpathOrNull(target);
    if (real === null || !isInside(this.realRoot, real)) return null;
    const stats = statOrNull(real);
    return stats ? { real, stats } : null;
  }

  private compute(target: string): Confined | null {
    if (target === this.root) {
      const stats = statOrNull(this.realRoot);
      return stats ? { real: this.realRoot, stats } : null;
    }
    const relative = path.relative(this.root, target);
    if (!relative || relative.startsWith("..") || path.isAbsolute(relative)) return this.viaRealpath(target);
    const parent = this.resolve(path.dirname(target));
    if (!parent || !parent.stats.isDirectory()) return null;
    let lstats: fs.Stats | undefined;
    try {
      lstats = fs.lstatSync(target, { throwIfNoEntry: false });
    } catch {
      return null;
    }
    if (!lstats) return null;
    if (lstats.isSymbolicLink()) return this.viaRealpath(target);
    return { real: path.join(parent.real, path.basename(target)), stats: lstats };
  }
}
