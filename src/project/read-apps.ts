import path from "node:path";
import type { Node } from "web-tree-sitter";
import { configProblem, errorText } from "./problems.js";
import { definitionName, extractPython, pythonStringValue, topLevelDefinitions } from "./python-source.js";
import { readModels } from "./read-models.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { AppInfo, ConfigProblem } from "./types.js";

type AppConfigInfo = NonNullable<AppInfo["config"]>;

/**
 * `AppConfig`, `something.AppConfig`, or a class of the same file that is itself an AppConfig
 * (`class Base(AppConfig)` then `class Config(Base)`) among a class's bases.
 */
function extendsAppConfig(classNode: Node, configClasses: ReadonlySet<string>): boolean {
  const bases = classNode.childForFieldName("superclasses");
  if (!bases) return false;
  for (const base of bases.namedChildren) {
    if (!base) continue;
    if (base.type === "identifier" && (base.text === "AppConfig" || configClasses.has(base.text))) return true;
    if (base.type === "attribute" && base.childForFieldName("attribute")?.text === "AppConfig") return true;
  }
  return false;
}

/** `name = "..."` / `label: str = "..."` assignments directly in the class body. */
function readAssignments(classNode: Node): Pick<AppConfigInfo, "name" | "label"> {
  const found: Pick<AppConfigInfo, "name" | "label"> = {};
  const body = classNode.childForFieldName("body");
  for (const statement of body?.namedChildren ?? []) {
    if (statement?.type !== "expression_statement") continue;
    const assignment = statement.namedChildren[0];
    if (assignment?.type !== "assignment") continue;
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (left?.type !== "identifier" || !right) continue;
    const key = left.text;
    if (key !== "name" && key !== "label") continue;
    const value = pythonStringValue(right);
    // A later assignment overrides an earlier one, as in Python.
    if (value !== undefined) found[key] = { value, line: assignment.startPosition.row + 1 };
  }
  return found;
}

/** Reads the AppConfig subclass of an `apps.py` (the first one when there are several). */
export function readAppConfig(
  tfs: TrackedFs,
  file: string,
  problems: ConfigProblem[],
): AppConfigInfo | undefined {
  const text = tfs.readText(file);
  if (text === undefined) return undefined;
  if (text instanceof Error) {
    problems.push(configProblem(tfs.root, file, 1, 1, `Cannot read the file: ${errorText(text)}`));
    return undefined;
  }
  const found = extractPython("app-config", file, text, (tree) => {
    // The first AppConfig subclass that sets `name` (Django requires it), else the first one.
    const configClasses = new Set<string>();
    let first: AppConfigInfo | undefined;
    for (const { node } of topLevelDefinitions(tree)) {
      if (node.type !== "class_definition" || !extendsAppConfig(node, configClasses)) continue;
      const className = definitionName(node);
      if (!className) continue;
      configClasses.add(className);
      const config: AppConfigInfo = { file, className, line: node.startPosition.row + 1, ...readAssignments(node) };
      if (config.name) return config;
      first ??= config;
    }
    return first;
  });
  // A copy: the memoised value is shared between builds.
  return found ? structuredClone(found) : undefined;
}

const lastComponent = (dotted: string): string => dotted.slice(dotted.lastIndexOf(".") + 1);

/**
 * A Django app rooted at `dir` (Python package `module`): its `apps.py` AppConfig and models.
 * The label is the AppConfig `label`, else the last component of its `name`, else the product
 * folder name (product apps) or the last component of the package.
 */
export function readApp(
  tfs: TrackedFs,
  dir: string,
  module: string,
  product: string | undefined,
  problems: ConfigProblem[],
): AppInfo {
  const config = readAppConfig(tfs, path.join(dir, "apps.py"), problems);
  const label = config?.label?.value || (config?.name?.value ? lastComponent(config.name.value) : undefined) || product || lastComponent(module);
  const app: AppInfo = {
    label,
    module,
    dir,
    ...(product !== undefined ? { product } : {}),
    ...(config ? { config } : {}),
    models: new Map(),
    modelsModule: `${module}.models`,
  };
  readModels(tfs, app, problems);
  return app;
}
