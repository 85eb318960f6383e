/**
 * Names a Python file reads but never binds (pyflakes' F821, the cases that matter here): every
 * identifier read, and every name inside a string annotation, looked up through Python's scopes
 * (function, class, comprehension, module) and the builtins. Written on tree-sitter's tree so that
 * the tests need no Python. A module with `from x import *` can bind anything: nothing is undefined.
 */
import type { Node } from "web-tree-sitter";
import { getPythonParser } from "../../src/languages/python/tree-sitter.js";

const BUILTINS = new Set(
  (
    "abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex " +
    "copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals " +
    "hasattr hash help hex id input int isinstance issubclass iter len license list locals map max memoryview min next " +
    "object oct open ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum " +
    "super tuple type vars zip __import__ __build_class__ __debug__ __name__ __file__ __doc__ __spec__ __loader__ " +
    "__package__ __path__ __builtins__ __annotations__ __dict__ __module__ __qualname__ __class__ " +
    "BaseException BaseExceptionGroup Exception ExceptionGroup ArithmeticError AssertionError AttributeError BlockingIOError " +
    "BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError " +
    "ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError FileExistsError " +
    "FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError " +
    "IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError " +
    "NameError NotADirectoryError NotImplemented NotImplementedError OSError OverflowError PendingDeprecationWarning " +
    "PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning " +
    "StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError " +
    "UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning " +
    "ValueError Warning ZeroDivisionError True False None"
  ).split(" "),
);

const SCOPES = new Set(["module", "function_definition", "class_definition", "lambda", "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);
const PATTERNS = new Set(["pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern", "parenthesized_expression", "tuple", "list"]);
const ANNOTATION_NAME = /(?<![.\w])\s*([A-Za-z_][A-Za-z0-9_]*)/gu;

interface Scope {
  node: Node;
  kind: string;
  parent: Scope | null;
  bound: Set<string>;
}

function fieldOf(node: Node): string | null {
  const parent = node.parent;
  if (!parent) return null;
  for (let i = 0; i < parent.childCount; i++) {
    if (parent.child(i)?.id === node.id) return parent.fieldNameForChild(i);
  }
  return null;
}

/** Identifiers a target binds (`a`, `a, b`, `(a, [b, *c])`), attributes and subscripts aside. */
function targetNames(target: Node | null, into: Node[]): void {
  if (!target) return;
  if (target.type === "identifier") into.push(target);
  else if (PATTERNS.has(target.type)) for (const child of target.namedChildren) targetNames(child, into);
}

function insideImport(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "import_from_statement" || current.type === "import_statement" || current.type === "future_import_statement") return true;
  }
  return false;
}

function inCasePattern(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "case_pattern") return true;
    if (current.type === "case_clause" || current.type === "block") return false;
  }
  return false;
}

/** The identifier is read (not a definition, target, parameter, attribute or keyword name). */
function bindingKind(node: Node): "bind" | "global" | "skip" | "read" {
  const parent = node.parent;
  if (!parent || insideImport(node)) return "skip";
  const field = fieldOf(node);
  if (parent.type === "attribute" && field === "attribute") return "skip";
  if (parent.type === "keyword_argument" && field === "name") return "skip";
  if ((parent.type === "class_definition" || parent.type === "function_definition") && field === "name") return "bind";
  if (parent.type === "global_statement" || parent.type === "nonlocal_statement") return "global";
  if (parent.type === "named_expression" && field === "name") return "bind";
  if (parent.type === "parameters" || parent.type === "lambda_parameters" || parent.type === "typed_parameter") return "bind";
  if ((parent.type === "default_parameter" || parent.type === "typed_default_parameter") && field === "name") return "bind";
  if (parent.type === "list_splat_pattern" || parent.type === "dictionary_splat_pattern") {
    const grand = parent.parent?.type;
    if (grand === "parameters" || grand === "lambda_parameters" || grand === "typed_parameter") return "bind";
  }
  if (parent.type === "except_clause" && field === "alias") return "bind";
  if (parent.type === "as_pattern" && field === "alias") return "bind";
  if (parent.type === "keyword_pattern" && node.id === parent.namedChildren[0]?.id) return "skip";
  if (inCasePattern(node)) return "bind";
  if (parent.type === "type_parameter" || parent.parent?.type === "type_parameter") return "bind";
  return "read";
}

function scopeNodeOf(node: Node): Node {
  for (let current = node.parent; current; current = current.parent) if (SCOPES.has(current.type)) return current;
  return node;
}

function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.namedChildren.length - 1; i >= 0; i--) {
      const child = node.namedChildren[i];
      if (child) stack.push(child);
    }
  }
  return out;
}

function collectScopes(root: Node, nodes: Node[]): Map<number, Scope> {
  const scopes = new Map<number, Scope>();
  const moduleScope: Scope = { node: root, kind: "module", parent: null, bound: new Set() };
  scopes.set(root.id, moduleScope);
  for (const node of nodes) {
    if (node === root || !SCOPES.has(node.type)) continue;
    scopes.set(node.id, { node, kind: node.type, parent: null, bound: new Set() });
  }
  for (const scope of scopes.values()) {
    if (scope.node.id !== root.id) scope.parent = scopes.get(scopeNodeOf(scope.node).id) ?? moduleScope;
  }
  return scopes;
}

/** The scope a definition's or target's name is bound in: a def/class name binds outside its own node. */
function bindingScope(scopes: Map<number, Scope>, node: Node): Scope {
  let scope = scopes.get(scopeNodeOf(node).id)!;
  const parent = node.parent;
  if ((parent?.type === "class_definition" || parent?.type === "function_definition") && fieldOf(node) === "name") {
    scope = scope.parent ?? scope;
  }
  // The walrus binds in the nearest enclosing scope that is not a comprehension.
  if (parent?.type === "named_expression") while (scope.kind.endsWith("comprehension") || scope.kind === "generator_expression") scope = scope.parent!;
  return scope;
}

function bindImports(node: Node, scope: Scope): boolean {
  if (node.type === "import_from_statement") {
    if (node.namedChildren.some((child) => child?.type === "wildcard_import")) return false;
    for (const name of node.childrenForFieldName("name")) {
      if (!name) continue;
      scope.bound.add(name.type === "aliased_import" ? (name.childForFieldName("alias")?.text ?? "") : name.text);
    }
  } else if (node.type === "import_statement") {
    for (const name of node.childrenForFieldName("name")) {
      if (!name) continue;
      scope.bound.add(name.type === "aliased_import" ? (name.childForFieldName("alias")?.text ?? "") : name.text.split(".")[0]!.trim());
    }
  }
  return true;
}

function lookup(scope: Scope, name: string, from: Scope): boolean {
  for (let current: Scope | null = scope; current; current = current.parent) {
    // A class body's names are not visible from the functions inside it.
    if (current.kind === "class_definition" && current !== from) continue;
    if (current.bound.has(name)) return true;
  }
  return BUILTINS.has(name);
}

/** Undefined names of a Python text, each with its first 0-based row; null when a star import makes it unknowable. */
export function undefinedNames(input: string): Map<string, number> | null {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const tree = getPythonParser().parse(text);
  if (!tree) throw new Error("tree-sitter returned no tree");
  try {
    const root = tree.rootNode;
    const nodes = allNodes(root);
    const scopes = collectScopes(root, nodes);
    const moduleScope = scopes.get(root.id)!;
    const reads: { name: string; scope: Scope; row: number }[] = [];
    for (const node of nodes) {
      const scope = scopes.get(scopeNodeOf(node).id)!;
      if (!bindImports(node, scope)) return null;
      if (node.type === "assignment" || node.type === "augmented_assignment" || node.type === "for_statement" || node.type === "for_in_clause") {
        const names: Node[] = [];
        targetNames(node.childForFieldName("left"), names);
        const target = node.type === "for_in_clause" ? scopes.get(scopeNodeOf(node).id)! : scope;
        for (const name of names) target.bound.add(name.text);
      } else if (node.type === "with_item" || node.type === "as_pattern") {
        const alias = node.childForFieldName("alias");
        const names: Node[] = [];
        targetNames(alias?.type === "identifier" ? alias : (alias?.namedChildren[0] ?? null), names);
        for (const name of names) scope.bound.add(name.text);
      } else if (node.type === "identifier") {
        const kind = bindingKind(node);
        if (kind === "bind") bindingScope(scopes, node).bound.add(node.text);
        else if (kind === "global") moduleScope.bound.add(node.text);
        else if (kind === "read") reads.push({ name: node.text, scope, row: node.startPosition.row });
      } else if (node.type === "string" && insideAnnotation(node)) {
        for (const match of (node.text.replace(/^[a-zA-Z]*("""|'''|"|')|("""|'''|"|')$/gu, "")).matchAll(ANNOTATION_NAME)) {
          reads.push({ name: match[1]!, scope, row: node.startPosition.row });
        }
      }
    }
    const result = new Map<string, number>();
    for (const read of reads) {
      if (!lookup(read.scope, read.name, read.scope) && !result.has(read.name)) result.set(read.name, read.row);
    }
    return result;
  } finally {
    tree.delete();
  }
}

function insideAnnotation(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "type") return true;
    if (current.type.endsWith("_statement") || current.type === "block") return false;
  }
  return false;
}

/** Names undefined after a fix that were defined before it (empty: the fix left no name dangling). */
export function newlyUndefined(before: string, after: string): string[] {
  const was = undefinedNames(before);
  const now = undefinedNames(after);
  if (!now) return [];
  return [...now.keys()].filter((name) => !(was?.has(name) ?? false));
}
