import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Parser, Tree } from "web-tree-sitter";
import { getPythonParser } from "../../src/languages/python/tree-sitter.js";
import { loadGrammar, parserFor } from "../../src/languages/tree-sitter.js";
import { editBetween, TreeStore } from "../../src/languages/python/tree-store.js";
import type { PyNode } from "../../src/languages/python/ast.js";
import { retainedHeapBytes } from "../support/heap.js";

const SAMPLE = [
  "from django.db import models",
  "",
  "",
  "class Run(models.Model):",
  '    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)',
  '    name = models.CharField(max_length=400)  # "名前" 😀',
  "",
  "    def describe(self):\r",
  "        return f\"{self.name}\"",
  "",
].join("\n");

const fullParse = (text: string): string => {
  const tree = getPythonParser().parse(text)!;
  try {
    return tree.rootNode.toString();
  } finally {
    tree.delete();
  }
};

describe("editBetween", () => {
  it("spans the changed text between the common prefix and suffix, with rows and columns", () => {
    const edit = editBetween("a = 1\nb = 2\n", "a = 1\nbc = 2\n");
    expect({ ...edit }).toMatchObject({
      startIndex: 7,
      oldEndIndex: 7,
      newEndIndex: 8,
      startPosition: { row: 1, column: 1 },
      oldEndPosition: { row: 1, column: 1 },
      newEndPosition: { row: 1, column: 2 },
    });
    expect({ ...editBetween("x = 1\n", "x = 1\n") }).toMatchObject({ startIndex: 6, oldEndIndex: 6, newEndIndex: 6 });
    expect({ ...editBetween("aaaa", "aa") }).toMatchObject({ startIndex: 2, oldEndIndex: 4, newEndIndex: 2 });
  });
});

describe("TreeStore", () => {
  it("re-parses a file incrementally into the tree a full parse gives, for any edit", () => {
    const store = new TreeStore();
    const edits = fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.constantFrom("", "x", "\n", "    ", "(", '"', "Key", "日本", "\r\n", "# c\n", "class B:\n") }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(edits, (steps) => {
        let text = SAMPLE;
        store.parse(getPythonParser(), "models.py", text);
        for (const { at, remove, insert } of steps) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + remove));
          const live = store.parse(getPythonParser(), "models.py", text)!;
          expect(live.tree.rootNode.toString()).toBe(fullParse(text));
          expect(live.root.range).toEqual([0, text.length]);
        }
      }),
      { numRuns: 150 },
    );
    store.clear();
  });

  it("releases older trees: a node keeps its type and range, and reading anything more says so", () => {
    const store = new TreeStore();
    const first = store.parse(getPythonParser(), "a.py", "import os\nx = f(1)\n")!;
    const [statement, assignment] = first.root.children;
    expect(assignment!.children.map((child) => child.type)).toEqual(["assignment"]);
    store.parse(getPythonParser(), "a.py", "import os\nx = f(2)\n");
    expect(first.released).toBe(true);
    expect(statement!.type).toBe("import_statement");
    expect(statement!.range).toEqual([0, 9]);
    const released = "a Python syntax node was read after its file's tree was released";
    expect(() => statement!.children).toThrow(released);
    expect(() => assignment!.children).toThrow(released);
    expect(() => first.root.children).toThrow(released);
    expect(() => assignment!.parent).toThrow(released);
    store.clear();
  });

  it("a root kept past its file's release keeps none of the nodes read below it", () => {
    const store = new TreeStore();
    const text = Array.from({ length: 2000 }, (_, i) => `value_${i} = call(${i}, key=[${i}, "${i}"])\n`).join("");
    const readAll = (node: PyNode): number => node.children.reduce((count, child) => count + readAll(child), 1);
    const { bytes, value } = retainedHeapBytes(() => {
      const live = store.parse(getPythonParser(), "big.py", text)!;
      const read = readAll(live.root);
      store.parse(getPythonParser(), "next.py", "y = 1\n");
      // ESLint keeps a linted file's source code, and so its root, past the file.
      return { root: live.root, read };
    });
    expect(value.read).toBeGreaterThan(20_000);
    expect(value.root.type).toBe("module");
    // The 20,000 nodes read cost about 4.7 MB; the root and its released tree about 0.4 MB.
    expect(bytes).toBeLessThan(1_048_576);
    store.clear();
  });

  /** A parser that records whether each parse was incremental, and which of its trees were deleted. */
  function spyParser() {
    const parser = getPythonParser();
    const incremental: boolean[] = [];
    const deleted = new Set<Tree>();
    /** How many of its trees were deleted when each parse began. */
    const deletedBeforeParse: number[] = [];
    const trees: Tree[] = [];
    const spy = {
      parse: (text: string, old?: Tree | null) => {
        incremental.push(Boolean(old));
        deletedBeforeParse.push(deleted.size);
        const tree = parser.parse(text, old)!;
        const remove = tree.delete.bind(tree);
        tree.delete = () => (deleted.add(tree), remove());
        trees.push(tree);
        return tree;
      },
    } as unknown as Parser;
    return { spy, incremental, deleted, deletedBeforeParse, trees };
  }

  it("keeps syntax nodes for the file parsed last only", () => {
    const store = new TreeStore();
    const { spy } = spyParser();
    const a = store.parse(spy, "a.py", "import os\nx = f(1)\n")!;
    const [statement] = a.root.children;
    const b = store.parse(spy, "b.py", "y = 2\n")!;
    expect(a.released).toBe(true);
    expect(b.released).toBe(false);
    expect(statement!.range).toEqual([0, 9]);
    expect(() => statement!.children).toThrow("a Python syntax node was read after its file's tree was released");
    store.clear();
    expect(b.released).toBe(true);
  });

  it("deletes the tree of a file parsed once before parsing the next file", () => {
    const store = new TreeStore();
    const { spy, incremental, deleted, deletedBeforeParse, trees } = spyParser();
    store.parse(spy, "a.py", "x = 1\n");
    store.parse(spy, "b.py", "y = 2\n");
    store.parse(spy, "c.py", "z = 3\n");
    expect(deletedBeforeParse).toEqual([0, 1, 2]);
    expect(deleted.has(trees[0]!)).toBe(true);
    expect(deleted.has(trees[1]!)).toBe(true);
    expect(deleted.has(trees[2]!)).toBe(false);
    expect(incremental).toEqual([false, false, false]);
    store.clear();
    expect(deleted.has(trees[2]!)).toBe(true);
  });

  it("re-parses the file parsed last incrementally, and keeps the tree of a file parsed again across other files", () => {
    const store = new TreeStore();
    const { spy, incremental, deleted, trees } = spyParser();
    store.parse(spy, "a.py", "import os\nx = f(1)\n");
    store.parse(spy, "a.py", "import os\nx = f(12)\n");
    expect(deleted.has(trees[0]!)).toBe(true);
    store.parse(spy, "b.py", "y = 2\n");
    expect(deleted.has(trees[1]!)).toBe(false);
    const again = store.parse(spy, "a.py", "import os\nx = f(123)\n")!;
    expect(incremental).toEqual([false, true, false, true]);
    expect(again.tree.rootNode.toString()).toBe(fullParse("import os\nx = f(123)\n"));
    expect(deleted.has(trees[1]!)).toBe(true);
    expect(deleted.has(trees[2]!)).toBe(true);
    store.clear();
    expect(trees.every((tree) => deleted.has(tree))).toBe(true);
  });

  it("parses a file in full when other files came between its first and second parse", () => {
    const store = new TreeStore();
    const { spy, incremental } = spyParser();
    store.parse(spy, "a.py", "x = 1\n");
    store.parse(spy, "b.py", "y = 2\n");
    store.parse(spy, "a.py", "x = 12\n");
    store.parse(spy, "b.py", "y = 23\n");
    store.parse(spy, "a.py", "x = 123\n");
    expect(incremental).toEqual([false, false, false, false, true]);
    store.clear();
  });

  it("gives one node object per tree node", () => {
    const store = new TreeStore();
    const live = store.parse(getPythonParser(), "b.py", "x = f(g(1))\n")!;
    const calls = live.root.descendantsOfType("call");
    expect(calls[1]!.parent?.parent).toBe(calls[0]);
    expect(live.root.descendantsOfType("call")).toEqual(calls);
    expect(calls[0]!.parent?.parent?.parent).toBe(live.root);
    store.clear();
  });
});

describe("parserFor", () => {
  it("loads a grammar given as a function on the first parse, once", () => {
    let loads = 0;
    const getParser = parserFor(() => {
      loads++;
      return loadGrammar("bash");
    });
    expect(loads).toBe(0);
    const parser = getParser();
    expect(loads).toBe(1);
    expect(getParser()).toBe(parser);
    const tree = parser.parse("echo hi && exit 1")!;
    try {
      expect(tree.rootNode.type).toBe("program");
      expect(tree.rootNode.hasError).toBe(false);
    } finally {
      tree.delete();
    }
    expect(loads).toBe(1);
  });

  it("tries a grammar again on the next parse when its load failed", () => {
    let loads = 0;
    const getParser = parserFor(() => {
      if (++loads === 1) throw new Error("no such grammar");
      return loadGrammar("bash");
    });
    expect(() => getParser()).toThrow("no such grammar");
    const tree = getParser().parse("echo hi")!;
    try {
      expect(tree.rootNode.type).toBe("program");
    } finally {
      tree.delete();
    }
    expect(loads).toBe(2);
  });
});
