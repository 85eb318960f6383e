import { textOf, type SyntaxNode } from "./node.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/u;

/** A character that can continue a Python name. */
export const NAME_CHARACTER = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]/u;

/** A Python name as plain text writes it (a pattern to build others with; no anchors, no flags). */
export const NAME = new RegExp(`[\\p{L}\\p{Nl}_]${NAME_CHARACTER.source}*`, "u");

// Sticky, so that a test reads the whole character at (or before) `lastIndex`: a letter outside
// the Basic Multilingual Plane is two UTF-16 units, neither of them a letter alone.
const NAME_CHARACTER_AT = new RegExp(NAME_CHARACTER.source, "uy");
const NAME_CHARACTER_BEFORE = new RegExp(`(?<=${NAME_CHARACTER.source})`, "uy");

/** The character that starts at offset `at` of `source` can continue a Python name. */
export function isNameCharacterAt(source: string, at: number): boolean {
  NAME_CHARACTER_AT.lastIndex = at;
  return NAME_CHARACTER_AT.test(source);
}

/** The character that ends at offset `at` of `source` can continue a Python name. */
export function isNameCharacterBefore(source: string, at: number): boolean {
  NAME_CHARACTER_BEFORE.lastIndex = at;
  return NAME_CHARACTER_BEFORE.test(source);
}

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
