import { parseTOML, type AST } from "toml-eslint-parser";

/** How many recent texts keep their tree: tach.toml and pyproject.toml, with room for an edit of each. */
const KEPT = 4;
const recent = new Map<string, AST.TOMLProgram>();

/**
 * toml-eslint-parser's tree of a TOML text (default TOML version), shared: the repository index
 * reads `tach.toml` and ESLint then lints the same text, so a run parses it once. Throws the
 * parser's error for invalid TOML. Readers must not change the tree.
 */
export function parseTomlDocument(text: string): AST.TOMLProgram {
  const known = recent.get(text);
  if (known) return known;
  const ast = parseTOML(text);
  recent.set(text, ast);
  if (recent.size > KEPT) recent.delete(recent.keys().next().value!);
  return ast;
}
