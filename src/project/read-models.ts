import path from "node:path";
import { isPythonIdentifier, lastComponent, resolveRelativeImport } from "../languages/python/syntax/index.js";
import { isTestFileName } from "./conventions.js";
import { moduleFactsOfFile, type ModuleFacts } from "./python-source.js";
import { resolvedRelations } from "./relation-facts.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { AppInfo, ConfigProblem, ModelInfo, RelationFact } from "./types.js";

/** Bases that make a class something other than a Django model (enums, choices, managers, errors...). */
const NOT_A_MODEL_BASE = /^(?:object|ABC|Protocol|Generic|TypedDict|NamedTuple|Enum|IntEnum|StrEnum|Flag|IntFlag|AppConfig)$|(?:Choices|Manager|QuerySet|Exception|Error|Serializer)$/u;

/** A class with a base that may be a model (`models.Model`, `UUIDModel`, a mixin). */
function mayBeModel(bases: readonly string[]): boolean {
  return bases.some((base) => !NOT_A_MODEL_BASE.test(lastComponent(base)));
}

/** Test modules and packages inside `models/` define test cases, not models. */
function isTestName(name: string): boolean {
  return name === "test" || name === "tests" || name === "conftest.py" || isTestFileName(name);
}

/** The facts of one models module, with the module's dotted name; read classes go into `app.models`. */
function readModelFile(tfs: TrackedFs, app: AppInfo, file: string, module: string, problems: ConfigProblem[]): ModuleFacts | undefined {
  const facts = moduleFactsOfFile(tfs, file, problems);
  const isPackageInit = path.basename(file) === "__init__.py";
  const labelTargets = new Map<string, RelationFact["target"]>();
  for (const { name, bases, relations } of facts?.classes ?? []) {
    if (mayBeModel(bases)) app.definesModels = true;
    if (app.models.has(name)) continue;
    app.models.set(name, { name, appLabel: app.label, definingModule: module, importModule: module, relations: resolvedRelations(relations, module, isPackageInit, labelTargets) });
  }
  return facts;
}

interface PackageRead {
  /** Facts of the package's `__init__.py`. */
  init?: ModuleFacts;
  /** Module → facts, for every module read below the package. */
  modules: Map<string, ModuleFacts>;
}

/** Reads `<package>/__init__.py` first, then the other modules and subpackages, recursively. */
function readModelsPackage(
  tfs: TrackedFs,
  app: AppInfo,
  dir: string,
  module: string,
  problems: ConfigProblem[],
  seen: Set<string>,
  read: PackageRead,
): void {
  const real = tfs.confine(dir);
  if (real === null || seen.has(real)) return;
  seen.add(real);
  const entries = tfs.list(dir);
  const init = entries.find((entry) => entry.isFile && entry.name === "__init__.py");
  if (init) {
    const facts = readModelFile(tfs, app, init.path, module, problems);
    if (facts) read.modules.set(module, facts);
    if (module === app.modelsModule) read.init = facts;
  }
  for (const entry of entries) {
    if (entry === init || isTestName(entry.name)) continue;
    if (entry.isFile) {
      const match = /^(.*)\.py$/u.exec(entry.name);
      if (!match || !isPythonIdentifier(match[1]!)) continue;
      const child = `${module}.${match[1]}`;
      const facts = readModelFile(tfs, app, entry.path, child, problems);
      if (facts) read.modules.set(child, facts);
    } else if (entry.isDirectory && isPythonIdentifier(entry.name)) {
      readModelsPackage(tfs, app, entry.path, `${module}.${entry.name}`, problems, seen, read);
    }
  }
}

/**
 * The names the models package's `__init__.py` binds: what it defines or imports, and what its
 * `from .x import *` bring (the submodule's `__all__`, else its public names).
 */
function packageExports(app: AppInfo, read: PackageRead): Set<string> {
  const exported = new Set(read.init?.bound ?? []);
  for (const { level, rest } of read.init?.wildcardImports ?? []) {
    const source = level > 0 ? resolveRelativeImport(app.modelsModule, true, level, rest) : rest;
    const facts = read.modules.get(source);
    if (!facts) continue;
    for (const name of facts.all ?? facts.bound.filter((bound) => !bound.startsWith("_"))) exported.add(name);
  }
  return exported;
}

/**
 * The shallowest module below the models package that binds the model's name
 * (`posthog.models.team` for `Team` of `posthog.models.team.team` when `team/__init__.py`
 * imports it); undefined for a model of the package's `__init__.py` itself.
 */
function shallowestBinding(app: AppInfo, read: PackageRead, model: ModelInfo): string | undefined {
  if (!model.definingModule.startsWith(`${app.modelsModule}.`)) return undefined;
  const parts = model.definingModule.slice(app.modelsModule.length + 1).split(".");
  for (let length = 1; length < parts.length; length++) {
    const module = `${app.modelsModule}.${parts.slice(0, length).join(".")}`;
    if (read.modules.get(module)?.bound.includes(model.name)) return module;
  }
  return model.definingModule;
}

/**
 * Fills `app.models` with the top-level classes of `<app>/models.py` and of every module of
 * the `<app>/models/` package (a package wins over a module of the same name in Python, but
 * both are read: a stray file still defines classes worth knowing). A model of a package is
 * imported from the package when its `__init__.py` binds the name, else from its own module.
 */
export function readModels(tfs: TrackedFs, app: AppInfo, problems: ConfigProblem[]): void {
  const packageDir = path.join(app.dir, "models");
  if (tfs.isDirectory(packageDir)) {
    const read: PackageRead = { modules: new Map() };
    readModelsPackage(tfs, app, packageDir, app.modelsModule, problems, new Set(), read);
    const exported = packageExports(app, read);
    for (const model of app.models.values()) {
      model.importModule = exported.has(model.name) ? app.modelsModule : model.definingModule;
      const submodule = shallowestBinding(app, read, model);
      if (submodule) model.submoduleImport = submodule;
    }
  }
  readModelFile(tfs, app, path.join(app.dir, "models.py"), app.modelsModule, problems);
}
