import path from "node:path";
import { configProblem, errorText, readReported } from "./problems.js";
import { facadeHandsOut, moduleFacts } from "./python-source.js";
import { moduleSurface } from "./python-surface.js";
import { readProductLayout } from "./read-product-layout.js";
import { readOrphanTestModules } from "./test-modules.js";
import { readApp } from "./read-apps.js";
import { isInside } from "./confine.js";
import { isPythonIdentifier } from "../languages/python/syntax/index.js";
import { isTestFileName, isTestScriptName } from "./conventions.js";
import { findPytestPathArguments } from "./pytest-arguments.js";
import { probePytestPath } from "./pytest-paths.js";
import { scriptCommands } from "./script-commands.js";
import { isSkippedDirectory, type TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, PackageJsonInfo, ProductInfo } from "./types.js";

/** `package.json`: `scripts` (string values only) and `name`; `scripts: null` when it is not valid JSON. */
function readPackageJson(tfs: TrackedFs, file: string, problems: ConfigProblem[]): PackageJsonInfo | undefined {
  const text = tfs.readText(file);
  if (text === undefined) return undefined;
  if (text instanceof Error) {
    problems.push(configProblem(tfs.root, file, 1, 1, `Cannot read the file: ${errorText(text)}`));
    return { file, scripts: null };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The JSON language reports the syntax error when the file itself is linted.
    return { file, scripts: null };
  }
  const info: PackageJsonInfo = { file, scripts: {} };
  if (json === null || typeof json !== "object" || Array.isArray(json)) return info;
  const record = json as Record<string, unknown>;
  if (typeof record.name === "string") info.name = record.name;
  const scripts = record.scripts;
  if (scripts !== null && typeof scripts === "object" && !Array.isArray(scripts)) {
    for (const [key, value] of Object.entries(scripts as Record<string, unknown>)) {
      if (typeof value === "string") info.scripts![key] = value;
    }
  }
  return info;
}

/** The module-level functions (`def`, `async def`, decorated) of the facade's api.py, and whether it parses. */
function readFacadeApi(tfs: TrackedFs, file: string, problems: ConfigProblem[]): { functions: string[]; broken: boolean } {
  const text = readReported(tfs, file, problems);
  if (text === undefined) return { functions: [], broken: false };
  const surface = moduleSurface(file, text);
  return { functions: [...(surface?.functions ?? [])], broken: surface?.broken ?? false };
}

/**
 * The modules directly in `backend/facade/` (its `__init__.py`, each `*.py`, each subpackage's
 * `__init__.py`) with the names each binds and those it hands out, the package first.
 */
function readFacadeModules(tfs: TrackedFs, facadeDir: string, facadeModule: string, problems: ConfigProblem[]): ProductInfo["facadeModules"] {
  const modules: ProductInfo["facadeModules"] = [];
  const read = (file: string, module: string): void => {
    const text = readReported(tfs, file, problems);
    const facts = text === undefined ? undefined : moduleFacts(file, text);
    if (facts) modules.push({ module, names: [...facts.bound].sort(), handsOut: [...(facadeHandsOut(file, text!, module) ?? [])] });
  };
  const entries = tfs.list(facadeDir).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const init = entries.find((entry) => entry.isFile && entry.name === "__init__.py");
  if (init) read(init.path, facadeModule);
  for (const entry of entries) {
    const name = /^(.*)\.py$/u.exec(entry.name)?.[1];
    if (entry.isFile && name && name !== "__init__" && isPythonIdentifier(name)) read(entry.path, `${facadeModule}.${name}`);
    else if (entry.isDirectory && isPythonIdentifier(entry.name) && tfs.isFile(path.join(entry.path, "__init__.py"))) {
      read(path.join(entry.path, "__init__.py"), `${facadeModule}.${entry.name}`);
    }
  }
  return modules;
}

/** `test_*.py` / `*_test.py` anywhere under `dir`, relative to `base`, with `/`, sorted. */
function findTestFiles(tfs: TrackedFs, dir: string, base: string): string[] {
  const found: string[] = [];
  tfs.walkFiles(dir, (entry) => {
    if (isTestFileName(entry.name)) found.push(path.relative(base, entry.path).split(path.sep).join("/"));
  });
  return found.sort();
}

/** A `.py` file other than `__init__.py` anywhere under the product folder (hogli's tach check skips products without one). */
function hasPythonFiles(tfs: TrackedFs, dir: string): boolean {
  let found = false;
  tfs.walkFiles(dir, (entry) => (found = entry.name.endsWith(".py") && entry.name !== "__init__.py"));
  return found;
}

/** A directory whose real path is inside `owner`'s (a symlink to another product's folder is not its own). */
function isOwnDirectory(tfs: TrackedFs, owner: string, target: string): boolean {
  const real = tfs.confine(target);
  const ownerReal = tfs.confine(owner);
  return real !== null && ownerReal !== null && tfs.isDirectory(target) && isInside(ownerReal, real);
}

/** The path arguments of the pytest runs of a test script of `packageJson`, probed (they run from the product folder). */
function probeScriptPaths(tfs: TrackedFs, product: ProductInfo, packageJson: PackageJsonInfo, name: string, script: string): void {
  for (const argument of findPytestPathArguments(scriptCommands(packageJson.file, name, script))) {
    const absolute = path.resolve(product.dir, argument.cwd, argument.path);
    if (!product.pytestPaths.has(absolute)) product.pytestPaths.set(absolute, probePytestPath(tfs, absolute));
  }
}

/** One folder under `products/`. */
function readProduct(tfs: TrackedFs, dir: string, name: string, problems: ConfigProblem[]): ProductInfo {
  // Listed so that a re-export module or a backend appearing is noticed.
  const rootListing = tfs.list(dir);
  const backendDir = path.join(dir, "backend");
  const hasBackend = tfs.isDirectory(backendDir);
  const facadeDir = path.join(backendDir, "facade");
  const product: ProductInfo = {
    name,
    dir,
    hasBackend,
    hasPythonFiles: false,
    isolated: false,
    hasFacadeApi: false,
    facadeApiFunctions: [],
    facadeModules: [],
    backendTestFiles: [],
    hasBackendTestsDir: false,
    pytestPaths: new Map(),
    facadeApiBroken: false,
    rootEntries: [],
    backendEntries: [],
    missingPackageMarkers: [],
    occupiedKnownLocations: [],
    hasMigrationsPackage: false,
    testFiles: [],
    orphanTestModules: new Map(),
    hasBackendPython: false,
    facadeHandouts: [],
  };
  const packageJson = readPackageJson(tfs, path.join(dir, "package.json"), problems);
  if (packageJson) product.packageJson = packageJson;
  if (hasBackend) {
    product.app = readApp(tfs, backendDir, `products.${name}.backend`, name, problems);
    if (tfs.isDirectory(facadeDir)) {
      // List the facade folder so that contracts.py/api.py appearing or disappearing is noticed.
      tfs.list(facadeDir);
      if (tfs.isFile(path.join(facadeDir, "contracts.py"))) product.contracts = "backend/facade/contracts.py";
      else if (tfs.isDirectory(path.join(facadeDir, "contracts"))) product.contracts = "backend/facade/contracts/";
      product.isolated = product.contracts !== undefined;
      product.hasFacadeApi = tfs.isFile(path.join(facadeDir, "api.py"));
      const api = readFacadeApi(tfs, path.join(facadeDir, "api.py"), problems);
      product.facadeApiFunctions = api.functions;
      product.facadeApiBroken = api.broken;
      product.facadeModules = readFacadeModules(tfs, facadeDir, `products.${name}.backend.facade`, problems);
    }
    product.backendTestFiles = findTestFiles(tfs, backendDir, dir);
    product.hasBackendTestsDir = isOwnDirectory(tfs, dir, path.join(backendDir, "tests"));
  }
  product.hasPythonFiles = hasPythonFiles(tfs, dir);
  if (packageJson) {
    for (const [scriptName, script] of Object.entries(packageJson.scripts ?? {})) {
      if (isTestScriptName(scriptName)) probeScriptPaths(tfs, product, packageJson, scriptName, script);
    }
  }
  readProductLayout(tfs, product, rootListing);
  readOrphanTestModules(tfs, product);
  return product;
}

/** Every product folder directly under `products/` (hidden folders, `__pycache__` and files skipped). */
export function readProducts(tfs: TrackedFs, productsDir: string, problems: ConfigProblem[]): ProductInfo[] {
  const products: ProductInfo[] = [];
  for (const entry of tfs.list(productsDir)) {
    if (!entry.isDirectory || isSkippedDirectory(entry.name)) continue;
    products.push(readProduct(tfs, entry.path, entry.name, problems));
  }
  return products;
}
