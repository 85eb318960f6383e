import type { Language, Tree } from "web-tree-sitter";
import type { SyntaxNode } from "./syntax/node.js";

/**
 * A named tree-sitter node copied into plain JS. Anonymous tokens (`(`, `,`, keywords)
 * are not kept: rules read their text through ranges. `type` is tree-sitter's node type
 * (`module`, `class_definition`, `call`, `keyword_argument`, `ERROR`, `MISSING`...).
 * It has the part of tree-sitter's node API that the syntax layer reads ({@link SyntaxNode}).
 */
export class PyNode implements SyntaxNode {
  type: string;
  /** UTF-16 offsets into the source text, end exclusive (as ESLint expects). */
  range: [number, number];
  /** The field name this node has in its parent (`name`, `body`, `function`, `arguments`...), or null. */
  field: string | null;
  children: PyNode[] = [];
  parent: PyNode | null;
  /** The node is an ERROR/MISSING node or contains one. */
  hasError: boolean;

  constructor(type: string, range: [number, number], field: string | null, parent: PyNode | null, hasError: boolean) {
    this.type = type;
    this.range = range;
    this.field = field;
    this.parent = parent;
    this.hasError = hasError;
  }

  get startIndex(): number {
    return this.range[0];
  }

  get endIndex(): number {
    return this.range[1];
  }

  get namedChildren(): PyNode[] {
    return this.children;
  }

  get isMissing(): boolean {
    return this.type === "MISSING";
  }

  childForFieldName(name: string): PyNode | null {
    return this.children.find((child) => child.field === name) ?? null;
  }

  childrenForFieldName(name: string): PyNode[] {
    return this.children.filter((child) => child.field === name);
  }
}

export interface PyComment extends PyNode {
  type: "comment";
}

export interface ConvertedTree {
  ast: PyNode;
  comments: PyComment[];
}

/** Per grammar symbol id: its type name and whether it is a named node (one lookup, no WASM call). */
interface SymbolTable {
  types: string[];
  named: boolean[];
  fields: (string | null)[];
}

const symbolTables = new WeakMap<Language, SymbolTable>();

function symbolTableOf(language: Language): SymbolTable {
  let table = symbolTables.get(language);
  if (!table) {
    const types: string[] = [];
    const named: boolean[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) {
      types.push(language.types[id] || "ERROR");
      named.push(language.nodeTypeIsNamed(id));
    }
    table = { types, named, fields: language.fields.map((field) => field ?? null) };
    symbolTables.set(language, table);
  }
  return table;
}

/**
 * Walks the tree once with a TreeCursor and copies the named nodes. Every cursor getter
 * is a WASM call that marshals the cursor, so each node costs as few as possible: the
 * symbol id gives type and named-ness, and MISSING nodes are looked for only in trees
 * that have an error.
 */
export function convertTree(tree: Tree, textLength: number): ConvertedTree {
  const { types, named, fields } = symbolTableOf(tree.language);
  const treeHasError = tree.rootNode.hasError;
  const cursor = tree.walk();
  // The module node of tree-sitter starts at the first token; ESLint wants the whole file.
  const root = new PyNode("module", [0, textLength], null, null, treeHasError);
  const comments: PyComment[] = [];
  const stack: PyNode[] = [root];
  try {
    if (!cursor.gotoFirstChild()) return { ast: root, comments };
    for (;;) {
      const parent = stack[stack.length - 1]!;
      let current = parent;
      const typeId = cursor.nodeTypeId;
      const isMissing = treeHasError && cursor.nodeIsMissing;
      // ERROR's symbol id (65535) is outside the table; it is a named node.
      const type = types[typeId] ?? "ERROR";
      if (isMissing || (named[typeId] ?? true)) {
        const isError = isMissing || type === "ERROR";
        current = new PyNode(isMissing ? "MISSING" : type, [cursor.startIndex, cursor.endIndex], fields[cursor.currentFieldId] ?? null, parent, isError);
        parent.children.push(current);
        if (type === "comment") comments.push(current as PyComment);
        if (isError) markErrorAncestors(parent);
      }
      // Anonymous nodes (tokens, `is not`) have no named descendants (node-types.json), so in a
      // tree without errors the cursor need not look inside them: one WASM call less per token.
      const mayHaveNamedChildren = current !== parent || treeHasError;
      if (mayHaveNamedChildren && cursor.gotoFirstChild()) {
        stack.push(current);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return { ast: root, comments };
        stack.pop();
        if (stack.length === 0) return { ast: root, comments };
      }
    }
  } finally {
    cursor.delete();
  }
}

function markErrorAncestors(node: PyNode | null): void {
  while (node && !node.hasError) {
    node.hasError = true;
    node = node.parent;
  }
}
