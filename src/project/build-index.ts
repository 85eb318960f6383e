import path from "node:path";
import { DB_ROUTING_FILE, TACH_FILE } from "./conventions.js";
import { readDbRouting } from "./db-routing.js";
import { configProblem, errorText } from "./problems.js";
import { isPythonIdentifier } from "../languages/python/syntax/index.js";
import { readApp } from "./read-apps.js";
import { readClickhouseImports, readFrontendPackage } from "./read-core.js";
import { CROSSING_BASELINE_FILE, readCrossingBaseline } from "./read-crossing-baseline.js";
import { readProducts } from "./read-products.js";
import { readSettings } from "./read-settings.js";
import { readTach } from "./tach.js";
import { emptyTachBoundaries } from "./tach-boundaries.js";
import { emptyImportLinter, readImportLinter } from "./importlinter.js";
import { isSkippedDirectory, TrackedFs } from "./tracked-fs.js";
import type { AppInfo, ConfigProblem, RepoIndex } from "./types.js";

export interface BuiltIndex {
  index: RepoIndex;
  /**
   * The file system the build read through: it records every path the build looked at (and those
   * probed later, such as a pytest path typed in an editor), to tell when the index is stale.
   */
  tfs: TrackedFs;
}

/** Top-level packages that are Django apps whether or not they have an `apps.py`. */
const CORE_APPS = ["posthog", "ee"];

function emptyIndex(root: string): RepoIndex {
  return {
    root,
    products: new Map(),
    apps: new Map(),
    appsByModule: new Map(),
    modelsByName: new Map(),
    dbRoutes: new Map(),
    dbRouting: { invalidLabels: new Set(), unreadable: false },
    dbRoutingFile: path.join(root, ...DB_ROUTING_FILE.split("/")),
    tach: { file: path.join(root, TACH_FILE), exists: false, unreadable: false, modules: [], interfaces: [], ...emptyTachBoundaries() },
    importLinter: emptyImportLinter(path.join(root, "pyproject.toml")),
    settings: {},
    clickhouseImports: [],
    crossingBaseline: null,
    problems: [],
  };
}

function registerApp(index: RepoIndex, app: AppInfo, problems: ConfigProblem[]): void {
  index.appsByModule.set(app.module, app);
  const existing = index.apps.get(app.label);
  if (existing) {
    const file = app.config?.file ?? path.join(app.dir, "apps.py");
    const line = app.config?.label?.line ?? app.config?.line ?? 1;
    problems.push(
      configProblem(
        index.root,
        file,
        line,
        1,
        `Duplicate Django app label "${app.label}": ${app.module} and ${existing.module} (the label of ${app.module} is ignored).`,
      ),
    );
    return;
  }
  index.apps.set(app.label, app);
}

/** Reads the whole repository index of `root`. Never throws. */
export function buildRepoIndex(root: string): BuiltIndex {
  const tfs = new TrackedFs(root);
  const index = emptyIndex(root);
  const problems = index.problems;
  const step = (what: string, file: string, run: () => void): void => {
    try {
      run();
    } catch (error) {
      problems.push(configProblem(root, file, 1, 1, `Could not read ${what}: ${errorText(error)}`));
    }
  };

  step("the Django apps", root, () => {
    const topLevel = tfs.list(root);
    for (const name of CORE_APPS) {
      const dir = path.join(root, name);
      if (tfs.isDirectory(dir)) registerApp(index, readApp(tfs, dir, name, undefined, problems), problems);
    }
    for (const entry of topLevel) {
      if (!entry.isDirectory || isSkippedDirectory(entry.name) || !isPythonIdentifier(entry.name)) continue;
      if (entry.name === "products" || CORE_APPS.includes(entry.name)) continue;
      if (!tfs.isFile(path.join(entry.path, "apps.py"))) continue;
      registerApp(index, readApp(tfs, entry.path, entry.name, undefined, problems), problems);
    }
  });

  const productsDir = path.join(root, "products");
  step("the products", productsDir, () => {
    for (const product of readProducts(tfs, productsDir, problems)) {
      index.products.set(product.name, product);
      if (product.app) registerApp(index, product.app, problems);
    }
  });

  for (const app of index.appsByModule.values()) {
    for (const model of app.models.values()) {
      const list = index.modelsByName.get(model.name);
      if (list) list.push(model);
      else index.modelsByName.set(model.name, [model]);
    }
  }

  step("the Django settings", path.join(root, "posthog", "settings"), () => {
    index.settings = readSettings(tfs, root, problems);
  });
  step("products/db_routing.yaml", index.dbRoutingFile, () => {
    const { routes, ...rest } = readDbRouting(tfs, index.dbRoutingFile, problems);
    index.dbRoutes = routes;
    index.dbRouting = rest;
  });
  step("tach.toml", index.tach.file, () => {
    index.tach = readTach(tfs, index.tach.file, problems);
  });
  step("frontend/package.json", path.join(root, "frontend", "package.json"), () => {
    const frontend = readFrontendPackage(tfs, root, problems);
    if (frontend) index.frontendPackage = frontend;
  });
  // Only a permanent-interface block of tach.toml needs ClickHouse's DDL imports.
  if (index.tach.interfaces.some((block) => block.permanent)) {
    step("the ClickHouse migrations", path.join(root, "posthog", "clickhouse"), () => {
      index.clickhouseImports = readClickhouseImports(tfs, root, problems);
    });
  }
  step(CROSSING_BASELINE_FILE, path.join(root, CROSSING_BASELINE_FILE), () => {
    index.crossingBaseline = readCrossingBaseline(tfs, root, problems);
  });
  step("pyproject.toml", index.importLinter.file, () => {
    index.importLinter = readImportLinter(tfs, problems);
  });

  tfs.endBuild();
  return { index, tfs };
}

/** Used when building fails outright (it should not): an empty index carrying the problem. */
export function failedIndex(root: string, error: unknown): BuiltIndex {
  const index = emptyIndex(root);
  index.problems.push(configProblem(root, root, 1, 1, `Could not read the repository: ${errorText(error)}`));
  return { index, tfs: new TrackedFs(root) };
}
