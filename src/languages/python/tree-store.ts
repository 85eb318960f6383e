import { Edit, type Parser, type Point, type Tree } from "web-tree-sitter";
import { LiveTree } from "./ast.js";

/** How much source the kept trees (of files parsed more than once) may cover; the file parsed last keeps its tree regardless. */
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

/** How many paths the store remembers having parsed once (a path beyond that counts as new). */
const REMEMBERED_PATHS = 10_000;

/**
 * The trees of the files parsed last, by path. A file parsed again (the next keystroke in the
 * editor, the next `--fix` pass) is re-parsed incrementally from its previous tree, which
 * tree-sitter does in a fraction of a full parse. A tree is kept past the next file's parse only
 * for a file parsed more than once: a command-line run parses each file once, and keeping those
 * trees would only grow tree-sitter's memory (which never shrinks). Kept trees are deleted, oldest
 * first, once they cover more than a few hundred KB of source. Only the file parsed last has its
 * syntax nodes (its `LiveTree`): ESLint is done with a file's nodes when it parses the next file,
 * and keeping them would keep every node a rule read in the JavaScript heap. A retired file's nodes
 * also let go of one another: ESLint's per-file context (the prototype of each rule's context, so
 * referred to by maps in V8's old generation) keeps the file's source code, and so its root node,
 * reachable until the next full collection, and young-generation collections would otherwise copy
 * every node the root reaches into the old generation.
 */
export class TreeStore {
  #kept = new Map<string, Kept>();
  #keptText = 0;
  /** Paths parsed once, oldest first: parsing one again makes its tree one to keep. */
  #seen = new Set<string>();
  #current: { path: string; kept: Kept; live: LiveTree } | undefined;

  parse(parser: Parser, path: string, text: string): LiveTree | null {
    const current = this.#current;
    this.#current = undefined;
    current?.live.retire();
    const previous = this.#kept.get(path) ?? (current?.path === path ? current.kept : undefined);
    // The last file's tree goes before the parse when nothing keeps it, so tree-sitter's memory holds one tree at a time.
    if (current && current.path !== path && !this.#keeps(current.path, current.kept)) current.kept.tree.delete();
    let tree: Tree | null;
    try {
      tree = previous ? this.#reparse(parser, previous, text) : parser.parse(text);
    } finally {
      if (previous && !this.#keeps(path, previous)) previous.tree.delete();
    }
    if (!tree) return null;
    const kept = { text, tree };
    const live = new LiveTree(tree, text.length);
    this.#current = { path, kept, live };
    if (previous || this.#seen.has(path)) this.#keep(path, kept);
    else this.#remember(path);
    return live;
  }

  /** The store keeps this tree of `path` past the next parse (else it is deleted once done with). */
  #keeps(path: string, entry: Kept): boolean {
    return this.#kept.get(path) === entry;
  }

  #reparse(parser: Parser, previous: Kept, text: string): Tree | null {
    const old = previous.tree.copy();
    try {
      old.edit(editBetween(previous.text, text));
      return parser.parse(text, old);
    } finally {
      old.delete();
    }
  }

  #remember(path: string): void {
    this.#seen.add(path);
    if (this.#seen.size > REMEMBERED_PATHS) this.#seen.delete(this.#seen.values().next().value!);
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

  /** Deletes every tree. */
  clear(): void {
    const current = this.#current;
    this.#current = undefined;
    current?.live.retire();
    if (current && !this.#keeps(current.path, current.kept)) current.kept.tree.delete();
    for (const entry of this.#kept.values()) entry.tree.delete();
    this.#kept.clear();
    this.#keptText = 0;
    this.#seen.clear();
  }
}
