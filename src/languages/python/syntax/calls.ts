import { isNameCharacterAt, isNameCharacterBefore } from "./names.js";
import type { SyntaxNode } from "./node.js";
import { wordOffsets } from "./words.js";

/**
 * Every identifier node spelling `name` inside `root`, in document order, found where the text
 * spells the word: no walk of the tree.
 */
export function findIdentifiers<Node extends SyntaxNode>(source: string, root: Node, name: string): Node[] {
  const found: Node[] = [];
  for (let at = source.indexOf(name, root.startIndex); at !== -1 && at + name.length <= root.endIndex; at = source.indexOf(name, at + name.length)) {
    if (isNameCharacterBefore(source, at) || isNameCharacterAt(source, at + name.length)) continue;
    const node = root.descendantForIndex(at, at + name.length);
    if (node?.type === "identifier" && node.startIndex === at && node.endIndex === at + name.length) found.push(node as Node);
  }
  return found;
}

/**
 * Where the opening parenthesis is when the text at `at` spells `name` as a whole word followed by
 * one (spaces and line continuations aside); -1 otherwise.
 */
function parenthesisAfterName(source: string, at: number, name: string): number {
  if (isNameCharacterBefore(source, at)) return -1;
  let next = at + name.length;
  while (next < source.length && /[\s\\]/u.test(source[next]!)) next++;
  return source[next] === "(" ? next : -1;
}

/**
 * The call whose function is the word `name` at `at` (an identifier) or an attribute ending with it
 * (`models.ForeignKey`), and whose arguments open at `parenthesis`: the smallest node spanning the
 * word and the parenthesis with the character after it is that call, when there is one. A function
 * that ends where the whole word ends is the word itself or an attribute whose last name it is.
 */
function callAt(root: SyntaxNode, at: number, name: string, parenthesis: number): SyntaxNode | undefined {
  const call = root.descendantForIndex(at, parenthesis + 2);
  return call?.type === "call" && call.childForFieldName("function")?.endIndex === at + name.length ? call : undefined;
}

/**
 * Finds, for less than a search of the tree, the call {@link callAt} would find, where the caller
 * knows where its calls usually are; undefined elsewhere.
 */
type CallFinder = (at: number, name: string, parenthesis: number) => SyntaxNode | undefined;

/** Where the text spells each of `names`, as `[offset, name]` pairs in the order of the text. */
function nameOffsets(source: string, names: readonly string[]): [number, string][] {
  const found: [number, string][] = [];
  for (const name of names) for (const at of wordOffsets(source, name)) found.push([at, name]);
  return names.length > 1 ? found.sort((a, b) => a[0] - b[0]) : found;
}

/**
 * Every call of a file whose function is one of `names` (Python names) or an attribute ending with
 * one (`filter(...)`, `qs.filter(...)`), each once, in the order their names appear in the text.
 * The calls are found where the source spells the names, so a file without them costs a text
 * search, not a walk of the tree.
 */
export function* callsNamed<Node extends SyntaxNode>(source: string, root: Node, names: readonly string[], findFirst?: CallFinder): Generator<Node> {
  // Keyed by both ends: the calls of a chain (`a.filter(...).order_by(...)`) share their start.
  const seen = new Set<number>();
  for (const [at, name] of nameOffsets(source, names)) {
    const parenthesis = parenthesisAfterName(source, at, name);
    if (parenthesis === -1) continue;
    const call = findFirst?.(at, name, parenthesis) ?? callAt(root, at, name, parenthesis);
    if (!call) continue;
    const key = call.startIndex * (source.length + 1) + call.endIndex;
    if (seen.has(key)) continue;
    seen.add(key);
    yield call as Node;
  }
}

/** {@link callsNamed}, in document order. */
export function findCallsNamed<Node extends SyntaxNode>(source: string, root: Node, names: readonly string[]): Node[] {
  return [...callsNamed(source, root, names)].sort((a, b) => a.startIndex - b.startIndex || a.endIndex - b.endIndex);
}
