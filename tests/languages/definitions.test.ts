/**
 * `definitionName` reads a plainly written header's name from the text. Checked against the name
 * node of a tree-sitter parse, on generated headers with names of tricky characters, spacing,
 * `async`, type parameters, decorators and line continuations.
 */
import fc from "fast-check";
import type { Node } from "web-tree-sitter";
import { describe, expect, it } from "vitest";
import { definitionName, descendants, textOf, type SyntaxNode } from "../../src/languages/python/syntax/index.js";
import { getPythonParser } from "../../src/languages/python/tree-sitter.js";
import { pythonSourceCode } from "../support/python-source.js";

/** The definitions of a tree, in document order. */
function definitions(root: SyntaxNode): SyntaxNode[] {
  return [...descendants(root)].filter((node) => node.type === "class_definition" || node.type === "function_definition");
}

/** The name as the name node spells it (the raw tree-sitter node: no text shortcut). */
function nodeName(source: string, node: Node): string | undefined {
  const name = node.childForFieldName("name");
  return name && name.type === "identifier" && !name.isMissing ? textOf(source, name) : undefined;
}

function namesBothWays(source: string): { fromText: (string | undefined)[]; fromNodes: (string | undefined)[]; errorFree: boolean } {
  const ast = pythonSourceCode(source).ast;
  const tree = getPythonParser().parse(source)!;
  try {
    const fromNodes = definitions(tree.rootNode as unknown as SyntaxNode).map((node) => nodeName(source, node as unknown as Node));
    return { fromText: definitions(ast).map((node) => definitionName(source, node)), fromNodes, errorFree: !tree.rootNode.hasError };
  } finally {
    tree.delete();
  }
}

describe("definitionName", () => {
  it.each([
    ["class Team(models.Model):\n    pass\n", ["Team"]],
    ["async def fetch(self):\n    pass\n", ["fetch"]],
    ["async\tdef\tfetch (self):\n    pass\n", ["fetch"]],
    ["class Box[T]:\n    pass\n", ["Box"]],
    ["def f[T](x: T) -> T:\n    return x\n", ["f"]],
    ["@decorator\nclass Wrapped:\n    def method(self):\n        pass\n", ["Wrapped", "method"]],
    ["class \\\n    Continued:\n    pass\n", ["Continued"]],
    // U+00B7 continues a Python name but is not among the pattern's characters: read from the node.
    ["class A\u00b7B:\n    pass\n", ["A\u00b7B"]],
    ["def \u00e9t\u00e9(x):\n    pass\n", ["\u00e9t\u00e9"]],
    ["class \u{1d400}Model:\n    pass\n", ["\u{1d400}Model"]],
  ])("%j", (source, expected) => {
    const { fromText, fromNodes, errorFree } = namesBothWays(source);
    expect(errorFree).toBe(true);
    expect(fromText).toEqual(expected);
    expect(fromNodes).toEqual(expected);
  });

  it("gives the name node's text on generated headers, with and without errors", () => {
    const nameCharacter = fc.constantFrom("a", "Z", "_", "0", "\u00e9", "\u0301", "\u00b7", "\u00b2", "\u203f", "\u{1d400}", "\u4e2d");
    const name = fc.array(nameCharacter, { minLength: 1, maxLength: 6 }).map((characters) => characters.join(""));
    const space = fc.constantFrom(" ", "  ", "\t", " \\\n    ");
    const after = fc.constantFrom("(Base):", ":", "[T]:", " :", "(\n    Base,\n):", "", "()");
    const header = fc.tuple(fc.constantFrom("", "async "), fc.constantFrom("class", "def"), space, name, after).map(([prefix, keyword, gap, written, rest]) => {
      const head = keyword === "def" ? `${prefix}def${gap}${written}${rest === ":" || rest === " :" ? "()" : ""}${rest}` : `class${gap}${written}${rest}`;
      return `${head}\n    pass\n`;
    });
    fc.assert(
      fc.property(fc.array(header, { minLength: 1, maxLength: 4 }), (headers) => {
        const source = headers.join("");
        const { fromText, fromNodes } = namesBothWays(source);
        expect(fromText).toEqual(fromNodes);
      }),
      { numRuns: 300 },
    );
  });
});
