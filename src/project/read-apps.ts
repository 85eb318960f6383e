import path from "node:path";
import { readReported } from "./problems.js";
import { definitionName, lastComponent, lineNumbers, stringValue, textOf, topLevelStatements, type SyntaxNode } from "../languages/python/syntax/index.js";
import { extractPython } from "./python-source.js";
import { probePythonModule } from "./python-modules.js";
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

/** A string assignment in an AppConfig class body: its value and the value's node. */
interface ConfigAssignment {
  value: string;
  node: SyntaxNode;
  /** The assignment statement. */
  statement: SyntaxNode;
}

/** The AppConfig class of an `apps.py`, read from its syntax tree (index and rules alike). */
export interface AppConfigClass {
  node: SyntaxNode;
  className: string;
  nameNode: SyntaxNode;
  name?: ConfigAssignment;
  label?: ConfigAssignment;
}

/** `name = "..."` / `label = "..."` assignments directly in the class body (a later one overrides an earlier one, as in Python). */
function readAssignments(text: string, classNode: SyntaxNode): Pick<AppConfigClass, "name" | "label"> {
  const found: Pick<AppConfigClass, "name" | "label"> = {};
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
    if (value !== undefined) found[key] = { value, node: right, statement: assignment };
  }
  return found;
}

/** The first AppConfig subclass of a module that sets `name` (Django requires it), else the first one. */
export function findAppConfigClass(text: string, root: SyntaxNode): AppConfigClass | undefined {
  const configClasses = new Set<string>();
  let first: AppConfigClass | undefined;
  for (const { node } of topLevelStatements(root)) {
    if (node.type !== "class_definition" || !extendsAppConfig(text, node, configClasses)) continue;
    const className = definitionName(text, node);
    const nameNode = node.childForFieldName("name");
    if (!className || !nameNode) continue;
    configClasses.add(className);
    const config: AppConfigClass = { node, className, nameNode, ...readAssignments(text, node) };
    if (config.name) return config;
    first ??= config;
  }
  return first;
}

/** Reads the AppConfig subclass of an `apps.py`. */
function readAppConfig(
  tfs: TrackedFs,
  file: string,
  problems: ConfigProblem[],
): AppConfigInfo | undefined {
  const text = readReported(tfs, file, problems);
  if (text === undefined) return undefined;
  const found = extractPython("app-config", file, text, (tree): AppConfigInfo | undefined => {
    const config = findAppConfigClass(text, tree.rootNode);
    if (!config) return undefined;
    const lineOf = lineNumbers(text);
    const info: AppConfigInfo = { file, className: config.className, line: lineOf(config.node.startIndex) };
    // Where the name leads is read from the file system below, not memoised with the text.
    if (config.name) info.name = { value: config.name.value, line: lineOf(config.name.statement.startIndex), resolves: "outside" };
    if (config.label) info.label = { value: config.label.value, line: lineOf(config.label.statement.startIndex) };
    return info;
  });
  // A copy: the memoised value is shared between builds.
  const info = found ? structuredClone(found) : undefined;
  if (info?.name) info.name.resolves = probePythonModule(tfs, info.name.value);
  return info;
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
    definesModels: false,
    modelsModule: `${module}.models`,
  };
  readModels(tfs, app, problems);
  return app;
}
