/**
 * A syntax node keeps its tree-sitter node only while it is among the last ones read; an older
 * node finds it again, from the top-level statement that holds it, when asked for something it has
 * not cached; a field's node learns its parent from the field where the grammar makes it a child.
 * Checked against a fresh tree-sitter parse of the same text, on generated files large enough that
 * most nodes have let go of theirs by the time they are asked.
 */
import fc from "fast-check";
import type { Node } from "web-tree-sitter";
import { describe, expect, it } from "vitest";
import type { PyNode } from "../../src/languages/python/ast.js";
import { getPythonParser, pythonLanguage } from "../../src/languages/python/tree-sitter.js";
import { TreeStore } from "../../src/languages/python/tree-store.js";

const SNIPPETS = [
  "import os\n",
  "from django.db import models\n",
  "from .models import (\n    Team,  # the team\n    User as U,\n)\n",
  "class Run(models.Model):\n    team = models.ForeignKey(\"posthog.Team\", on_delete=models.CASCADE, related_name=\"+\")\n    name = models.CharField(max_length=400)  # 名前 😀\n",
  "f()\n",
  "x = (y)\n",
  "count: int = 0\n",
  "a.b.c(1, *args, key=value, **kw)\n",
  "def g(self, a: int = 1, *rest, **options) -> str:\n    return f\"{self.name}\" if a else 'x'\n",
  "result = [item for item in items if item]\n",
  "x += 1\r\n",
  "value = not -x ** 2 < 3 and y\n",
  "@decorator\nclass Meta:\n    pass\n",
  "with open(p) as handle, lock:\n    data = handle.read()\n",
  "try:\n    pass\nexcept (KeyError, ValueError) as error:\n    raise\n",
  "lambda: 0\n",
  "match command:\n    case [a, *_]:\n        pass\n",
];

/** Broken lines: tree-sitter recovers with ERROR and MISSING nodes (an unclosed one may swallow the rest of the file). */
const BROKEN = ["x = [\n", "def broken(:\n", "print('unclosed\n", "if x\n    y = 1\n"];

const NAMED_TYPES = pythonLanguage.types.filter((type, id) => type && pythonLanguage.nodeTypeIsNamed(id));
const FIELDS = pythonLanguage.fields.filter((field): field is string => Boolean(field));

const shape = (node: { type: string; startIndex: number; endIndex: number } | null | undefined): string =>
  node ? `${node.type}@${node.startIndex}-${node.endIndex}` : "null";

/**
 * What tree-sitter says of a node, in the terms a PyNode answers in: the root is the whole file's
 * `module` (tree-sitter's starts at the first token, and is an ERROR when nothing parses).
 */
function rawShape(node: Node | null, hasErrors: boolean, textLength: number): string {
  if (!node) return "null";
  if (!node.parent) return shape({ type: "module", startIndex: 0, endIndex: textLength });
  return shape({ type: hasErrors && node.isMissing ? "MISSING" : node.type, startIndex: node.startIndex, endIndex: node.endIndex });
}

function describeRaw(node: Node, hasErrors: boolean, textLength: number): Record<string, unknown> {
  const of = (child: Node | null): string => rawShape(child, hasErrors, textLength);
  return {
    node: of(node),
    parent: node.parent ? of(node.parent) : "null",
    children: node.namedChildren.map((child) => of(child)),
    fields: Object.fromEntries(FIELDS.map((field) => [field, node.childrenForFieldName(field).map((child) => of(child))])),
    first: Object.fromEntries(FIELDS.map((field) => [field, of(node.childForFieldName(field))])),
    hasError: hasErrors && (node.hasError || node.isMissing),
    identifiers: node.descendantsOfType("identifier").map((child) => of(child)),
    smallest: of(node.descendantForIndex(node.startIndex, node.startIndex)),
  };
}

function describePy(node: PyNode): Record<string, unknown> {
  return {
    node: shape(node),
    parent: shape(node.parent),
    children: node.children.map(shape),
    fields: Object.fromEntries(FIELDS.map((field) => [field, node.childrenForFieldName(field).map(shape)])),
    first: Object.fromEntries(FIELDS.map((field) => [field, shape(node.childForFieldName(field))])),
    hasError: node.hasError,
    identifiers: node.descendantsOfType("identifier").map(shape),
    smallest: shape(node.descendantForIndex(node.startIndex, node.startIndex + 1)),
  };
}

describe("syntax nodes read long after they were found", () => {
  it("answer as tree-sitter does, and stay one object per tree node", () => {
    const store = new TreeStore();
    const part = fc.oneof({ arbitrary: fc.constantFrom(...SNIPPETS), weight: 20 }, { arbitrary: fc.constantFrom(...BROKEN), weight: 1 });
    const files = fc.array(part, { minLength: 40, maxLength: 80 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(files, (text) => {
        const live = store.parse(getPythonParser(), "nodes.py", text)!;
        // Found all at once, children never read: most have let go of their tree-sitter node before they are asked anything.
        const found = live.root.descendantsOfType(NAMED_TYPES).filter((node) => node.type !== "module");
        fc.pre(found.length > 300);
        const raw = getPythonParser().parse(text)!;
        try {
          const rawFound = raw.rootNode.descendantsOfType(NAMED_TYPES).filter((node) => node.type !== "module");
          expect(found.map(shape)).toEqual(rawFound.map((node) => rawShape(node, live.hasErrors, text.length)));
          for (const [i, node] of found.entries()) expect(describePy(node)).toEqual(describeRaw(rawFound[i]!, live.hasErrors, text.length));
          for (const node of found) {
            for (const child of node.children) expect(child.parent).toBe(node);
          }
          for (const [i, node] of found.entries()) {
            const { startIndex, endIndex } = rawFound[i]!;
            const smallest = raw.rootNode.descendantForIndex(startIndex, Math.max(startIndex, endIndex - 1));
            expect(shape(live.root.descendantForIndex(node.startIndex, node.endIndex))).toEqual(rawShape(smallest, live.hasErrors, text.length));
          }
          expect(live.root.descendantsOfType(NAMED_TYPES).filter((node) => node.type !== "module")).toEqual(found);
        } finally {
          raw.delete();
        }
      }),
      { numRuns: 20 },
    );
    store.clear();
  });
});
