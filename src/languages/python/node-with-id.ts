import type { Node } from "web-tree-sitter";

/**
 * The node with this id and range at or below `from`: the smallest node spanning the range is
 * the node itself or a descendant with the same range, so the node is on the way down to it.
 */
export function nodeWithId(from: Node, id: number, startIndex: number, endIndex: number): Node | undefined {
  if (from.id === id) return from;
  const smallest = from.descendantForIndex(startIndex, endIndex - 1);
  if (!smallest || smallest.id === id) return smallest ?? undefined;
  for (let current: Node | null = from; current; current = current.childWithDescendant(smallest)) {
    if (current.id === id) return current;
    if (current.id === smallest.id) break;
  }
  return undefined;
}
