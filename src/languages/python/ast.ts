import type { Node, Tree } from "web-tree-sitter";
import type { SyntaxNode } from "./syntax/node.js";

/**
 * The tree-sitter tree of one parsed file, alive as long as the language keeps it (see
 * `TreeStore`), and the one `PyNode` of each of its nodes. Nodes are made on first access: a
 * rule that reads ten nodes of a 20,000-line file costs ten nodes, not the whole tree.
 */
export class LiveTree {
  readonly tree: Tree;
  readonly root: PyNode;
  /** The tree holds an ERROR or MISSING node somewhere (MISSING nodes are looked for only then). */
  readonly hasErrors: boolean;
  #nodes = new Map<number, PyNode>();
  #released = false;

  constructor(tree: Tree, textLength: number) {
    this.tree = tree;
    const rootNode = tree.rootNode;
    this.hasErrors = rootNode.hasError;
    // tree-sitter's module starts at the first token; ESLint wants the whole file.
    this.root = new PyNode(this, rootNode, "module", 0, textLength, null);
    this.#nodes.set(rootNode.id, this.root);
  }

  /** The PyNode of a tree-sitter node of this tree (always the same object for the same node). */
  wrap(node: Node): PyNode {
    let wrapped = this.#nodes.get(node.id);
    if (!wrapped) {
      const type = this.hasErrors && node.isMissing ? "MISSING" : node.type;
      wrapped = new PyNode(this, node, type, node.startIndex, node.endIndex, undefined);
      this.#nodes.set(node.id, wrapped);
    }
    return wrapped;
  }

  wrapAll(nodes: readonly (Node | null)[]): PyNode[] {
    const result: PyNode[] = [];
    for (const node of nodes) if (node) result.push(this.wrap(node));
    return result;
  }

  /** The tree-sitter node behind a PyNode, while the tree is alive. */
  nodeOf(node: Node): Node {
    if (this.#released) throw new Error("posthog-products: a Python syntax node was read after its file's tree was released.");
    return node;
  }

  get released(): boolean {
    return this.#released;
  }

  /** Frees the tree's memory; nodes already read keep their type, range and what they cached. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#nodes.clear();
    this.tree.delete();
  }
}

/**
 * A named node of a Python file's tree-sitter tree. `type` is tree-sitter's node type
 * (`module`, `class_definition`, `call`, `keyword_argument`, `ERROR`, `MISSING`...). Anonymous
 * tokens (`(`, `,`, keywords) are not nodes here: rules read their text through ranges. It has the
 * part of tree-sitter's node API that the syntax layer reads ({@link SyntaxNode}); children,
 * parents and fields are read from the tree when first asked for.
 */
export class PyNode implements SyntaxNode {
  readonly type: string;
  /** UTF-16 offsets into the source text, end exclusive. */
  readonly startIndex: number;
  readonly endIndex: number;
  #live: LiveTree;
  #node: Node;
  #parent: PyNode | null | undefined;
  #children: PyNode[] | undefined;
  #hasError: boolean | undefined;

  constructor(live: LiveTree, node: Node, type: string, startIndex: number, endIndex: number, parent: PyNode | null | undefined) {
    this.#live = live;
    this.#node = node;
    this.type = type;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.#parent = parent;
  }

  private get node(): Node {
    return this.#live.nodeOf(this.#node);
  }

  /** `[startIndex, endIndex]`, as ESLint expects. */
  get range(): [number, number] {
    return [this.startIndex, this.endIndex];
  }

  get parent(): PyNode | null {
    if (this.#parent === undefined) {
      const parent = this.node.parent;
      this.#parent = parent ? this.#live.wrap(parent) : null;
    }
    return this.#parent;
  }

  /** The named children, comments included. */
  get children(): PyNode[] {
    if (!this.#children) {
      this.#children = this.#live.wrapAll(this.node.namedChildren);
      for (const child of this.#children) child.#parent ??= this;
    }
    return this.#children;
  }

  get namedChildren(): PyNode[] {
    return this.children;
  }

  /** The node is an ERROR or MISSING node or contains one. */
  get hasError(): boolean {
    this.#hasError ??= this.#live.hasErrors && (this.type === "ERROR" || this.type === "MISSING" || this.node.hasError);
    return this.#hasError;
  }

  get inErrorFreeTree(): boolean {
    return !this.#live.hasErrors;
  }

  get isMissing(): boolean {
    return this.type === "MISSING";
  }

  childForFieldName(name: string): PyNode | null {
    const child = this.node.childForFieldName(name);
    return child ? this.#live.wrap(child) : null;
  }

  childrenForFieldName(name: string): PyNode[] {
    return this.#live.wrapAll(this.node.childrenForFieldName(name));
  }

  /** Every descendant of these types, in document order (searched inside tree-sitter, not node by node). */
  descendantsOfType(types: string | string[]): PyNode[] {
    return this.#live.wrapAll(this.node.descendantsOfType(types));
  }

  /** The smallest node that spans `[start, end)`. */
  descendantForIndex(start: number, end = start + 1): PyNode | null {
    const found = this.node.descendantForIndex(start, Math.max(start, end - 1));
    return found ? this.#live.wrap(found) : null;
  }
}

export interface PyComment extends PyNode {
  type: "comment";
}
