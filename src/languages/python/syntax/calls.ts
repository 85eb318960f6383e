import { sameNode, type SyntaxNode } from "./node.js";

const IDENTIFIER_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * Every identifier node spelling `name` inside `root`, in document order, found where the text
 * spells the word: no walk of the tree.
 */
export function findIdentifiers<Node extends SyntaxNode>(source: string, root: Node, name: string): Node[] {
  const found: Node[] = [];
  for (let at = source.indexOf(name, root.startIndex); at !== -1 && at + name.length <= root.endIndex; at = source.indexOf(name, at + name.length)) {
    if ((at > 0 && IDENTIFIER_CHARACTER.test(source[at - 1]!)) || IDENTIFIER_CHARACTER.test(source[at + name.length] ?? "")) continue;
    const node = root.descendantForIndex(at, at + name.length);
    if (node?.type === "identifier" && node.startIndex === at && node.endIndex === at + name.length) found.push(node as Node);
  }
  return found;
}

/** The text at `at` spells `name` as a whole word followed by an opening parenthesis (spaces and line continuations aside). */
function spellsCall(source: string, at: number, name: string): boolean {
  if (at > 0 && IDENTIFIER_CHARACTER.test(source[at - 1]!)) return false;
  let next = at + name.length;
  while (next < source.length && /[\s\\]/u.test(source[next]!)) next++;
  return source[next] === "(";
}

/** The call whose function is `name` (an identifier) or ends with it (`models.ForeignKey`). */
function callOfFunctionName(name: SyntaxNode): SyntaxNode | undefined {
  let callee = name;
  let parent = name.parent;
  if (parent?.type === "attribute" && sameNode(parent.childForFieldName("attribute"), name)) {
    callee = parent;
    parent = parent.parent;
  }
  return parent?.type === "call" && sameNode(parent.childForFieldName("function"), callee) ? parent : undefined;
}

/**
 * Every call of a file whose function is one of `names` or an attribute ending with one
 * (`filter(...)`, `qs.filter(...)`), in document order. The calls are found where the source spells
 * the names, so a file without them costs a text search, not a walk of the tree.
 */
export function findCallsNamed<Node extends SyntaxNode>(source: string, root: Node, names: Iterable<string>): Node[] {
  // Keyed by both ends: the calls of a chain (`a.filter(...).order_by(...)`) share their start.
  const calls = new Map<string, SyntaxNode>();
  for (const name of names) {
    for (let at = source.indexOf(name); at !== -1; at = source.indexOf(name, at + name.length)) {
      if (!spellsCall(source, at, name)) continue;
      const node = root.descendantForIndex(at, at + name.length);
      if (node?.type !== "identifier" || node.startIndex !== at || node.endIndex !== at + name.length) continue;
      const call = callOfFunctionName(node);
      if (call) calls.set(`${call.startIndex}:${call.endIndex}`, call);
    }
  }
  return [...calls.values()].sort((a, b) => a.startIndex - b.startIndex || a.endIndex - b.endIndex) as Node[];
}
