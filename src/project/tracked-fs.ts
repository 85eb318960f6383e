import fs from "node:fs";
import path from "node:path";
import { Confiner } from "./confine.js";

/**
 * One path the index looked at, with what it saw: used to tell whether the index is stale.
 * Directories that were listed also keep a signature of their entries, so that a change of
 * the directory's mtime that leaves the listing equal (an editor's atomic save: write a
 * temporary file, rename it over the original) does not force a rebuild.
 */
export interface WatchedPath {
  path: string;
  kind: "file" | "dir" | "missing";
  mtimeMs: number;
  /** Changes with the mtime, and also on chmod: an unreadable file made readable is noticed. */
  ctimeMs: number;
  size: number;
  /** Listed directories only: sorted `name/` (directories) and `name` (others). */
  listing?: string;
  /**
   * Files whose text the build used only through what it derived from it (a models module's
   * facts): a digest of that. A change of the file that derives the same is no change.
   */
  derived?: string;
  /** The build read the file's text for more than {@link derived}. */
  textRead?: true;
}

export interface DirEntry {
  name: string;
  /** Absolute path (not resolved: symlinks keep their name). */
  path: string;
  isDirectory: boolean;
  isFile: boolean;
}


/** A directory listing as {@link WatchedPath.listing} records it. */
export function signatureOf(entries: fs.Dirent[]): string {
  return entries
    .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
    .sort()
    .join("\n");
}

/** The listing recorded for a directory that cannot be read. */
export const UNREADABLE = "\0unreadable";


/**
 * File-system access for one index build, confined to the repository root: a path whose
 * real location (after symlinks) is outside the root, or that cannot be resolved (a symlink
 * loop, a permission error), reads as missing. Records every path it touches.
 */
export class TrackedFs {
  readonly root: string;
  /** `realpath(root)`; the confinement checks compare against it. */
  readonly realRoot: string;
  private readonly watched = new Map<string, WatchedPath>();
  private readonly confiner: Confiner;

  constructor(root: string) {
    this.root = root;
    this.confiner = new Confiner(root);
    this.realRoot = this.confiner.realRoot;
  }

  /** The file system of a build that read `watched` (an index loaded from its memo). */
  static afterBuild(root: string, watched: readonly WatchedPath[]): TrackedFs {
    const tfs = new TrackedFs(root);
    for (const entry of watched) tfs.watched.set(entry.path, entry);
    return tfs;
  }

  /** Everything this build looked at. */
  watchList(): WatchedPath[] {
    return [...this.watched.values()];
  }

  /** How many paths it looked at (grows when a path is probed after the build). */
  get watchedCount(): number {
    return this.watched.size;
  }

  /**
   * Ends the build: the resolved paths (a real path and stats each, every path the build read)
   * are let go of, as the index keeps this file system for the probes of later lints and its
   * freshness checks; what it recorded for them stays.
   */
  endBuild(): void {
    this.confiner.forget();
  }

  /** The real path when it lies inside the root, else null. */
  confine(target: string): string | null {
    return this.confiner.resolve(target)?.real ?? null;
  }

  private record(target: string, stats: fs.Stats | null): void {
    if (this.watched.has(target)) return;
    this.watched.set(target, {
      path: target,
      kind: !stats ? "missing" : stats.isDirectory() ? "dir" : "file",
      mtimeMs: stats?.mtimeMs ?? 0,
      ctimeMs: stats?.ctimeMs ?? 0,
      size: stats?.size ?? 0,
    });
  }

  /** Stats a path (following symlinks inside the root); null when missing or outside the root. */
  stat(target: string): fs.Stats | null {
    const stats = this.confiner.resolve(target)?.stats ?? null;
    this.record(target, stats);
    return stats;
  }

  isDirectory(target: string): boolean {
    return this.stat(target)?.isDirectory() ?? false;
  }

  isFile(target: string): boolean {
    return this.stat(target)?.isFile() ?? false;
  }

  /**
   * Reads a text file. `undefined` when it does not exist (or is outside the root, or is not a
   * file); an `Error` when it exists but cannot be read (EACCES, EISDIR...). `toDerive`: the
   * caller uses the text only through what it derives from it, and says so with {@link derivedFrom}.
   */
  readText(target: string, toDerive = false): string | undefined | Error {
    const stats = this.stat(target);
    if (!toDerive) this.watched.get(target)!.textRead = true;
    if (!stats) return undefined;
    if (!stats.isFile()) return undefined;
    try {
      const text = fs.readFileSync(target, "utf8");
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /** Records a digest of what the build derived from the text of `target`, read with `toDerive`. */
  derivedFrom(target: string, digest: string): void {
    const entry = this.watched.get(target);
    if (entry) entry.derived = digest;
  }

  /**
   * Lists a directory, sorted by name. Entries that are symlinks are resolved: ones that lead
   * outside the root or nowhere are left out. Empty when the directory is unreadable.
   */
  list(target: string): DirEntry[] {
    const stats = this.stat(target);
    if (!stats?.isDirectory()) return [];
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(target, { withFileTypes: true });
    } catch {
      this.watched.get(target)!.listing = UNREADABLE;
      return [];
    }
    this.watched.get(target)!.listing = signatureOf(entries);
    const result: DirEntry[] = [];
    for (const entry of entries) {
      const entryPath = path.join(target, entry.name);
      if (entry.isSymbolicLink()) {
        const resolved = this.confiner.resolve(entryPath)?.stats;
        if (!resolved) continue;
        result.push({ name: entry.name, path: entryPath, isDirectory: resolved.isDirectory(), isFile: resolved.isFile() });
      } else {
        result.push({ name: entry.name, path: entryPath, isDirectory: entry.isDirectory(), isFile: entry.isFile() });
      }
    }
    result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return result;
  }

  /**
   * Walks a directory tree depth-first, calling `visit` with each directory and its entries
   * until it returns true. Each real directory is entered once (symlink loops end); hidden
   * directories, `__pycache__`, `node_modules` and `site-packages` are skipped, and so are the
   * folders `skip` names. Iterative: trees can be deep.
   */
  walk(dir: string, visit: (dir: string, entries: DirEntry[]) => boolean | void, skip: (entry: DirEntry) => boolean = () => false): void {
    const seen = new Set<string>();
    const pending = [dir];
    while (pending.length > 0) {
      const current = pending.pop()!;
      const real = this.confine(current);
      if (real === null || seen.has(real)) continue;
      seen.add(real);
      const entries = this.list(current);
      if (visit(current, entries) === true) return;
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i]!;
        if (entry.isDirectory && !isSkippedDirectory(entry.name) && !skip(entry)) pending.push(entry.path);
      }
    }
  }

  /** {@link walk}, calling `visit` for every file until it returns true. */
  walkFiles(dir: string, visit: (entry: DirEntry) => boolean | void, skip?: (entry: DirEntry) => boolean): void {
    this.walk(dir, (_, entries) => entries.some((entry) => entry.isFile && visit(entry) === true), skip);
  }
}

export function isSkippedDirectory(name: string): boolean {
  return name.startsWith(".") || name === "__pycache__" || name === "node_modules" || name === "site-packages";
}
