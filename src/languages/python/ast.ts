import type { Node, Tree } from "web-tree-sitter";
import { indexOfNodeHolding, type SyntaxNode } from "./syntax/node.js";
import { DIRECT_FIELDS } from "./direct-fields.js";
import { nodeWithId } from "./node-with-id.js";
import { Recent } from "./recent.js";

/**
 * How many nodes keep their tree-sitter node object (about 300 bytes of heap, more with the
 * children it caches) at once. Keeping every read node's object for its whole file moved a large
 * models file's into V8's old generation. The most recently read nodes keep theirs (children and
 * fields are mostly read right after a node is found); older ones find theirs again (`find`). On
 * the bench's tree, 16 rather than 64 costs 0.3% more calls into web-tree-sitter and moves about
 * 10% less into the old generation.
 */
const RECENT_NODES = 16;

let forgetTreeSitterNode: (node: PyNode) => void;
let releaseNode: (node: PyNode) => void;
let keepTreeSitterNode: (node: PyNode, treeSitterNode: Node) => void;

/**
 * The tree-sitter tree of one parsed file while it is the file being linted (see `TreeStore`), and
 * the one `PyNode` of each of its nodes. Nodes are made on first access: a rule that reads ten
 * nodes of a 20,000-line file costs ten nodes, not the whole tree.
 */
export class LiveTree {
  readonly tree: Tree;
  readonly root: PyNode;
  /** The tree holds an ERROR or MISSING node somewhere (MISSING nodes are looked for only then). */
  readonly hasErrors: boolean;
  readonly #rootNode: Node;
  #nodes = new Map<number, PyNode>();
  /** The root's named children for `topLevelAt`, in objects of their own (see `rootChildren`). */
  #topLevel: Node[] | undefined;
  /** The nodes that keep their tree-sitter node. */
  #recent = new Recent<PyNode>(RECENT_NODES, (node) => forgetTreeSitterNode(node));
  #released = false;

  constructor(tree: Tree, textLength: number) {
    this.tree = tree;
    const rootNode = tree.rootNode;
    this.#rootNode = rootNode;
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
      this.holding(wrapped);
    } else {
      keepTreeSitterNode(wrapped, node);
    }
    return wrapped;
  }

  /** An array of the exact size: most nodes have one to four children, and an array grown by `push` reserves room for seventeen. */
  wrapAll(nodes: readonly (Node | null)[]): PyNode[] {
    const result = new Array<PyNode>(nodes.length);
    let count = 0;
    for (const node of nodes) if (node) result[count++] = this.wrap(node);
    result.length = count;
    return result;
  }

  /** Records that `node` now keeps its tree-sitter node; the oldest holder beyond the limit lets go of its own. */
  holding(node: PyNode): void {
    if (node === this.root || node.startIndex === node.endIndex) return; // never let go (see `find`)
    this.#recent.add(node);
  }

  /** The tree-sitter node with this id and range, found again from the top-level statement that holds it. */
  find(id: number, startIndex: number, endIndex: number): Node {
    const found = nodeWithId(this.topLevelAt(startIndex, endIndex) ?? this.#rootNode, id, startIndex, endIndex);
    if (!found) throw new Error(`posthog-products: the Python syntax node at ${startIndex}-${endIndex} was not found again in its tree.`);
    return found;
  }

  /** New objects of the root's named children: web-tree-sitter caches children on a node's object, and one kept for the file would keep all read below it. */
  rootChildren(): Node[] {
    this.assertAlive();
    return this.tree.rootNode.namedChildren.filter((child): child is Node => child !== null);
  }

  /** The tree-sitter node of the top-level statement holding the range: tree-sitter searches down from the node asked, a child at a time; this skips the other statements. */
  topLevelAt(startIndex: number, endIndex: number): Node | undefined {
    this.assertAlive();
    const at = indexOfNodeHolding(this.root.children, startIndex, endIndex);
    return at === -1 ? undefined : (this.#topLevel ??= this.rootChildren())[at];
  }

  assertAlive(): void {
    if (this.#released) throw new Error("posthog-products: a Python syntax node was read after its file's tree was released.");
  }

  get released(): boolean {
    return this.#released;
  }

  /**
   * Ends the nodes' reading of the tree (`TreeStore` deletes it later). Nodes keep their type and
   * range and let go of the nodes they had read, which the root would keep alive for as long as
   * ESLint keeps the file's source code (see `TreeStore`).
   */
  retire(): void {
    this.#released = true;
    for (const node of this.#nodes.values()) releaseNode(node);
    this.#nodes.clear();
    this.#topLevel = undefined;
    this.#recent.clear();
  }
}

/**
 * A named node of a Python file's tree-sitter tree. `type` is tree-sitter's node type (`module`,
 * `class_definition`, `call`, `ERROR`, `MISSING`...). Anonymous tokens (`(`, `,`, keywords) are not
 * nodes here: rules read their text through ranges. It has the part of tree-sitter's node API the
 * syntax layer reads ({@link SyntaxNode}); children, parents and fields are read when first asked.
 */
export class PyNode implements SyntaxNode {
  readonly type: string;
  /** UTF-16 offsets into the source text, end exclusive. */
  readonly startIndex: number;
  readonly endIndex: number;
  #live: LiveTree;
  #id: number;
  /** Only while the node is among the tree's recently read ones (see `RECENT_NODES`). */
  #node: Node | undefined;
  #parent: PyNode | null | undefined;
  #children: PyNode[] | undefined;
  /** The fields read so far: name, node, name, node... (a node is read by several rules). */
  #fields: (string | PyNode | null)[] | undefined;
  #hasError: boolean | undefined;

  static {
    forgetTreeSitterNode = (node) => {
      node.#node = undefined;
    };
    releaseNode = (node) => {
      node.#node = node.#parent = node.#children = node.#fields = undefined;
    };
    keepTreeSitterNode = (node, treeSitterNode) => {
      if (node.#node) return;
      node.#node = treeSitterNode;
      node.#live.holding(node);
    };
  }

  constructor(live: LiveTree, node: Node, type: string, startIndex: number, endIndex: number, parent: PyNode | null | undefined) {
    this.#live = live;
    this.#id = node.id;
    this.#node = node;
    this.type = type;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.#parent = parent;
  }

  private get node(): Node {
    this.#live.assertAlive();
    if (!this.#node) {
      this.#node = this.#live.find(this.#id, this.startIndex, this.endIndex);
      this.#live.holding(this);
    }
    return this.#node;
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
      this.#children = this.#live.wrapAll(this === this.#live.root ? this.#live.rootChildren() : this.node.namedChildren);
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
    const fields = this.#fields;
    if (fields) for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1] as PyNode | null;
    const child = this.node.childForFieldName(name);
    const wrapped = child ? this.#live.wrap(child) : null;
    if (wrapped && DIRECT_FIELDS[this.type]?.has(name)) wrapped.#parent ??= this;
    // Arrays of the exact size: a node has one to three fields read, and a spread or pushed-to array reserves room for sixteen.
    this.#fields = !fields ? [name, wrapped] : fields.length === 2 ? [fields[0]!, fields[1]!, name, wrapped] : fields.concat(name, wrapped);
    return wrapped;
  }

  childrenForFieldName(name: string): PyNode[] {
    const children = this.#live.wrapAll(this.node.childrenForFieldName(name));
    if (DIRECT_FIELDS[this.type]?.has(name)) for (const child of children) child.#parent ??= this;
    return children;
  }

  /** The first named child that holds `index` or starts after it (a child: it learns its parent). */
  firstNamedChildForIndex(index: number): PyNode | null {
    const child = this.node.firstNamedChildForIndex(index);
    const wrapped = child ? this.#live.wrap(child) : null;
    if (wrapped) wrapped.#parent ??= this;
    return wrapped;
  }

  /** Every descendant of these types, in document order (searched inside tree-sitter, not node by node). */
  descendantsOfType(types: string | string[]): PyNode[] {
    return this.#live.wrapAll(this.node.descendantsOfType(types));
  }

  /** The smallest node that spans `[start, end)`. */
  descendantForIndex(start: number, end = start + 1): PyNode | null {
    const from = this === this.#live.root ? this.#live.topLevelAt(start, Math.max(start + 1, end)) : undefined;
    const found = (from ?? this.node).descendantForIndex(start, Math.max(start, end - 1));
    return found ? this.#live.wrap(found) : null;
  }
}
