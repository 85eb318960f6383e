/**
 * `findCallsNamed` finds calls where the text spells a name followed by a parenthesis. Checked
 * against every `call` node of a tree-sitter parse, on generated files where the names also appear
 * in strings, comments, definitions, chains, nested calls and broken lines.
 */
import fc from "fast-check";
import type { Node } from "web-tree-sitter";
import { describe, expect, it } from "vitest";
import { callsNamed, findCallsNamed, textOf } from "../../src/languages/python/syntax/index.js";
import { getPythonParser } from "../../src/languages/python/tree-sitter.js";
import { pythonSourceCode } from "../support/python-source.js";

const NAMES = ["ForeignKey", "filter"];
/** Names where one begins another: a search for all of them at once must not stop at the shorter. */
const NESTED_NAMES = ["Foreign", "ForeignKey", "filter"];

const SNIPPETS = [
  'team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n',
  "x = ForeignKey()\n",
  "y = ForeignKey (Team)\n",
  "z = models . ForeignKey\\\n    (Team)\n",
  "w = models.ForeignKey  # a comment\n",
  "v = ForeignKey(ForeignKey(a).filter(b))\n",
  "qs = Team.objects.filter(a=1).exclude(b=2).filter(c=3)\n",
  "rows = filter(None, items)\n",
  "gen = ForeignKey(x for x in y)\n",
  '"ForeignKey(not a call)"\n',
  "# ForeignKey(in a comment)\n",
  "class ForeignKey(Base):\n    pass\n",
  "def filter(self, *args):\n    return self\n",
  'label = f"{ForeignKey(a)} and filter(b)"\n',
  "@ForeignKey(a)\ndef g():\n    pass\n",
  "ForeignKeyX(a)\nmy_filter(b)\n",
  // Names that only end with one: after a combining mark (Mn), a connector other than `_` (Pc) and
  // a letter of two UTF-16 units.
  "e\u0301ForeignKey(a)\nx\u203ffilter(b)\n\u{1d400}ForeignKey(c)\n",
  "(ForeignKey)(a)\n",
  "handlers[ForeignKey](a)\n",
  "obj.filter\n",
  "x = ForeignKey(\n",
  "filter(\n",
  "Foreign(a)\n",
  "ForeignKey.Foreign(b)\n",
  "x = Foreign (ForeignKey(c))\n",
];

/**
 * Every call whose function is one of the names or an attribute ending with one, spelled with only
 * spaces and line continuations before its parenthesis; by start, the shorter of two first.
 */
function oracle(source: string, root: Node, names: readonly string[]): string[] {
  return root
    .descendantsOfType("call")
    .filter((call): call is Node => {
      const fn = call!.childForFieldName("function");
      const args = call!.childForFieldName("arguments");
      if (!fn || !args || source[args.startIndex] !== "(") return false;
      const last = fn.type === "attribute" ? fn.childForFieldName("attribute") : fn;
      if (last?.type !== "identifier" || !names.includes(textOf(source, last))) return false;
      return /^[\s\\]*$/u.test(source.slice(fn.endIndex, args.startIndex));
    })
    .sort((a, b) => a.startIndex - b.startIndex || a.endIndex - b.endIndex)
    .map((call) => `${call.startIndex}-${call.endIndex}`);
}

describe("findCallsNamed", () => {
  it.each([
    ["two names", NAMES],
    ["names where one begins another", NESTED_NAMES],
  ])("finds the calls a walk of the tree finds, with the language's nodes and tree-sitter's (%s)", (_, names) => {
    const files = fc.array(fc.constantFrom(...SNIPPETS), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(files, (source) => {
        const tree = getPythonParser().parse(source)!;
        try {
          const expected = oracle(source, tree.rootNode, names);
          const spans = (calls: { startIndex: number; endIndex: number }[]) => calls.map((call) => `${call.startIndex}-${call.endIndex}`);
          expect(spans(findCallsNamed(source, pythonSourceCode(source).ast, names))).toEqual(expected);
          expect(spans(findCallsNamed(source, tree.rootNode, names))).toEqual(expected);
        } finally {
          tree.delete();
        }
      }),
      { numRuns: 300 },
    );
  });

  it("yields the calls in the order their names appear in the text, whichever name each has", () => {
    const source = "a = filter(x)\nb = models.ForeignKey(Team)\nc = filter(y)\n";
    const calls = [...callsNamed(source, pythonSourceCode(source).ast, ["ForeignKey", "filter"])];
    expect(calls.map((call) => textOf(source, call))).toEqual(["filter(x)", "models.ForeignKey(Team)", "filter(y)"]);
  });

  it("reads names as text, not as patterns", () => {
    const source = "a = fxlter(x)\nb = f(y)\n";
    expect(findCallsNamed(source, pythonSourceCode(source).ast, ["f.lter", "f|g"])).toEqual([]);
  });

  it("keeps each search to itself when two are read in turn", () => {
    const source = "a = filter(x)\nb = filter(y)\nc = filter(z)\n";
    const root = pythonSourceCode(source).ast;
    const first = callsNamed(source, root, ["filter"]);
    const second = callsNamed(source, root, ["filter"]);
    const order = [first.next(), second.next(), second.next(), first.next(), first.next(), second.next()].map((step) => (step.value ? textOf(source, step.value) : undefined));
    expect(order).toEqual(["filter(x)", "filter(x)", "filter(y)", "filter(y)", "filter(z)", "filter(z)"]);
  });

  it("finds each call of a chain once, in document order", () => {
    const source = "qs = Team.objects.filter(a=1).exclude(b=2).filter(c=3)\n";
    const calls = findCallsNamed(source, pythonSourceCode(source).ast, ["filter"]);
    expect(calls.map((call) => textOf(source, call))).toEqual(["Team.objects.filter(a=1)", "Team.objects.filter(a=1).exclude(b=2).filter(c=3)"]);
  });
});
