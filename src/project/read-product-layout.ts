/**
 * What hogli's product checks read of a product folder's layout: its root entries, the entries of
 * `backend/`, the package markers import-linter needs, every test file, the product's `turbo.json`
 * narrowing and the classes its facade hands out.
 */
import path from "node:path";
import { evaluate, parse } from "@humanwhocodes/momoa";
import { BACKEND_KNOWN_FILES, CONTRACT_CHECK_SCRIPT, FILE_OR_FOLDER_STEMS, isTestFileName } from "./conventions.js";
import { readFacadeHandouts } from "./facade-handouts.js";
import type { DirEntry, TrackedFs } from "./tracked-fs.js";
import type { ProductInfo, TurboJsonInfo } from "./types.js";

/** The backend trees import-linter's contracts target: a folder there without `__init__.py` hides what is below it. */
const CONTRACT_TREES = ["facade", "presentation"];

const toPosix = (relative: string): string => relative.split(path.sep).join("/");

/**
 * hogli's `BackendPackageMarkerCheck`: `backend/` without `__init__.py`, and every folder of
 * `backend/facade/` and `backend/presentation/` (the tree roots always; below them, folders that
 * hold `.py` files) without one. Sorted, as `backend/<path>/`.
 */
function missingPackageMarkers(tfs: TrackedFs, backendDir: string): string[] {
  const missing = new Set<string>();
  if (!tfs.stat(path.join(backendDir, "__init__.py"))) missing.add("backend/");
  for (const tree of CONTRACT_TREES) {
    const root = path.join(backendDir, tree);
    if (!tfs.isDirectory(root)) continue;
    tfs.walk(root, (dir, entries) => {
      if (dir === root || !entries.some((entry) => entry.name.endsWith(".py"))) return;
      if (!entries.some((entry) => entry.name === "__init__.py")) missing.add(`backend/${toPosix(path.relative(backendDir, dir))}/`);
    });
    if (!tfs.stat(path.join(root, "__init__.py"))) missing.add(`backend/${tree}/`);
  }
  return [...missing].sort();
}

/** `tasks["backend:contract-check"].inputs` of a product `turbo.json` (JSON with comments, as turbo reads it). */
function readTurboJson(tfs: TrackedFs, file: string): TurboJsonInfo | undefined {
  const text = tfs.readText(file);
  if (text === undefined) return undefined;
  // hogli reads an unreadable or invalid file as no narrowing; the JSONC language reports the syntax error in turbo.json itself.
  if (text instanceof Error) return { file, contractCheckInputs: [] };
  let json: unknown;
  try {
    json = evaluate(parse(text, { mode: "jsonc", allowTrailingCommas: true }));
  } catch {
    return { file, contractCheckInputs: [] };
  }
  const task = (json as { tasks?: Record<string, { inputs?: unknown } | undefined> } | null)?.tasks?.[CONTRACT_CHECK_SCRIPT];
  const inputs = task && typeof task === "object" && Array.isArray(task.inputs) ? task.inputs.filter((input): input is string => typeof input === "string") : [];
  return { file, contractCheckInputs: inputs };
}

/**
 * Test files anywhere in the product (hogli's orphan check looks at the whole folder), the first
 * Python file met, in walk order, and whether `backend/` holds Python. `frontend/` holds no Python
 * and is not walked.
 */
function walkProduct(tfs: TrackedFs, dir: string): { testFiles: string[]; firstPython?: string; backendPython: boolean } {
  const testFiles: string[] = [];
  let firstPython: string | undefined;
  let backendPython = false;
  const frontend = path.join(dir, "frontend");
  const backend = path.join(dir, "backend") + path.sep;
  tfs.walkFiles(
    dir,
    (entry) => {
      if (!entry.name.endsWith(".py")) return;
      firstPython ??= entry.path;
      backendPython ||= entry.path.startsWith(backend);
      if (isTestFileName(entry.name)) testFiles.push(toPosix(path.relative(dir, entry.path)));
    },
    (entry) => entry.path === frontend,
  );
  return { testFiles: testFiles.sort(), backendPython, ...(firstPython ? { firstPython } : {}) };
}

/** The file that carries the product's findings when it has no package.json: apps.py, else another Python file. */
function pythonAnchor(tfs: TrackedFs, dir: string, firstPython: string | undefined): string | undefined {
  for (const candidate of [path.join(dir, "backend", "apps.py"), path.join(dir, "backend", "__init__.py"), path.join(dir, "__init__.py")]) {
    if (tfs.isFile(candidate)) return candidate;
  }
  return firstPython;
}

/** The product root entries the checks look at (a facts change only when one of these does). */
const ROOT_ENTRIES = new Set(["__init__.py", "manifest.tsx", "package.json", "tsconfig.json", "turbo.json", "product.yaml", "frontend"]);

/** The backend root entries the checks look at: known files, file/folder stems, wiring locations, routes, models, migrations. */
const BACKEND_ENTRIES = new Set([
  ...Object.keys(BACKEND_KNOWN_FILES),
  ...FILE_OR_FOLDER_STEMS.flatMap((stem) => [stem, `${stem}.py`]),
  ...["hogql_queries", "max_tools.py", "temporal", "routes", "routes.py", "migrations"],
]);

/** Fills the layout facts of a product (its root folder already listed as `rootListing`). */
export function readProductLayout(tfs: TrackedFs, product: ProductInfo, rootListing: DirEntry[]): void {
  const backendDir = path.join(product.dir, "backend");
  product.rootEntries = rootListing.filter((entry) => ROOT_ENTRIES.has(entry.name)).map((entry) => entry.name);
  if (product.hasBackend) {
    product.backendEntries = tfs
      .list(backendDir)
      .filter((entry) => BACKEND_ENTRIES.has(entry.name))
      .map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory }));
    product.missingPackageMarkers = missingPackageMarkers(tfs, backendDir);
    product.hasMigrationsPackage = tfs.isFile(path.join(backendDir, "migrations", "__init__.py"));
    product.occupiedKnownLocations = product.backendEntries
      .filter((entry) => !entry.isDirectory && Object.hasOwn(BACKEND_KNOWN_FILES, entry.name))
      .map((entry) => BACKEND_KNOWN_FILES[entry.name]!)
      .filter((location) => tfs.stat(path.join(backendDir, location)) !== null);
    if (tfs.isDirectory(path.join(backendDir, "facade"))) product.facadeHandouts = readFacadeHandouts(tfs, backendDir, product.name);
  }
  const { testFiles, firstPython, backendPython } = walkProduct(tfs, product.dir);
  product.testFiles = testFiles;
  product.hasBackendPython = backendPython;
  const anchor = pythonAnchor(tfs, product.dir, firstPython);
  if (anchor) product.pythonAnchor = anchor;
  const turbo = readTurboJson(tfs, path.join(product.dir, "turbo.json"));
  if (turbo) product.turbo = turbo;
}
