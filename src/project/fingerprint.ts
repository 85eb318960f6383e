import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Confiner } from "./confine.js";
import { isPythonIdentifier } from "../languages/python/syntax/index.js";
import { isSkippedDirectory } from "./tracked-fs.js";

const TEST_FILE = /^(test_.*|.*_test)\.py$/u;

export interface FingerprintOptions {
  /**
   * Hash the files' contents instead of their mtimes. Slower (the files are read, not parsed),
   * but the same on every checkout of the same commit: what a cache restored on a fresh clone
   * (CI) needs. Default false.
   */
  content?: boolean;
}

/** sha1 of a file's bytes; its mtime when it cannot be read (so that a later read still differs). */
function contentDigest(target: string, stats: fs.Stats): string {
  try {
    return createHash("sha1").update(fs.readFileSync(target)).digest("hex");
  } catch {
    return `unreadable\0${stats.mtimeMs}`;
  }
}

/**
 * A cheap hash of the repository files the index reads: their paths, sizes and mtimes
 * (stat and directory listings only, nothing is parsed), or with `content` their paths, sizes
 * and contents. It changes when any of `products/db_routing.yaml`, `tach.toml`,
 * `products/<p>/package.json`, an `apps.py`, a models module, a facade `contracts`/`api.py`, a
 * re-export module or a backend test file changes, appears or disappears. Meant for cache keys
 * (ESLint's `--cache`).
 */
export function repoFingerprint(root: string, options: FingerprintOptions = {}): string {
  const hash = createHash("sha1");
  const base = path.resolve(root);
  const confiner = new Confiner(base);
  const statOf = (target: string): fs.Stats | undefined => confiner.resolve(target)?.stats;
  const add = (target: string): fs.Stats | undefined => {
    const usable = statOf(target);
    const relative = path.relative(base, target);
    if (!usable) hash.update(`${relative}\0-\n`);
    else if (usable.isDirectory()) hash.update(`${relative}\0d\n`);
    else hash.update(`${relative}\0${usable.size}\0${options.content ? contentDigest(target, usable) : usable.mtimeMs}\n`);
    return usable;
  };
  const list = (dir: string): fs.Dirent[] => {
    if (!statOf(dir)?.isDirectory()) return [];
    try {
      return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return [];
    }
  };
  const isDir = (entry: fs.Dirent, dir: string): boolean =>
    entry.isDirectory() || (entry.isSymbolicLink() && (statOf(path.join(dir, entry.name))?.isDirectory() ?? false));
  const isFileEntry = (entry: fs.Dirent, dir: string): boolean =>
    entry.isFile() || (entry.isSymbolicLink() && (statOf(path.join(dir, entry.name))?.isFile() ?? false));

  /** Only the presence of test files matters: their names, not their stats. */
  const addName = (target: string): void => {
    hash.update(`${path.relative(base, target)}\0n\n`);
  };
  /** Every `.py` under a directory (models packages), or only test files (backend trees). */
  const walk = (
    dir: string,
    accept: (name: string) => boolean,
    record: (target: string) => void,
    seen = new Set<string>(),
  ): void => {
    const real = confiner.resolve(dir)?.real;
    if (real === undefined || seen.has(real)) return;
    seen.add(real);
    for (const entry of list(dir)) {
      const target = path.join(dir, entry.name);
      if (isDir(entry, dir)) {
        if (!isSkippedDirectory(entry.name)) walk(target, accept, record, seen);
      } else if (accept(entry.name) && isFileEntry(entry, dir)) {
        record(target);
      }
    }
  };
  const isPy = (name: string): boolean => name.endsWith(".py");

  const app = (dir: string): void => {
    add(path.join(dir, "apps.py"));
    add(path.join(dir, "models.py"));
    const models = path.join(dir, "models");
    if (add(models)?.isDirectory()) walk(models, isPy, add);
  };

  add(path.join(base, "tach.toml"));
  // The Django settings the index reads (AUTH_USER_MODEL).
  add(path.join(base, "posthog", "settings.py"));
  const settingsDir = path.join(base, "posthog", "settings");
  for (const entry of list(settingsDir)) {
    if (entry.name.endsWith(".py") && isFileEntry(entry, settingsDir)) add(path.join(settingsDir, entry.name));
  }
  const productsDir = path.join(base, "products");
  add(path.join(productsDir, "db_routing.yaml"));
  for (const entry of list(base)) {
    if (!isDir(entry, base) || isSkippedDirectory(entry.name) || !isPythonIdentifier(entry.name) || entry.name === "products") continue;
    const dir = path.join(base, entry.name);
    if (entry.name === "posthog" || entry.name === "ee" || statOf(path.join(dir, "apps.py"))) {
      hash.update(`app:${entry.name}\n`);
      app(dir);
    }
  }
  for (const entry of list(productsDir)) {
    if (!isDir(entry, productsDir) || isSkippedDirectory(entry.name)) continue;
    const dir = path.join(productsDir, entry.name);
    hash.update(`product:${entry.name}\n`);
    add(path.join(dir, "package.json"));
    add(path.join(dir, "models.py"));
    add(path.join(dir, "models"));
    const backend = path.join(dir, "backend");
    if (!add(backend)?.isDirectory()) continue;
    app(backend);
    const facade = path.join(backend, "facade");
    add(path.join(facade, "api.py"));
    add(path.join(facade, "contracts.py"));
    add(path.join(facade, "contracts"));
    walk(backend, (name) => TEST_FILE.test(name), addName);
  }
  return hash.digest("hex").slice(0, 16);
}
