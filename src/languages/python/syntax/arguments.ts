import { childNodes, type SyntaxNode } from "./node.js";

/** A character that can continue a Python name. */
export const NAME_CHARACTER = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]/u;

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

/**
 * A keyword argument named `name` (`name=value`). Read from the text, where a keyword argument
 * starts with its name: no node of the name is read.
 */
export function isKeywordArgumentNamed(source: string, arg: SyntaxNode, name: string): boolean {
  return arg.type === "keyword_argument" && source.startsWith(name, arg.startIndex) && !isNameCharacterAt(source, arg.startIndex + name.length);
}

/** The keyword argument `name=…` of an argument list, if it has one. */
export function keywordArgument(source: string, args: SyntaxNode, name: string): SyntaxNode | undefined {
  return childNodes(args).find((arg) => isKeywordArgumentNamed(source, arg, name));
}
