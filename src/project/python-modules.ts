import path from "node:path";
import type { TrackedFs } from "./tracked-fs.js";

/**
 * Where a dotted module name (an AppConfig `name`) leads, with the repository root on `sys.path`:
 * - `repository`: a package (a folder, `__init__.py` or not: a namespace package imports too) or
 *   a module (`.py`) of the repository;
 * - `missing`: its top-level package is the repository's, the rest is not there; or it is no
 *   module name at all (an empty part, a path): nothing imports;
 * - `outside`: its top-level package is not in the repository (an installed package, or nothing:
 *   the index cannot tell).
 */
export type ModuleStatus = "repository" | "missing" | "outside";

const MODULE_PART = /^[^\s./\\\0]+$/u;

/** The {@link ModuleStatus} of `dotted`, read through the index's file system (the paths looked at are watched). */
export function probePythonModule(tfs: TrackedFs, dotted: string): ModuleStatus {
  const parts = dotted.split(".");
  if (!parts.every((part) => MODULE_PART.test(part))) return "missing";
  const exists = (count: number): boolean => {
    const base = path.join(tfs.root, ...parts.slice(0, count));
    return tfs.isDirectory(base) || tfs.isFile(`${base}.py`);
  };
  if (!exists(1)) return "outside";
  return exists(parts.length) ? "repository" : "missing";
}
