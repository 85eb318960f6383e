import type { File, Language, OkParseResult, ParseResult } from "@eslint/core";
import { convertTree, type PyComment, type PyNode } from "./ast.js";
import { PythonSourceCode } from "./source-code.js";
import { getPythonParser, pythonLanguage } from "./tree-sitter.js";

export interface PythonParseResult extends OkParseResult<PyNode> {
  comments: PyComment[];
}

/** Every node keeps its named children in `children`: one visitor key for every grammar type. */
const visitorKeys: Record<string, string[]> = Object.fromEntries(
  [...new Set([...pythonLanguage.types.filter(Boolean), "module", "ERROR", "MISSING"])].map((type) => [
    type,
    ["children"],
  ]),
);

/**
 * Python for ESLint, parsed with tree-sitter. Syntax errors never fail the parse:
 * tree-sitter recovers and marks ERROR nodes (PyNode.hasError), which rules skip.
 */
export class PythonLanguage implements Language<{
  LangOptions: Record<string, never>;
  Code: PythonSourceCode;
  RootNode: PyNode;
  Node: PyNode;
}> {
  readonly fileType = "text" as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 0 as const;
  readonly nodeTypeKey = "type";
  readonly visitorKeys = visitorKeys;
  readonly defaultLanguageOptions = {};

  validateLanguageOptions(languageOptions: Record<string, unknown>): void {
    const unknown = Object.keys(languageOptions ?? {});
    if (unknown.length > 0) {
      throw new TypeError(`Unexpected key "${unknown[0]}" in languageOptions: the python language has no options.`);
    }
  }

  parse(file: File): ParseResult<PyNode> {
    const text = String(file.body);
    let tree;
    try {
      tree = getPythonParser().parse(text);
    } catch (error) {
      return { ok: false, errors: [{ message: `tree-sitter failed: ${(error as Error).message}`, line: 1, column: 1 }] };
    }
    if (!tree) {
      return { ok: false, errors: [{ message: "tree-sitter returned no tree.", line: 1, column: 1 }] };
    }
    try {
      const { ast, comments } = convertTree(tree, text.length);
      return { ok: true, ast, comments } as PythonParseResult;
    } finally {
      tree.delete();
    }
  }

  createSourceCode(file: File, parseResult: OkParseResult<PyNode>): PythonSourceCode {
    return new PythonSourceCode({
      text: String(file.body),
      ast: parseResult.ast,
      comments: (parseResult as PythonParseResult).comments,
      hasBOM: file.bom,
    });
  }
}
