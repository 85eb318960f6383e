import type { File, FileError, Language, OkParseResult, ParseResult } from "@eslint/core";
import type { Node, Tree } from "web-tree-sitter";
import type { PyNode } from "./ast.js";
import { PythonSourceCode } from "./source-code.js";
import { TreeStore } from "./tree-store.js";
import { getPythonParser, pythonLanguage } from "./tree-sitter.js";

export interface PythonLanguageOptions extends Record<string, unknown> {
  /**
   * Make a syntax error fatal ("Parsing error"), as other ESLint languages do. Off by default:
   * tree-sitter recovers and the rules lint the rest of the file, which is what an editor wants
   * while code is being typed. On in the plugin's own tests, so that a fix that breaks the syntax
   * fails them.
   */
  strict?: boolean;
}

/** A block with no statement (`if x:` then nothing): tree-sitter accepts it, Python does not. */
function isEmptyBlock(node: Node): boolean {
  return node.type === "block" && !node.namedChildren.some((child) => child && child.type !== "comment");
}

/** The first ERROR or MISSING node or empty block of a tree, depth first. */
function firstSyntaxError(tree: Tree): Node | undefined {
  const cursor = tree.walk();
  try {
    for (;;) {
      if (cursor.nodeType === "ERROR" || cursor.nodeIsMissing) return cursor.currentNode;
      if (cursor.nodeType === "block" && isEmptyBlock(cursor.currentNode)) return cursor.currentNode;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return undefined;
      }
    }
  } finally {
    cursor.delete();
  }
}

function syntaxErrorOf(node: Node): FileError {
  const position = node.startPosition;
  const what = node.isMissing
      ? `missing ${node.type}`
      : node.type === "block"
        ? "expected an indented block"
        : `unexpected ${JSON.stringify(node.text.split(/\r?\n/u)[0]!.slice(0, 20))}`;
  return { message: `Syntax error: ${what}.`, line: position.row + 1, column: position.column + 1 };
}

/** Every node keeps its named children in `children`: one visitor key for every grammar type. */
const visitorKeys: Record<string, string[]> = Object.fromEntries(
  [...new Set([...pythonLanguage.types.filter(Boolean), "module", "ERROR", "MISSING"])].map((type) => [
    type,
    ["children"],
  ]),
);

/** The thread's recent trees: a file parsed again is re-parsed incrementally. */
const trees = new TreeStore();

/**
 * Python for ESLint, parsed with tree-sitter. Syntax errors never fail the parse:
 * tree-sitter recovers and marks ERROR nodes (PyNode.hasError), which rules skip.
 * ESLint traverses the module and its top-level statements; everything below is read on demand
 * through the node API (`children`, `childForFieldName`, `parent`, `descendantsOfType`...).
 */
export class PythonLanguage implements Language<{
  LangOptions: PythonLanguageOptions;
  Code: PythonSourceCode;
  RootNode: PyNode;
  Node: PyNode;
}> {
  readonly fileType = "text" as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 0 as const;
  readonly nodeTypeKey = "type";
  readonly visitorKeys = visitorKeys;
  readonly defaultLanguageOptions: PythonLanguageOptions = { strict: false };

  validateLanguageOptions(languageOptions: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(languageOptions ?? {})) {
      if (key !== "strict") throw new TypeError(`Unexpected key "${key}" in languageOptions: the python language has one option, "strict".`);
      if (typeof value !== "boolean") throw new TypeError(`languageOptions.strict must be a boolean, got ${JSON.stringify(value)}.`);
    }
  }

  parse(file: File, context?: { languageOptions?: PythonLanguageOptions }): ParseResult<PyNode> {
    const text = String(file.body);
    let live;
    try {
      live = trees.parse(getPythonParser(), file.physicalPath ?? file.path, text);
    } catch (error) {
      return { ok: false, errors: [{ message: `tree-sitter failed: ${(error as Error).message}`, line: 1, column: 1 }] };
    }
    if (!live) {
      return { ok: false, errors: [{ message: "tree-sitter returned no tree.", line: 1, column: 1 }] };
    }
    if (context?.languageOptions?.strict) {
      const error = firstSyntaxError(live.tree);
      if (error) return { ok: false, errors: [syntaxErrorOf(error)] };
    }
    return { ok: true, ast: live.root };
  }

  createSourceCode(file: File, parseResult: OkParseResult<PyNode>): PythonSourceCode {
    return new PythonSourceCode({ text: String(file.body), ast: parseResult.ast, hasBOM: file.bom });
  }
}
