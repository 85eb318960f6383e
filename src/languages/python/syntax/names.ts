import { textOf, type SyntaxNode } from "./node.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/u;

export function isPythonIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** Dotted text of an identifier or attribute chain (`models.ForeignKey`), else undefined. */
export function dottedName(source: string, node: SyntaxNode): string | undefined {
  // A loop, not recursion: `a.a.a…` chains can be thousands deep in generated or garbled code.
  const parts: string[] = [];
  let current: SyntaxNode | null = node;
  while (current?.type === "attribute") {
    const attribute = current.childForFieldName("attribute");
    if (!attribute) return undefined;
    parts.push(textOf(source, attribute));
    current = current.childForFieldName("object");
  }
  if (current?.type !== "identifier") return undefined;
  parts.push(textOf(source, current));
  return parts.reverse().join(".");
}

/** The last component of a dotted name: `models.ForeignKey` → `ForeignKey`. */
export function lastComponent(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf(".") + 1);
}
