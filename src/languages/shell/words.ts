import type { Node } from "web-tree-sitter";
import type { ShellWord } from "./commands.js";

const EXPANSIONS = new Set(["simple_expansion", "expansion", "command_substitution", "process_substitution", "arithmetic_expansion"]);

/** `\x` → `x` outside quotes (a backslash-newline disappears). */
function unescape(text: string): string {
  return text.replace(/\\(\r?\n|[\s\S])/gu, (_, character: string) => (character.startsWith("\n") || character.startsWith("\r") ? "" : character));
}

/** Inside double quotes only `\"`, `\\`, `\$`, `` \` `` and a backslash-newline are escapes. */
function unescapeDoubleQuoted(text: string): string {
  return text.replace(/\\(["\\$`]|\r?\n)/gu, (_, character: string) => (character === "\n" || character === "\r\n" ? "" : character));
}

interface WordParts {
  value: string;
  quoted: boolean;
  hasExpansion: boolean;
  hasGlob: boolean;
}

function partsOf(node: Node, first: boolean): WordParts {
  const text = node.text;
  if (EXPANSIONS.has(node.type)) return { value: text, quoted: false, hasExpansion: true, hasGlob: false };
  switch (node.type) {
    case "raw_string":
      return { value: text.slice(1, -1), quoted: true, hasExpansion: false, hasGlob: false };
    case "ansi_c_string":
      return { value: text.slice(2, -1), quoted: true, hasExpansion: false, hasGlob: false };
    case "string": {
      const expansion = node.namedChildren.some((child) => child !== null && EXPANSIONS.has(child.type));
      return { value: unescapeDoubleQuoted(text.slice(1, -1)), quoted: true, hasExpansion: expansion, hasGlob: false };
    }
    case "concatenation": {
      const parts = node.namedChildren.filter((child): child is Node => child !== null).map((child, i) => partsOf(child, first && i === 0));
      return {
        value: parts.map((part) => part.value).join(""),
        quoted: parts.some((part) => part.quoted),
        hasExpansion: parts.some((part) => part.hasExpansion),
        hasGlob: parts.some((part) => part.hasGlob),
      };
    }
    default: {
      const value = unescape(text);
      const hasGlob = /(?<!\\)[*?[]/u.test(text) || (first && text.startsWith("~"));
      return { value, quoted: text.includes("\\"), hasExpansion: /(?<!\\)[$`]/u.test(text), hasGlob };
    }
  }
}

/** A word of a command (`word`, quoted strings, concatenations, expansions) with its decoded value. */
export function shellWord(node: Node): ShellWord {
  return { type: "word", ...partsOf(node, true), start: node.startIndex, end: node.endIndex };
}
