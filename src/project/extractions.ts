import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PLUGIN_NAME, PLUGIN_VERSION } from "../meta.js";

/**
 * What the index extracted from each Python file it read (and the commands of the products' test
 * scripts), keyed by kind of extraction and file, with a hash of the text it came from (and, for
 * the models modules, the file's stats). Kept in memory for the process, and on disk, under the
 * repository's `node_modules/.cache/`, as the index snapshot: a later run, or each worker of
 * `--concurrency`, re-parses only the files whose text changed since, and does not even read a
 * models module whose stats are those recorded.
 */

/** `stats`: the file's {@link statsSignature} when its text was read, once past the racy window. */
type Entry = { hash: string; result: unknown; stats?: string };

const memory = new Map<string, Map<string, Entry>>();
/**
 * Roots whose snapshot was read: whether extractions changed since it was written, and whether
 * some were let go of after a build (see {@link releaseExtractions}).
 */
const roots = new Map<string, { dirty: boolean; released: boolean; used: Set<string> }>();

const SNAPSHOT_FORMAT = 2;

/**
 * How long after a file's last change its stats may stand for its text: a write within the file
 * system's timestamp granularity of the read could leave the size and times as they were.
 */
const RACY_WINDOW_MS = 2000;

/** A file last changed at these times can no longer change unseen: its stats may stand for its text. */
export function isSettled(mtimeMs: number, ctimeMs: number): boolean {
  return Date.now() - Math.max(mtimeMs, ctimeMs) > RACY_WINDOW_MS;
}

/** Size, modification and change times, inode: a rewrite, a rename over the file or a chmod changes it. */
export function statsSignature(stats: fs.Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
}

function textHash(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

let codeHash: string | undefined;

/**
 * A hash of the code that makes extractions (the index, the Python syntax layer and the shell
 * parser): a snapshot written by other code is not used, even under the same version number.
 */
export function extractorCodeHash(): string {
  if (codeHash !== undefined) return codeHash;
  const hash = createHash("sha1").update(`${PLUGIN_NAME}@${PLUGIN_VERSION}`);
  const file = fileURLToPath(import.meta.url);
  const here = path.dirname(file);
  // Bundled (dist/index.js), all of the code is in this file and its chunks; as modules (build/, or src/ in the tests), in three folders.
  const asModules = path.basename(file, path.extname(file)) === "extractions";
  const folders = asModules ? [here, path.join(here, "..", "languages", "python", "syntax"), path.join(here, "..", "languages", "shell")] : [here];
  for (const dir of folders) {
    for (const name of fs.readdirSync(dir).sort()) {
      if (/\.[cm]?[jt]s$/u.test(name) && !name.endsWith(".d.ts")) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
    }
  }
  return (codeHash = hash.digest("base64url"));
}

/** Where the snapshot of `root` lives; null when the repository has no `node_modules/` to hold it. */
export function snapshotFile(root: string): string | null {
  const modules = path.join(root, "node_modules");
  return fs.existsSync(modules) ? path.join(modules, ".cache", PLUGIN_NAME, "index-snapshot.json") : null;
}

function byKind(kind: string): Map<string, Entry> {
  let entries = memory.get(kind);
  if (!entries) memory.set(kind, (entries = new Map()));
  return entries;
}

/**
 * Loads the snapshot of `root` into memory: once per process, and again after extractions were
 * released; a missing or foreign one is ignored.
 */
export function openSnapshot(root: string): void {
  const state = roots.get(root);
  if (state) {
    state.used.clear();
    if (!state.released) return;
    state.released = false;
  } else {
    roots.set(root, { dirty: false, released: false, used: new Set() });
  }
  const file = snapshotFile(root);
  if (!file) return;
  try {
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as { format: number; code: string; entries: Record<string, Record<string, [string, unknown, string | null]>> };
    if (data.format !== SNAPSHOT_FORMAT || data.code !== extractorCodeHash()) return;
    for (const [kind, files] of Object.entries(data.entries)) {
      const entries = byKind(kind);
      for (const [relative, [hash, result, stats]] of Object.entries(files)) {
        const absolute = path.join(root, relative);
        // JSON has no undefined: an extraction that found nothing was written as null.
        if (!entries.has(absolute)) entries.set(absolute, { hash, result: result ?? undefined, ...(typeof stats === "string" ? { stats } : {}) });
      }
    }
  } catch {
    // No snapshot yet, or an unreadable one: the index is built from the files.
  }
}

/**
 * The extraction as a snapshot gives it back (so a run reads the same values either way), made of
 * new strings: a name sliced from a file's text would keep the whole text alive for the process.
 */
function asSnapshotHasIt<T>(result: T): T {
  return result === undefined ? result : (JSON.parse(JSON.stringify(result)) as T);
}

/** The snapshot state of the root holding `file`, which now uses the extraction `kind` of it. */
function using(kind: string, file: string): { dirty: boolean } | undefined {
  const root = [...roots.keys()].find((candidate) => file.startsWith(candidate + path.sep));
  const state = root === undefined ? undefined : roots.get(root);
  state?.used.add(`${kind}\0${file}`);
  return state;
}

/** The extraction of `kind` for `file` with this text: from memory or the snapshot, else `compute()`. */
export function extraction<T>(kind: string, file: string, text: string, compute: () => T): T {
  const entries = byKind(kind);
  const hash = textHash(text);
  const state = using(kind, file);
  const known = entries.get(file);
  if (known && known.hash === hash) return known.result as T;
  const result = asSnapshotHasIt(compute());
  entries.set(file, { hash, result });
  if (state) state.dirty = true;
  return result;
}

/**
 * The extraction of `kind` for `file`, whose `stats` the caller has: from memory or the snapshot
 * without reading the file when its stats are those recorded with the extraction, else as
 * {@link extraction} does with the text `readText()` gives (undefined when it gives none).
 */
export function fileExtraction<T>(kind: string, file: string, stats: fs.Stats, readText: () => string | undefined, compute: (text: string) => T): T | undefined {
  const entries = byKind(kind);
  const state = using(kind, file);
  const signature = statsSignature(stats);
  const known = entries.get(file);
  if (known?.stats === signature) return known.result as T;
  const text = readText();
  if (text === undefined) return undefined;
  const hash = textHash(text);
  const settled = isSettled(stats.mtimeMs, stats.ctimeMs);
  const result = known?.hash === hash ? (known.result as T) : asSnapshotHasIt(compute(text));
  entries.set(file, { hash, result, ...(settled ? { stats: signature } : {}) });
  if (state && (known?.hash !== hash || settled)) state.dirty = true;
  return result;
}

/** Writes the snapshot of `root` when an extraction changed: the extractions the last build used. */
export function saveSnapshot(root: string): void {
  const state = roots.get(root);
  const file = snapshotFile(root);
  if (!state?.dirty || !file) return;
  const entries: Record<string, Record<string, [string, unknown, string | null]>> = {};
  for (const key of state.used) {
    const [kind, absolute] = key.split("\0") as [string, string];
    const entry = memory.get(kind)?.get(absolute);
    if (!entry) continue;
    (entries[kind] ??= {})[path.relative(root, absolute)] = [entry.hash, entry.result, entry.stats ?? null];
  }
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(temporary, JSON.stringify({ format: SNAPSHOT_FORMAT, code: extractorCodeHash(), entries }));
    fs.renameSync(temporary, file);
    state.dirty = false;
  } catch {
    // A read-only node_modules: the next run builds from the files again.
  }
}

/**
 * Lets go of the extractions of these kinds for the files of `root` when the snapshot on disk
 * holds them: kinds only a build reads, so a lint run does not keep them for its whole length
 * (the next build loads them from the snapshot again).
 */
export function releaseExtractions(root: string, kinds: readonly string[]): void {
  const state = roots.get(root);
  const file = snapshotFile(root);
  if (!state || state.dirty || !file || !fs.existsSync(file)) return;
  for (const kind of kinds) {
    const entries = memory.get(kind);
    for (const absolute of entries?.keys() ?? []) if (absolute.startsWith(root + path.sep)) entries!.delete(absolute);
  }
  state.released = true;
}

/** Forgets every extraction held in memory (the snapshot on disk stays). */
export function clearExtractions(): void {
  memory.clear();
  roots.clear();
}
