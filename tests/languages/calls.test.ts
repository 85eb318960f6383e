/**
 * `findCallsNamed` finds calls where the text spells a name followed by a parenthesis. Checked
 * against every `call` node of a tree-sitter parse, on generated files where the names also appear
 * in strings, comments, definitions, chains, nested calls and broken lines.
 */
import fc from "fast-check";
import type { Node } from "web-tree-sitter";
import { describe, expect, it } from "vitest";
import { findCallsNamed, textOf } from "../../src/languages/python/syntax/index.js";
import { getPythonParser } from "../../src/languages/python/tree-sitter.js";
import { pythonSourceCode } from "../support/python-source.js";

const NAMES = ["ForeignKey", "filter"];

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
];

/**
 * Every call whose function is one of the names or an attribute ending with one, spelled with only
 * spaces and line continuations before its parenthesis; by start, the shorter of two first.
 */
function oracle(source: string, root: Node): string[] {
  return root
    .descendantsOfType("call")
    .filter((call): call is Node => {
      const fn = call!.childForFieldName("function");
      const args = call!.childForFieldName("arguments");
      if (!fn || !args || source[args.startIndex] !== "(") return false;
      const last = fn.type === "attribute" ? fn.childForFieldName("attribute") : fn;
      if (last?.type !== "identifier" || !NAMES.includes(textOf(source, last))) return false;
      return /^[\s\\]*$/u.test(source.slice(fn.endIndex, args.startIndex));
    })
    .sort((a, b) => a.startIndex - b.startIndex || a.endIndex - b.endIndex)
    .map((call) => `${call.startIndex}-${call.endIndex}`);
}

describe("findCallsNamed", () => {
  it("finds the calls a walk of the tree finds, with the language's nodes and tree-sitter's", () => {
    const files = fc.array(fc.constantFrom(...SNIPPETS), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(files, (source) => {
        const tree = getPythonParser().parse(source)!;
        try {
          const expected = oracle(source, tree.rootNode);
          const spans = (calls: { startIndex: number; endIndex: number }[]) => calls.map((call) => `${call.startIndex}-${call.endIndex}`);
          expect(spans(findCallsNamed(source, pythonSourceCode(source).ast, NAMES))).toEqual(expected);
          expect(spans(findCallsNamed(source, tree.rootNode, NAMES))).toEqual(expected);
        } finally {
          tree.delete();
        }
      }),
      { numRuns: 300 },
    );
  });

  it("finds each call of a chain once, in document order", () => {
    const source = "qs = Team.objects.filter(a=1).exclude(b=2).filter(c=3)\n";
    const calls = findCallsNamed(source, pythonSourceCode(source).ast, ["filter"]);
    expect(calls.map((call) => textOf(source, call))).toEqual(["Team.objects.filter(a=1)", "Team.objects.filter(a=1).exclude(b=2).filter(c=3)"]);
  });
});
