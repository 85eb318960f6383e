import path from "node:path";
import { configProblem, errorText } from "./problems.js";
import { isPythonIdentifier } from "./python-module.js";
import { definitionName, extractPython, topLevelDefinitions } from "./python-source.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { AppInfo, ConfigProblem } from "./types.js";

/** Test modules and packages inside `models/` define test cases, not models. */
function isTestName(name: string): boolean {
  return name === "test" || name === "tests" || name === "conftest.py" || /^test_.*\.py$/u.test(name) || /_test\.py$/u.test(name);
}

function readModelFile(tfs: TrackedFs, app: AppInfo, file: string, module: string, problems: ConfigProblem[]): void {
  const text = tfs.readText(file);
  if (text === undefined) return;
  if (text instanceof Error) {
    problems.push(configProblem(tfs.root, file, 1, 1, `Cannot read the file: ${errorText(text)}`));
    return;
  }
  const classes = extractPython("top-level-classes", file, text, (tree) => {
    const found: { name: string; line: number }[] = [];
    for (const { node } of topLevelDefinitions(tree)) {
      if (node.type !== "class_definition") continue;
      const name = definitionName(node);
      if (name) found.push({ name, line: node.startPosition.row + 1 });
    }
    return found;
  });
  for (const { name, line } of classes ?? []) {
    if (!app.models.has(name)) app.models.set(name, { name, appLabel: app.label, definingModule: module, file, line });
  }
}

/** Reads `<package>/__init__.py` first, then the other modules and subpackages, recursively. */
function readModelsPackage(
  tfs: TrackedFs,
  app: AppInfo,
  dir: string,
  module: string,
  problems: ConfigProblem[],
  seen: Set<string>,
): void {
  const real = tfs.confine(dir);
  if (real === null || seen.has(real)) return;
  seen.add(real);
  const entries = tfs.list(dir);
  const init = entries.find((entry) => entry.isFile && entry.name === "__init__.py");
  if (init) readModelFile(tfs, app, init.path, module, problems);
  for (const entry of entries) {
    if (entry === init || isTestName(entry.name)) continue;
    if (entry.isFile) {
      const match = /^(.*)\.py$/u.exec(entry.name);
      if (match && isPythonIdentifier(match[1]!)) readModelFile(tfs, app, entry.path, `${module}.${match[1]}`, problems);
    } else if (entry.isDirectory && isPythonIdentifier(entry.name)) {
      readModelsPackage(tfs, app, entry.path, `${module}.${entry.name}`, problems, seen);
    }
  }
}

/**
 * Fills `app.models` with the top-level classes of `<app>/models.py` and of every module of
 * the `<app>/models/` package (a package wins over a module of the same name in Python, but
 * both are read: a stray file still defines classes worth knowing).
 */
export function readModels(tfs: TrackedFs, app: AppInfo, problems: ConfigProblem[]): void {
  const packageDir = path.join(app.dir, "models");
  if (tfs.isDirectory(packageDir)) readModelsPackage(tfs, app, packageDir, app.modelsModule, problems, new Set());
  readModelFile(tfs, app, path.join(app.dir, "models.py"), app.modelsModule, problems);
}
