/**
 * Every import statement of a file is found where the text spells `import`: a top-level statement
 * holding the word is one when it is an import; anywhere else the word must be the keyword of an
 * import statement. Checked against tree-sitter's own list of import statements (and which of them
 * import `*`), on generated files whose names, strings and comments spell the word (and `*`) too.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectImports } from "../../src/languages/python/syntax/index.js";
import { getPythonParser } from "../../src/languages/python/tree-sitter.js";
import { pythonSourceCode } from "../support/python-source.js";

const PARTS = [
  "from importlib import import_module\n",
  "import importlib, os.path as important\n",
  "from __future__ import annotations\n",
  "from .models import (\n    Team,  # import this\n    important_thing,\n)\n",
  "def load():\n    from django.apps import apps\n    import json\n    return apps\n",
  "if TYPE_CHECKING:\n    from posthog.models import Team\n",
  "class Importer:\n    import re\n    note = 'import x'\n",
  "message = \"from a import b\"  # import nothing\n",
  "reimport = imported + important\n",
  "from . import (\n",
  "from posthog.models import *\n",
  "from .api import (views)  # not *\n",
  "from .signals import *  # noqa: F403\n",
  "x = 1\n",
];

/** What `collectImports` reads (`from __future__ import …` binds no name a rule looks up). */
const IMPORT_TYPES = ["import_statement", "import_from_statement"];

describe("import statements", () => {
  it("are the ones tree-sitter lists, in document order, wildcards among them", () => {
    const files = fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(files, (text) => {
        const { ast } = pythonSourceCode(text);
        const imports = collectImports(text, ast);
        const found = [...imports.fromImports.map((entry) => entry.statement), ...imports.plainImports.map((entry) => entry.statement)];
        const ranges = [...new Set(found.map((node) => `${node.type}@${node.startIndex}`))].sort();
        const tree = getPythonParser().parse(text)!;
        try {
          // Broken statements are left out.
          const expected = tree.rootNode.descendantsOfType(IMPORT_TYPES).filter((node) => !node.hasError);
          expect(ranges).toEqual([...new Set(expected.map((node) => `${node.type}@${node.startIndex}`))].sort());
          const wildcards = expected.filter((node) => node.namedChildren.some((child) => child?.type === "wildcard_import"));
          expect(imports.fromImports.filter((entry) => entry.wildcard).map((entry) => entry.statement.startIndex)).toEqual(wildcards.map((node) => node.startIndex));
        } finally {
          tree.delete();
        }
      }),
      { numRuns: 300 },
    );
  });
});
