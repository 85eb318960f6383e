import type { Node, Tree } from "web-tree-sitter";
import { getPythonParser } from "../parsers/python/tree-sitter.js";

/**
 * Parses Python source with tree-sitter, hands the tree to `use`, and always frees it.
 * Returns undefined when the parser fails (it does not throw on syntax errors: it recovers).
 */
export function withPythonTree<T>(text: string, use: (tree: Tree) => T): T | undefined {
  let tree: Tree | null = null;
  try {
    tree = getPythonParser().parse(text);
    if (!tree) return undefined;
    return use(tree);
  } catch {
    return undefined;
  } finally {
    tree?.delete();
  }
}

/** Per kind of extraction: file → the text it was computed from and the result. */
const extractions = new Map<string, Map<string, { text: string; result: unknown }>>();

/**
 * `withPythonTree(text, extract)`, memoised per file and kind: when the file's text is the same
 * as last time, the previous result is returned without parsing. An index rebuilt after one
 * file changed re-parses only that file. Results must not be mutated by callers.
 */
export function extractPython<T>(kind: string, file: string, text: string, extract: (tree: Tree) => T): T | undefined {
  let byFile = extractions.get(kind);
  if (!byFile) extractions.set(kind, (byFile = new Map()));
  const cached = byFile.get(file);
  if (cached && cached.text === text) return cached.result as T | undefined;
  const result = withPythonTree(text, extract);
  byFile.set(file, { text, result });
  return result;
}

/** Forgets every memoised extraction (tests, or to free memory). */
export function clearPythonExtractions(): void {
  extractions.clear();
}

/** The module-level statements, with `decorated_definition` unwrapped; ERROR subtrees skipped. */
export function* topLevelDefinitions(tree: Tree): Generator<{ node: Node; decorated: boolean }> {
  for (const statement of tree.rootNode.namedChildren) {
    if (!statement || statement.type === "ERROR" || statement.isMissing) continue;
    if (statement.type === "decorated_definition") {
      const definition = statement.childForFieldName("definition");
      if (definition && definition.type !== "ERROR") yield { node: definition, decorated: true };
      continue;
    }
    yield { node: statement, decorated: false };
  }
}

/** The identifier of a class or function definition, or undefined when it is missing/broken. */
export function definitionName(node: Node): string | undefined {
  const name = node.childForFieldName("name");
  if (!name || name.type !== "identifier" || name.isMissing) return undefined;
  return name.text;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\n": "",
};

/**
 * The value of a plain Python string literal (`"x"`, `'x'`, `"""x"""`, `r"x"`, `u"x"`), or
 * undefined for f-strings, byte strings, concatenations and anything else.
 */
export function pythonStringValue(node: Node): string | undefined {
  if (node.type !== "string" || node.hasError) return undefined;
  const text = node.text;
  const match = /^([rRuU]?)('''|"""|'|")/u.exec(text);
  if (!match) return undefined;
  const [, prefix, quote] = match as unknown as [string, string, string];
  const start = prefix.length + quote.length;
  if (text.length < start + quote.length || !text.endsWith(quote)) return undefined;
  const body = text.slice(start, text.length - quote.length);
  if (prefix === "r" || prefix === "R") return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[\s\S])/gu, (whole, escape: string) => {
    if (escape in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[escape]!;
    if (/^[xuU]/u.test(escape) && escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    if (/^[0-7]+$/u.test(escape)) return String.fromCodePoint(parseInt(escape, 8));
    return whole;
  });
}
