import { dottedName } from "./names.js";
import { childNodes, indexOfNodeHolding, sameNode, textOf, type SyntaxNode } from "./node.js";
import { enclosingFunction } from "./definitions.js";
import { wordOffsets } from "./words.js";

/** One name of `from M import A, B as C`. */
export interface ImportedName {
  /** The `dotted_name` or `aliased_import` node. */
  node: SyntaxNode;
  importedName: string;
  localName: string;
}

/** Where an import statement binds its names. */
interface ImportScope {
  /** The function (or lambda) the statement runs in; null at module and class level. */
  function: SyntaxNode | null;
  /** The statement sits under `if TYPE_CHECKING:`: it binds nothing at run time. */
  typeCheckingOnly: boolean;
}

export interface FromImport {
  statement: SyntaxNode;
  moduleNode: SyntaxNode;
  /** The module as written, without whitespace (`..models`, `posthog.models`). */
  writtenModule: string;
  /** Leading dots of a relative import (0 for an absolute one). */
  level: number;
  /** The dotted name after the dots (may be empty: `from . import x`). */
  moduleRest: string;
  names: ImportedName[];
  /** `from M import *`. */
  wildcard: boolean;
  /** The names are written inside parentheses. */
  parenthesized: boolean;
  scope: ImportScope;
}

/** One name of `import a.b` (binds `a`) or `import a.b as m` (binds `m` to `a.b`). */
interface PlainImport {
  statement: SyntaxNode;
  node: SyntaxNode;
  localName: string;
  module: string;
  /** The dotted name the statement imports (`a.b` for `import a.b`, bound or not). */
  importedModule: string;
  /** `import a.b` without `as`: the local name is the top package, attribute chains spell the rest. */
  bindsTopPackage: boolean;
  scope: ImportScope;
}

export interface ImportStatements {
  fromImports: FromImport[];
  plainImports: PlainImport[];
}

/** `TYPE_CHECKING` or `typing.TYPE_CHECKING` as an `if` condition. */
export function isTypeCheckingCondition(source: string, condition: SyntaxNode | null): boolean {
  if (!condition) return false;
  const name = dottedName(source, condition);
  return name === "TYPE_CHECKING" || (name?.endsWith(".TYPE_CHECKING") ?? false);
}

/** The statement is inside the body of an `if TYPE_CHECKING:` (not its `else`). */
function isTypeCheckingOnly(source: string, node: SyntaxNode): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === "if_statement" && sameNode(parent.childForFieldName("consequence"), child)) {
      if (isTypeCheckingCondition(source, parent.childForFieldName("condition"))) return true;
    }
  }
  return false;
}

function scopeOf(source: string, statement: SyntaxNode): ImportScope {
  return { function: enclosingFunction(statement), typeCheckingOnly: isTypeCheckingOnly(source, statement) };
}

function importedNameOf(source: string, node: SyntaxNode): ImportedName | undefined {
  if (node.type === "dotted_name") {
    const name = textOf(source, node).replace(/\s+/gu, "");
    return { node, importedName: name, localName: name };
  }
  if (node.type === "aliased_import") {
    const name = node.childForFieldName("name");
    const alias = node.childForFieldName("alias");
    if (!name || !alias) return undefined;
    return { node, importedName: textOf(source, name).replace(/\s+/gu, ""), localName: textOf(source, alias) };
  }
  return undefined;
}

/** Reads `from M import ...`; undefined when the statement is broken. */
export function readFromImport(source: string, statement: SyntaxNode): FromImport | undefined {
  const moduleNode = statement.childForFieldName("module_name");
  if (!moduleNode || statement.hasError) return undefined;
  let level = 0;
  let moduleRest = textOf(source, moduleNode).replace(/\s+/gu, "");
  if (moduleNode.type === "relative_import") {
    const children = childNodes(moduleNode);
    const prefix = children.find((child) => child.type === "import_prefix");
    const rest = children.find((child) => child.type === "dotted_name");
    level = prefix ? textOf(source, prefix).replace(/\s+/gu, "").length : 0;
    moduleRest = rest ? textOf(source, rest).replace(/\s+/gu, "") : "";
  }
  const names: ImportedName[] = [];
  for (const child of statement.childrenForFieldName("name")) {
    const name = child ? importedNameOf(source, child) : undefined;
    if (name) names.push(name);
  }
  const firstName = names[0]?.node;
  return {
    statement,
    moduleNode,
    writtenModule: textOf(source, moduleNode).replace(/\s+/gu, ""),
    level,
    moduleRest,
    names,
    // A wildcard is written `*`: without one after the module, no child is read to look for it.
    wildcard: source.slice(moduleNode.endIndex, statement.endIndex).includes("*") && childNodes(statement).some((child) => child.type === "wildcard_import"),
    // `import (` possibly followed by a comment (`import (  # noqa`) before the first name.
    parenthesized:
      firstName !== undefined &&
      /\(\s*$/u.test(source.slice(moduleNode.endIndex, firstName.startIndex).replace(/#[^\r\n]*/gu, "")),
    scope: scopeOf(source, statement),
  };
}

function readPlainImports(source: string, statement: SyntaxNode): PlainImport[] {
  if (statement.hasError) return [];
  const scope = scopeOf(source, statement);
  const result: PlainImport[] = [];
  for (const child of statement.childrenForFieldName("name")) {
    const imported = child ? importedNameOf(source, child) : undefined;
    if (!child || !imported) continue;
    const aliased = child.type === "aliased_import";
    const top = imported.importedName.split(".")[0]!;
    result.push({
      statement,
      node: child,
      localName: aliased ? imported.localName : top,
      module: aliased ? imported.importedName : top,
      importedModule: imported.importedName,
      bindsTopPackage: !aliased,
      scope,
    });
  }
  return result;
}

const IMPORT_TYPES: ReadonlySet<string> = new Set(["import_from_statement", "import_statement", "future_import_statement"]);

/**
 * The import statements below `root`, in document order: found where the text has the `import`
 * keyword (every import statement has one), not by a walk of the tree.
 */
function importStatements(source: string, root: SyntaxNode): SyntaxNode[] {
  const statements = new Map<number, SyntaxNode>();
  const topLevel = root.namedChildren;
  for (const at of wordOffsets(source, "import")) {
    // Most imports are top-level statements: the word inside one is its keyword or part of a name
    // it imports, so the statement is found without looking for the keyword's node and its parent.
    const top = topLevel[indexOfNodeHolding(topLevel, at, at + 6)];
    if (top && IMPORT_TYPES.has(top.type)) {
      statements.set(top.startIndex, top);
      continue;
    }
    const keyword = root.descendantForIndex(at, at + 6);
    if (keyword?.type !== "import" || keyword.startIndex !== at) continue;
    const statement = keyword.parent;
    if (statement && IMPORT_TYPES.has(statement.type)) statements.set(statement.startIndex, statement);
  }
  return [...statements.values()];
}

/**
 * Every import statement below `root` (in functions and classes too), in document order.
 * Broken statements (with ERROR or MISSING nodes inside) are left out.
 */
export function collectImports(source: string, root: SyntaxNode): ImportStatements {
  const result: ImportStatements = { fromImports: [], plainImports: [] };
  for (const node of importStatements(source, root)) {
    if (node.type === "import_from_statement") {
      const fromImport = readFromImport(source, node);
      if (fromImport) result.fromImports.push(fromImport);
    } else if (node.type === "import_statement") {
      result.plainImports.push(...readPlainImports(source, node));
    }
  }
  return result;
}
