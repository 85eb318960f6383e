import { childNodes, type SyntaxNode } from "./node.js";

/** A character that can continue a Python name. */
export const NAME_CHARACTER = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]/u;

/**
 * A keyword argument named `name` (`name=value`). Read from the text, where a keyword argument
 * starts with its name: no node of the name is read.
 */
export function isKeywordArgumentNamed(source: string, arg: SyntaxNode, name: string): boolean {
  return arg.type === "keyword_argument" && source.startsWith(name, arg.startIndex) && !NAME_CHARACTER.test(source[arg.startIndex + name.length] ?? "");
}

/** The keyword argument `name=…` of an argument list, if it has one. */
export function keywordArgument(source: string, args: SyntaxNode, name: string): SyntaxNode | undefined {
  return childNodes(args).find((arg) => isKeywordArgumentNamed(source, arg, name));
}
