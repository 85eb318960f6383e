import fs from "node:fs";
import path from "node:path";
import { isRootCheckDue } from "./refresh.js";
import { ConfigurationError, settingName, shown } from "./settings.js";
import type { PluginSettings } from "./types.js";
import { statOrNull } from "./stat.js";


function isDirectory(target: string): boolean {
  return statOrNull(target)?.isDirectory() ?? false;
}

function listDirectories(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
      .map((entry) => path.join(dir, entry.name));
  } catch {
    return [];
  }
}

/**
 * `<dir>/products` is a products tree: it has `db_routing.yaml`, or a product with
 * `backend/apps.py` or `package.json`. An empty or unrelated `products/` folder (such as
 * `ee/clickhouse/products/`) is not one.
 */
function hasProductsTree(dir: string): boolean {
  const products = path.join(dir, "products");
  if (!isDirectory(products)) return false;
  if (statOrNull(path.join(products, "db_routing.yaml"))?.isFile()) return true;
  return listDirectories(products).some(
    (product) => statOrNull(path.join(product, "backend", "apps.py"))?.isFile() || statOrNull(path.join(product, "package.json"))?.isFile(),
  );
}

/** A folder a walk passed → the root found from it, re-checked now and then (`isRootCheckDue`). */
const lookups = new Map<string, { root: string | null; checkedAt: number }>();
/** `cwd` and `settings.root` → the checked root, or the configuration error it gives. */
const configured = new Map<string, { root: string | ConfigurationError; checkedAt: number }>();

export function clearRootLookupCache(): void {
  lookups.clear();
  configured.clear();
}

function configuredRoot(cwd: string, root: string): string {
  const resolved = path.resolve(cwd, root);
  const where = resolved === root ? shown(root) : `${shown(root)} (${resolved})`;
  if (!isDirectory(resolved)) throw new ConfigurationError(`${settingName("root")} is ${where}: no such folder.`);
  if (!hasProductsTree(resolved)) {
    throw new ConfigurationError(
      `${settingName("root")} is ${where}, which has no products/ tree (products/db_routing.yaml, or products/<p>/backend/apps.py or package.json).`,
    );
  }
  return resolved;
}

/**
 * The repository root for a linted file: `settings.root` resolved against `cwd` when given
 * (a {@link ConfigurationError} when it is not a repository root), else the nearest ancestor
 * directory of the file whose `products/` is a products tree, else null.
 */
export function findRepoRoot(filename: string, cwd: string, settings?: PluginSettings): string | null {
  const now = Date.now();
  if (settings?.root !== undefined) {
    const key = `${cwd}\0${settings.root}`;
    let checked = configured.get(key);
    if (!checked || isRootCheckDue(checked.checkedAt, now)) {
      let root: string | ConfigurationError;
      try {
        root = configuredRoot(cwd, settings.root);
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        root = error;
      }
      configured.set(key, (checked = { root, checkedAt: now }));
    }
    if (checked.root instanceof ConfigurationError) throw checked.root;
    return checked.root;
  }
  let root: string | null = null;
  // Every folder the walk passes has the same root: the next file's walk stops at the first one it meets.
  const passed: string[] = [];
  for (let dir = path.dirname(path.resolve(cwd, filename)); ; ) {
    const known = lookups.get(dir);
    if (known && !isRootCheckDue(known.checkedAt, now)) {
      root = known.root;
      break;
    }
    passed.push(dir);
    if (hasProductsTree(dir)) {
      root = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const dir of passed) lookups.set(dir, { root, checkedAt: now });
  return root;
}
