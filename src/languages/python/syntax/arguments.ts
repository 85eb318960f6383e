import { isNameCharacterAt } from "./names.js";
import { childNodes, textOf, type SyntaxNode } from "./node.js";

/**
 * A keyword argument named `name` (`name=value`). Read from the text, where a keyword argument
 * starts with its name: no node of the name is read.
 */
export function isKeywordArgumentNamed(source: string, arg: SyntaxNode, name: string): boolean {
  return arg.type === "keyword_argument" && source.startsWith(name, arg.startIndex) && !isNameCharacterAt(source, arg.startIndex + name.length);
}

/** The keyword argument `name=…` of an argument list, if it has one. */
export function keywordArgument(source: string, args: SyntaxNode, name: string): SyntaxNode | undefined {
  // An argument list whose text never spells the name has no such argument: no node of it is read.
  if (!textOf(source, args).includes(name)) return undefined;
  return childNodes(args).find((arg) => isKeywordArgumentNamed(source, arg, name));
}
