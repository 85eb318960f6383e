/**
 * What hogli's isolation checks read of a Python module through its AST: whether it parses, its
 * top-level functions and classes, its module-level `from … import` statements (the statements of
 * the module body itself: not those under `if`, `try`, functions or classes), a literal
 * `__all__`, and module-level dict literals of strings (PEP 562 lazy-import maps).
 */
import { childNodes, collectImports, definitionName, expressionOf, stringValue, textOf, topLevelStatements, type SyntaxNode } from "../languages/python/syntax/index.js";
import { extractPython } from "./python-source.js";

export interface SurfaceImport {
  /** Leading dots (0 for an absolute import). */
  level: number;
  /** The dotted module after the dots. */
  rest: string;
  importedName: string;
  localName: string;
  /** Written `Foo as Foo` (the re-export idiom). */
  selfAliased: boolean;
}

export interface ModuleSurface {
  /** The file has a syntax error (Python's `ast.parse` would refuse it). */
  broken: boolean;
  functions: string[];
  classes: string[];
  fromImports: SurfaceImport[];
  /** A literal `__all__ = [...]` / `(...)` of strings; undefined when absent or not a literal. */
  all?: string[];
  /** Module-level `NAME = {"a": "b", ...}` dicts whose keys and values are all strings. */
  stringMaps: [string, string][][];
}

function literalStrings(text: string, node: SyntaxNode | null): string[] | undefined {
  if (!node || (node.type !== "list" && node.type !== "tuple")) return undefined;
  const values = childNodes(node).map((child) => stringValue(text, child));
  return values.every((value): value is string => value !== undefined) ? values : undefined;
}

function stringMap(text: string, node: SyntaxNode | null): [string, string][] | undefined {
  if (node?.type !== "dictionary") return undefined;
  const pairs: [string, string][] = [];
  for (const pair of childNodes(node)) {
    if (pair.type !== "pair") return undefined;
    const key = pair.childForFieldName("key");
    const value = pair.childForFieldName("value");
    const keyText = key ? stringValue(text, key) : undefined;
    const valueText = value ? stringValue(text, value) : undefined;
    if (keyText === undefined || valueText === undefined) return undefined;
    pairs.push([keyText, valueText]);
  }
  return pairs.length > 0 ? pairs : undefined;
}

function readAssignment(text: string, statement: SyntaxNode, surface: ModuleSurface): void {
  const assignment = expressionOf(statement);
  if (assignment?.type !== "assignment") return;
  const left = assignment.childForFieldName("left");
  const right = assignment.childForFieldName("right");
  if (left?.type !== "identifier") return;
  if (textOf(text, left) === "__all__") {
    const all = literalStrings(text, right);
    if (all) surface.all = all;
    else delete surface.all;
    return;
  }
  const map = stringMap(text, right);
  if (map) surface.stringMaps.push(map);
}

/** The {@link ModuleSurface} of a Python file's text, memoised per file. */
export function moduleSurface(file: string, text: string): ModuleSurface | undefined {
  return extractPython("module-surface", file, text, (tree) => {
    const root = tree.rootNode;
    const surface: ModuleSurface = { broken: root.hasError, functions: [], classes: [], fromImports: [], stringMaps: [] };
    for (const { node } of topLevelStatements(root)) {
      const name = node.type === "class_definition" || node.type === "function_definition" ? definitionName(text, node) : undefined;
      if (name && node.type === "class_definition") surface.classes.push(name);
      else if (name) surface.functions.push(name);
      else readAssignment(text, node, surface);
    }
    for (const fromImport of collectImports(text, root).fromImports) {
      if (fromImport.statement.parent?.type !== "module" || fromImport.wildcard) continue;
      for (const name of fromImport.names) {
        const { importedName, localName } = name;
        const selfAliased = name.node.type === "aliased_import" && importedName === localName;
        surface.fromImports.push({ level: fromImport.level, rest: fromImport.moduleRest, importedName, localName, selfAliased });
      }
    }
    return surface;
  });
}
