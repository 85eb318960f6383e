import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isNameRead, sameNode, textOf, type SyntaxNode } from "../../src/languages/python/syntax/index.js";
import { roleOfChildren, specialStringArguments, namesInString, type StringRole } from "../../src/languages/python/syntax/uses.js";
import { getPythonParser } from "../../src/languages/python/tree-sitter.js";
import { FIXTURES } from "../support/helpers.js";

/** The reference: one walk of the whole tree, counting every read of every name. */
function readsByWalk(source: string, root: SyntaxNode): Set<string> {
  const read = new Set<string>();
  const stack: { node: SyntaxNode; role: StringRole }[] = [{ node: root, role: "none" }];
  while (stack.length > 0) {
    const { node, role } = stack.pop()!;
    if (node.type === "import_from_statement" || node.type === "import_statement" || node.type === "future_import_statement") continue;
    if (node.type === "identifier") {
      const parent = node.parent;
      const isAttributeName = parent?.type === "attribute" && sameNode(parent.childForFieldName("attribute"), node);
      const isKeywordName = parent?.type === "keyword_argument" && sameNode(parent.childForFieldName("name"), node);
      if (!isAttributeName && !isKeywordName) read.add(textOf(source, node));
      continue;
    }
    if (node.type === "string") {
      for (const name of namesInString(source, node, role)) read.add(name);
      continue;
    }
    const childRole = roleOfChildren(source, node, role);
    for (const child of node.namedChildren) if (child) stack.push({ node: child, role: childRole });
    if (node.type === "call") {
      const special = specialStringArguments(source, node);
      for (const value of special?.values ?? []) stack.push({ node: value, role: special!.role });
    }
  }
  return read;
}

const SNIPPETS = [
  "from a import Team, User as U\nx: Team = 1\n",
  "from a import Team\nclass A:\n    team = models.ForeignKey(\"a.Team\")\n    def f(self, t: \"Team\") -> \"Optional[models.User]\": ...\n",
  "from a import Team\nx = cast(\"Team\", y)\nT = TypeVar(\"T\", bound=\"Team\")\nN = NewType(\"N\", \"Team\")\n",
  "from a import Team, Flag\n__all__ = [\"Team\"]\n__all__ += [\"Flag\"]\n__all__.extend([\"Other\"])\n",
  "from a import Team\nprint(f\"{Team}\")\nobj.Team\nf(Team=1)\nTeamMember = 2\n",
  "from a import Team\nif TYPE_CHECKING:\n    from b import User\ndef g():\n    from c import Team\n    return Team\n",
  "from a import Team\n# Team in a comment\ns = \"Team\"\nd = {\"Team\": Team2}\n",
  "import os\nx = (1,\ndef broken(:\n    Team\n",
];

const corpus = [
  ...SNIPPETS.map((text, i) => ({ name: `snippet ${i + 1}`, text })),
  ...readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".py"))
    .map((file) => ({ name: file, text: readFileSync(`${FIXTURES}/${file}`, "utf8") })),
];

describe("isNameRead", () => {
  it("agrees with a walk of the whole tree for every name of every sample and fixture file", () => {
    let checked = 0;
    for (const { name, text } of corpus) {
      const tree = getPythonParser().parse(text)!;
      try {
        const expected = readsByWalk(text, tree.rootNode);
        const words = new Set(text.match(/[A-Za-z_][A-Za-z0-9_]*/gu) ?? []);
        for (const word of words) {
          expect(isNameRead(text, tree.rootNode, word), `${name}: ${word}`).toBe(expected.has(word));
          checked++;
        }
      } finally {
        tree.delete();
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("counts annotations, cast/TypeVar strings and __all__, not attribute names, keyword names, imports, comments or f-strings", () => {
    const read = (text: string, name: string): boolean => {
      const tree = getPythonParser().parse(text)!;
      try {
        return isNameRead(text, tree.rootNode, name);
      } finally {
        tree.delete();
      }
    };
    expect(read('from a import Team\ndef f(t: "Team"): ...\n', "Team")).toBe(true);
    expect(read('from a import Team\nx = cast("Team", y)\n', "Team")).toBe(true);
    expect(read('from a import Team\n__all__ = ["Team"]\n', "Team")).toBe(true);
    expect(read("from a import Team\nobj.Team\nf(Team=1)\n# Team\n", "Team")).toBe(false);
    expect(read('from a import Team\nprint(f"{Team}")\n', "Team")).toBe(false);
    expect(read('from a import Team\ns = "Team"\n', "Team")).toBe(false);
  });
});
