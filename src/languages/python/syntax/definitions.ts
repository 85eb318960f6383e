import { NAME } from "./names.js";
import { isErrorNode, textOf, type SyntaxNode } from "./node.js";

/** A module-level statement, with `decorated_definition` unwrapped to its class or function. */
export interface TopLevelStatement {
  node: SyntaxNode;
  decorated: boolean;
}

/** The module's statements in order; ERROR and MISSING statements are left out. */
export function* topLevelStatements(root: SyntaxNode): Generator<TopLevelStatement> {
  for (const statement of root.namedChildren) {
    if (!statement || isErrorNode(statement) || statement.type === "comment") continue;
    if (statement.type === "decorated_definition") {
      const definition = statement.childForFieldName("definition");
      if (definition && !isErrorNode(definition)) yield { node: definition, decorated: true };
      continue;
    }
    yield { node: statement, decorated: false };
  }
}

/**
 * `class Name` or `[async] def name`, then what a header can have after the name: the name as
 * written, when the header is written plainly on one line.
 */
const PLAIN_HEADER = new RegExp(`(?:async[ \\t]+)?(?:class|def)[ \\t]+(${NAME.source})(?=[ \\t(:\\[])`, "uy");

/** The name of a class or function definition, or undefined when it is missing or broken. */
export function definitionName(source: string, node: SyntaxNode): string | undefined {
  // In a tree without errors, a header written plainly spells the name: no node of it is read. A
  // name with a character the pattern does not take (U+00B7) is read from its node.
  if (node.inErrorFreeTree) {
    PLAIN_HEADER.lastIndex = node.startIndex;
    const plain = PLAIN_HEADER.exec(source);
    if (plain) return plain[1];
  }
  const name = node.childForFieldName("name");
  if (!name || name.type !== "identifier" || name.isMissing) return undefined;
  return textOf(source, name);
}

/** The nearest enclosing function (or lambda), or null when `node` runs at module or class level. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "function_definition" || current.type === "lambda") return current;
  }
  return null;
}
