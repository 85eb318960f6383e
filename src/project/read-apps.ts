import path from "node:path";
import { readReported } from "./problems.js";
import { definitionName, lastComponent, lineNumbers, stringValue, textOf, topLevelStatements, type SyntaxNode } from "../languages/python/syntax/index.js";
import { extractPython } from "./python-source.js";
import { readModels } from "./read-models.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { AppInfo, ConfigProblem } from "./types.js";

type AppConfigInfo = NonNullable<AppInfo["config"]>;

/**
 * `AppConfig`, `something.AppConfig`, or a class of the same file that is itself an AppConfig
 * (`class Base(AppConfig)` then `class Config(Base)`) among a class's bases.
 */
function extendsAppConfig(text: string, classNode: SyntaxNode, configClasses: ReadonlySet<string>): boolean {
  const bases = classNode.childForFieldName("superclasses");
  if (!bases) return false;
  for (const base of bases.namedChildren) {
    if (!base) continue;
    if (base.type === "identifier" && (textOf(text, base) === "AppConfig" || configClasses.has(textOf(text, base)))) return true;
    const attribute = base.type === "attribute" ? base.childForFieldName("attribute") : null;
    if (attribute && textOf(text, attribute) === "AppConfig") return true;
  }
  return false;
}

/** `name = "..."` / `label: str = "..."` assignments directly in the class body. */
function readAssignments(text: string, classNode: SyntaxNode, lineOf: (index: number) => number): Pick<AppConfigInfo, "name" | "label"> {
  const found: Pick<AppConfigInfo, "name" | "label"> = {};
  const body = classNode.childForFieldName("body");
  for (const statement of body?.namedChildren ?? []) {
    if (statement?.type !== "expression_statement") continue;
    const assignment = statement.namedChildren[0];
    if (assignment?.type !== "assignment") continue;
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (left?.type !== "identifier" || !right) continue;
    const key = textOf(text, left);
    if (key !== "name" && key !== "label") continue;
    const value = stringValue(text, right);
    // A later assignment overrides an earlier one, as in Python.
    if (value !== undefined) found[key] = { value, line: lineOf(assignment.startIndex) };
  }
  return found;
}

/** Reads the AppConfig subclass of an `apps.py` (the first one when there are several). */
function readAppConfig(
  tfs: TrackedFs,
  file: string,
  problems: ConfigProblem[],
): AppConfigInfo | undefined {
  const text = readReported(tfs, file, problems);
  if (text === undefined) return undefined;
  const found = extractPython("app-config", file, text, (tree) => {
    // The first AppConfig subclass that sets `name` (Django requires it), else the first one.
    const configClasses = new Set<string>();
    const lineOf = lineNumbers(text);
    let first: AppConfigInfo | undefined;
    for (const { node } of topLevelStatements(tree.rootNode)) {
      if (node.type !== "class_definition" || !extendsAppConfig(text, node, configClasses)) continue;
      const className = definitionName(text, node);
      if (!className) continue;
      configClasses.add(className);
      const config: AppConfigInfo = { file, className, line: lineOf(node.startIndex), ...readAssignments(text, node, lineOf) };
      if (config.name) return config;
      first ??= config;
    }
    return first;
  });
  // A copy: the memoised value is shared between builds.
  return found ? structuredClone(found) : undefined;
}

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
