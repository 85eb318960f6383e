/**
 * Facts about a Python text read straight from tree-sitter (not through the plugin's AST
 * conversion): error nodes, import bindings with their scope, names used, comments, relation
 * fields. The properties compare these before and after a fix.
 */
import type { Node, Tree } from "web-tree-sitter";
import { getPythonParser } from "../../../src/languages/python/tree-sitter.js";

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function withTree<T>(text: string, use: (tree: Tree) => T): T {
  const tree = getPythonParser().parse(stripBom(text));
  if (!tree) throw new Error("tree-sitter returned no tree");
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}

/**
 * Syntax errors in the whole tree: ERROR and MISSING nodes, and blocks without a statement
 * (`if x:` followed by nothing, or only comments), which tree-sitter accepts but Python rejects.
 * Iterative: the tree may be thousands deep.
 */
export function errorCount(text: string): number {
  return withTree(text, (tree) => {
    const cursor = tree.walk();
    let count = 0;
    try {
      for (;;) {
        if (cursor.nodeType === "ERROR" || cursor.nodeIsMissing) count++;
        else if (cursor.nodeType === "block" && !cursor.currentNode.namedChildren.some((child) => child && child.type !== "comment")) count++;
        if (cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return count;
        }
      }
    } finally {
      cursor.delete();
    }
  });
}

/** Every named node, depth first, without recursion. */
function* named(root: Node): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push(children[i]!);
  }
}

function insideImport(node: Node): boolean {
  for (let current: Node | null = node.parent; current; current = current.parent) {
    if (current.type === "import_from_statement" || current.type === "import_statement") return true;
  }
  return false;
}

function underTypeChecking(node: Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === "if_statement" && parent.childForFieldName("consequence")?.id === child.id) {
      const condition = parent.childForFieldName("condition")?.text ?? "";
      if (condition === "TYPE_CHECKING" || condition.endsWith(".TYPE_CHECKING")) return true;
    }
  }
  return false;
}

/** `f:load_0/c:Model`: the functions and classes around a node. */
function scopeOf(node: Node): string {
  const parts: string[] = [];
  for (let current: Node | null = node.parent; current; current = current.parent) {
    if (current.type === "function_definition" || current.type === "class_definition") {
      parts.push(`${current.type === "function_definition" ? "f" : "c"}:${current.childForFieldName("name")?.text ?? "?"}`);
    }
  }
  return parts.reverse().join("/");
}

export interface Binding {
  scope: string;
  /** Under `if TYPE_CHECKING:`: binds nothing at run time. */
  typeChecking: boolean;
  local: string;
  imported: string;
  /** Module as written, whitespace removed. */
  module: string;
  /** 0-based rows of the name in the statement, and of the whole statement. */
  nameRow: number;
  statementRows: [number, number];
}

interface Comment {
  text: string;
  row: number;
}

interface RelationCall {
  /** The functions and classes around the call (`scopeOf`). */
  scope: string;
  /** Source text of the target expression, or undefined when the call has none. */
  target?: string;
  targetType?: string;
  /** Range of the argument list (UTF-16 offsets). */
  argsRange: [number, number];
}

export interface PythonFacts {
  errors: number;
  bindings: Binding[];
  /** Identifiers read as names (not attribute names, keyword names, definitions or inside imports). */
  used: Set<string>;
  /** Class and function names, and plain assignment targets. */
  defined: Set<string>;
  comments: Comment[];
  /** Ranges an autofix of the import or label rules may touch: import statements' full lines, relation arguments. */
  editable: [number, number][];
  relationCalls: RelationCall[];
}

const RELATION_KINDS = new Set(["ForeignKey", "OneToOneField", "ManyToManyField", "ForeignObject"]);

function lineStart(text: string, index: number): number {
  return Math.max(text.lastIndexOf("\n", index - 1), text.lastIndexOf("\r", index - 1)) + 1;
}

function afterLine(text: string, index: number): number {
  let i = index;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  if (text.startsWith("\r\n", i)) return i + 2;
  return i < text.length ? i + 1 : i;
}

export function pythonFacts(input: string): PythonFacts {
  const text = stripBom(input);
  const errors = errorCount(text);
  return withTree(text, (tree) => {
    const bindings: Binding[] = [];
    const used = new Set<string>();
    const defined = new Set<string>();
    const comments: Comment[] = [];
    const editable: [number, number][] = [];
    const relationCalls: RelationCall[] = [];
    for (const node of named(tree.rootNode)) {
      switch (node.type) {
        case "comment":
          comments.push({ text: node.text, row: node.startPosition.row });
          break;
        case "import_from_statement": {
          const moduleNode = node.childForFieldName("module_name");
          const scope = scopeOf(node);
          // The statement's lines, the line break after them and one blank line (a removal may take it).
          let end = afterLine(text, node.endIndex);
          const blank = /^[ \t]*(?:\r\n|\r|\n)/u.exec(text.slice(end));
          if (blank) end += blank[0].length;
          editable.push([lineStart(text, node.startIndex), end]);
          if (!moduleNode || node.hasError) break;
          for (const name of node.childrenForFieldName("name")) {
            if (!name) continue;
            const imported = name.type === "aliased_import" ? name.childForFieldName("name")?.text : name.text;
            const local = name.type === "aliased_import" ? name.childForFieldName("alias")?.text : name.text;
            if (!imported || !local) continue;
            bindings.push({
              scope,
              typeChecking: underTypeChecking(node),
              local,
              imported,
              module: moduleNode.text.replace(/\s+/gu, ""),
              nameRow: name.startPosition.row,
              statementRows: [node.startPosition.row, node.endPosition.row],
            });
          }
          break;
        }
        case "identifier": {
          if (insideImport(node)) break;
          const parent = node.parent;
          const field = parent ? fieldNameOf(parent, node) : null;
          if (parent?.type === "attribute" && field === "attribute") break;
          if (parent?.type === "keyword_argument" && field === "name") break;
          if ((parent?.type === "class_definition" || parent?.type === "function_definition") && field === "name") {
            defined.add(node.text);
            break;
          }
          if (parent?.type === "assignment" && field === "left") {
            defined.add(node.text);
            break;
          }
          used.add(node.text);
          break;
        }
        case "call": {
          const fn = node.childForFieldName("function");
          const last = fn?.text.split(".").pop() ?? "";
          const args = node.childForFieldName("arguments");
          if (!RELATION_KINDS.has(last) || !args || args.type !== "argument_list") break;
          editable.push([args.startIndex, args.endIndex]);
          let target: Node | undefined;
          for (const arg of args.namedChildren) {
            if (!arg || arg.type === "comment") continue;
            if (arg.type === "keyword_argument") {
              if (arg.childForFieldName("name")?.text === "to") {
                target = arg.childForFieldName("value") ?? undefined;
                break;
              }
              continue;
            }
            target ??= arg;
          }
          relationCalls.push({ scope: scopeOf(node), argsRange: [args.startIndex, args.endIndex], ...(target ? { target: target.text, targetType: target.type } : {}) });
          break;
        }
      }
    }
    return { errors, bindings, used, defined, comments, editable, relationCalls };
  });
}

function fieldNameOf(parent: Node, child: Node): string | null {
  for (let i = 0; i < parent.childCount; i++) {
    const candidate = parent.child(i);
    if (candidate && candidate.id === child.id) return parent.fieldNameForChild(i);
  }
  return null;
}
