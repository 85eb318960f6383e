import type { Tree } from "web-tree-sitter";

/**
 * A named tree-sitter node copied into plain JS. Anonymous tokens (`(`, `,`, keywords)
 * are not kept: rules read their text through ranges. `type` is tree-sitter's node type
 * (`module`, `class_definition`, `call`, `keyword_argument`, `ERROR`, ...).
 */
export interface PyNode {
  type: string;
  /** UTF-16 offsets into the source text, end exclusive (as ESLint expects). */
  range: [number, number];
  /** The field name this node has in its parent (`name`, `body`, `function`, `arguments`...), or null. */
  field: string | null;
  children: PyNode[];
  parent: PyNode | null;
  /** The node is an ERROR/MISSING node or contains one. */
  hasError: boolean;
}

export interface PyComment extends PyNode {
  type: "comment";
}

export interface ConvertedTree {
  ast: PyNode;
  comments: PyComment[];
}

/**
 * Walks the tree once with a TreeCursor (one WASM call per step, no per-node wrapper
 * objects from web-tree-sitter) and copies the named nodes.
 */
export function convertTree(tree: Tree, textLength: number): ConvertedTree {
  const cursor = tree.walk();
  const root: PyNode = {
    type: "module",
    // The module node of tree-sitter starts at the first token; ESLint wants the whole file.
    range: [0, textLength],
    field: null,
    children: [],
    parent: null,
    hasError: tree.rootNode.hasError,
  };
  const comments: PyComment[] = [];
  const stack: PyNode[] = [root];
  try {
    if (!cursor.gotoFirstChild()) return { ast: root, comments };
    for (;;) {
      const parent = stack[stack.length - 1]!;
      let current = parent;
      if (cursor.nodeIsNamed || cursor.nodeIsMissing) {
        const type = cursor.nodeType;
        const isError = type === "ERROR" || cursor.nodeIsMissing;
        current = {
          type: cursor.nodeIsMissing ? "MISSING" : type,
          range: [cursor.startIndex, cursor.endIndex],
          field: cursor.currentFieldName,
          children: [],
          parent,
          hasError: isError,
        };
        parent.children.push(current);
        if (type === "comment") comments.push(current as PyComment);
        if (isError) markErrorAncestors(parent);
      }
      if (cursor.gotoFirstChild()) {
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
