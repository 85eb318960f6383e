import { Edit, type Parser, type Point, type Tree } from "web-tree-sitter";
import { LiveTree } from "./ast.js";

/** How much source the kept trees may cover; the most recent file is always kept. */
const KEPT_TEXT = 512 * 1024;

interface Kept {
  text: string;
  tree: Tree;
}

/** Row and column (UTF-16 units, as web-tree-sitter counts) of an offset. */
function pointAt(text: string, offset: number): Point {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  let row = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) row++;
  return { row, column: offset - lineStart };
}

/** The edit that turns `before` into `after`: the span between their common prefix and suffix. */
export function editBetween(before: string, after: string): Edit {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < limit - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEndIndex = before.length - suffix;
  const newEndIndex = after.length - suffix;
  return new Edit({
    startIndex: start,
    oldEndIndex,
    newEndIndex,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEndIndex),
    newEndPosition: pointAt(after, newEndIndex),
  });
}

/**
 * The trees of the files parsed last, by path. A file parsed again (the next keystroke in the
 * editor, the next `--fix` pass) is re-parsed incrementally from its previous tree, which
 * tree-sitter does in a fraction of a full parse. Older trees are deleted once the kept ones
 * cover more than a few MB of source: ESLint lints one file at a time, so a tree is done with
 * long before that. Only the file parsed last has its syntax nodes (its `LiveTree`): ESLint is done
 * with a file's nodes when it parses the next file, and keeping them would keep every node a rule
 * read in the JavaScript heap.
 */
export class TreeStore {
  #kept = new Map<string, Kept>();
  #keptText = 0;
  #current: LiveTree | undefined;

  parse(parser: Parser, path: string, text: string): LiveTree | null {
    const previous = this.#kept.get(path);
    let tree: Tree | null;
    if (previous) {
      const old = previous.tree.copy();
      try {
        old.edit(editBetween(previous.text, text));
        tree = parser.parse(text, old);
      } finally {
        old.delete();
      }
    } else {
      tree = parser.parse(text);
    }
    if (!tree) return null;
    this.#current?.retire();
    this.#current = new LiveTree(tree, text.length);
    this.#keep(path, { text, tree });
    return this.#current;
  }

  #keep(path: string, kept: Kept): void {
    const previous = this.#kept.get(path);
    if (previous) {
      this.#kept.delete(path);
      this.#keptText -= previous.text.length;
      previous.tree.delete();
    }
    this.#kept.set(path, kept);
    this.#keptText += kept.text.length;
    for (const [oldest, entry] of this.#kept) {
      if (this.#keptText <= KEPT_TEXT || entry === kept) break;
      this.#kept.delete(oldest);
      this.#keptText -= entry.text.length;
      entry.tree.delete();
    }
  }

  /** Deletes every kept tree. */
  clear(): void {
    this.#current?.retire();
    this.#current = undefined;
    for (const entry of this.#kept.values()) entry.tree.delete();
    this.#kept.clear();
    this.#keptText = 0;
  }
}
