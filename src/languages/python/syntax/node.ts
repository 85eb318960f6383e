/**
 * The part of web-tree-sitter's `Node` that the syntax helpers read. Raw tree-sitter nodes (the
 * repository index) and the language's AST nodes (the rules) both have it, so one set of helpers
 * serves both.
 */
export interface SyntaxNode {
  readonly type: string;
  /** UTF-16 offsets into the source text, end exclusive. */
  readonly startIndex: number;
  readonly endIndex: number;
  readonly parent: SyntaxNode | null;
  readonly namedChildren: readonly (SyntaxNode | null)[];
  /** The node is or contains an ERROR or MISSING node. */
  readonly hasError: boolean;
  readonly isMissing: boolean;
  /** True when the node's whole tree is free of errors (known cheaply for the language's nodes; undefined otherwise). */
  readonly inErrorFreeTree?: boolean;
  childForFieldName(name: string): SyntaxNode | null;
  childrenForFieldName(name: string): readonly (SyntaxNode | null)[];
  /** Every descendant of these types, in document order (searched inside tree-sitter). */
  descendantsOfType(types: string | string[]): readonly SyntaxNode[];
  /** The smallest node spanning `[start, end)`. */
  descendantForIndex(start: number, end?: number): SyntaxNode | null;
  /** The first named child that holds `index` or starts after it. */
  firstNamedChildForIndex(index: number): SyntaxNode | null;
}

export function textOf(source: string, node: SyntaxNode): string {
  return source.slice(node.startIndex, node.endIndex);
}

/** Both are the same node of one tree (tree-sitter hands out a new object on every access). */
export function sameNode(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  if (!a || !b) return false;
  return a === b || (a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type);
}

/** An ERROR or MISSING node (tree-sitter's error recovery). */
export function isErrorNode(node: SyntaxNode): boolean {
  return node.type === "ERROR" || node.type === "MISSING" || node.isMissing;
}

/** The node itself or one of its ancestors is an ERROR or MISSING node. */
export function isInsideError(node: SyntaxNode): boolean {
  if (node.inErrorFreeTree) return false;
  for (let current: SyntaxNode | null = node; current; current = current.parent) {
    if (isErrorNode(current)) return true;
  }
  return false;
}

/**
 * Where, among `nodes` (siblings in document order), is the one that holds `[start, end)`; -1 when
 * none does (or a hole in the list is met).
 */
export function indexOfNodeHolding(nodes: readonly (SyntaxNode | null)[], start: number, end: number): number {
  let low = 0;
  let high = nodes.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    const node = nodes[middle];
    if (!node) return -1;
    if (node.startIndex <= start) low = middle;
    else high = middle - 1;
  }
  const node = nodes[low];
  return node && node.startIndex <= start && start < node.endIndex && end <= node.endIndex ? low : -1;
}

/**
 * Named children without the `null` holes tree-sitter's typings allow, comments left out. When
 * there is nothing to leave out (nearly always), this is the node's own array of named children,
 * which both web-tree-sitter and the language keep on the node: not a copy.
 */
export function childNodes(node: SyntaxNode): readonly SyntaxNode[] {
  const children = node.namedChildren;
  let kept = 0;
  for (const child of children) if (child && child.type !== "comment") kept++;
  if (kept === children.length) return children as readonly SyntaxNode[];
  const result = new Array<SyntaxNode>(kept);
  let at = 0;
  for (const child of children) if (child && child.type !== "comment") result[at++] = child;
  return result;
}

/** Every named node below `root` (root included), depth first, in document order, without recursion. */
export function* descendants(root: SyntaxNode, skip?: (node: SyntaxNode) => boolean): Generator<SyntaxNode> {
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    if (skip?.(node)) continue;
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
}

/** The expression an expression statement holds (`x = 1`, `f()`); undefined for any other statement. */
export function expressionOf(statement: SyntaxNode): SyntaxNode | undefined {
  return statement.type === "expression_statement" ? childNodes(statement)[0] : undefined;
}
