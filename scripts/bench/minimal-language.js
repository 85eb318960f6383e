// The bench's floor: a minimal ESLint language for Python. web-tree-sitter parses the file (the
// same runtime and grammar as the plugin); the AST is a Program whose children are the top-level
// statements only (type, range, loc); no directives are read. With one rule that visits
// `import_from_statement` and reports nothing, an ESLint run with it costs what any Python
// language for ESLint must pay: the parse and ESLint's own work per file.

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import { Language, Parser } from "web-tree-sitter";

const require = createRequire(import.meta.url);
await Parser.init();
const grammar = Language.loadSync(new WebAssembly.Module(readFileSync(require.resolve("@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm"))));
const parser = new Parser();
parser.setLanguage(grammar);

class MinimalSourceCode extends TextSourceCodeBase {
  constructor({ text, ast }) {
    super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.ast = ast;
  }

  getLoc(node) {
    return node.loc;
  }

  getRange(node) {
    return node.range;
  }

  *traverse() {
    const root = this.ast;
    yield new VisitNodeStep({ target: root, phase: 1, args: [root, null] });
    for (const node of root.children) {
      yield new VisitNodeStep({ target: node, phase: 1, args: [node, root] });
      yield new VisitNodeStep({ target: node, phase: 2, args: [node, root] });
    }
    yield new VisitNodeStep({ target: root, phase: 2, args: [root, null] });
  }
}

const position = (point) => ({ line: point.row + 1, column: point.column });

class MinimalPythonLanguage {
  fileType = "text";
  lineStart = 1;
  columnStart = 0;
  nodeTypeKey = "type";
  visitorKeys = { Program: ["children"] };

  validateLanguageOptions() {}

  parse(file) {
    const text = String(file.body);
    const tree = parser.parse(text);
    try {
      const children = [];
      const cursor = tree.walk();
      if (cursor.gotoFirstChild()) {
        do {
          children.push({
            type: cursor.nodeType,
            range: [cursor.startIndex, cursor.endIndex],
            loc: { start: position(cursor.startPosition), end: position(cursor.endPosition) },
          });
        } while (cursor.gotoNextSibling());
      }
      cursor.delete();
      const end = tree.rootNode.endPosition;
      return { ok: true, ast: { type: "Program", range: [0, text.length], loc: { start: { line: 1, column: 0 }, end: position(end) }, children } };
    } finally {
      tree.delete();
    }
  }

  createSourceCode(file, parseResult) {
    return new MinimalSourceCode({ text: String(file.body), ast: parseResult.ast });
  }
}

const visitImportFrom = {
  meta: { type: "problem", languages: ["minimal/python"], messages: {} },
  create() {
    return { import_from_statement() {} };
  },
};

/** The anchor as an ESLint config for `**\/*.py`. */
export const minimalConfig = [
  {
    files: ["**/*.py"],
    plugins: { minimal: { meta: { name: "minimal" }, languages: { python: new MinimalPythonLanguage() }, rules: { "visit-import-from": visitImportFrom } } },
    language: "minimal/python",
    rules: { "minimal/visit-import-from": "error" },
  },
];
