import path from "node:path";
import { isPythonIdentifier } from "./names.js";

/** `module` is `base` or a module inside it (`a.b` is in `a`; `ab` is not), compared without building strings. */
export function isWithinModule(module: string, base: string): boolean {
  return module.startsWith(base) && (module.length === base.length || module.charCodeAt(base.length) === 46); // "."
}

/**
 * Dotted Python module of a `.py`/`.pyi` file relative to `root`:
 * `products/x/backend/models.py` → `products.x.backend.models`, `pkg/__init__.py` → `pkg`.
 * Null outside the root, for other files, and when a path component is not an identifier.
 */
export function moduleOfFile(root: string, file: string): string | null {
  const relative = path.relative(path.resolve(root), path.resolve(root, file));
  if (!relative || relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep);
  const last = parts.pop()!;
  const match = /^(.*)\.pyi?$/u.exec(last);
  if (!match) return null;
  if (match[1] !== "__init__") parts.push(match[1]!);
  if (parts.length === 0 || !parts.every(isPythonIdentifier)) return null;
  return parts.join(".");
}

/**
 * Python's relative import resolution: `from ..a import b` in module `p.q.r` (not a package
 * `__init__`) → `p.a`. `dots` is the number of leading dots, `rest` the dotted name after them
 * (may be empty). Returns `""` when the import climbs above the top-level package (Python
 * raises an ImportError there) or the current module is unknown.
 */
export function resolveRelativeImport(currentModule: string, isPackageInit: boolean, dots: number, rest: string): string {
  if (dots <= 0) return rest;
  if (!currentModule) return "";
  const parts = currentModule.split(".");
  if (!isPackageInit) parts.pop();
  for (let level = 1; level < dots; level++) {
    if (parts.length === 0) return "";
    parts.pop();
  }
  if (parts.length === 0) return "";
  return rest ? `${parts.join(".")}.${rest}` : parts.join(".");
}
