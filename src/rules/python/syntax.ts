import type { PyNode } from "../../parsers/python/ast.js";

export function childByField(node: PyNode, field: string): PyNode | undefined {
  return node.children.find((child) => child.field === field);
}

export function childrenByField(node: PyNode, field: string): PyNode[] {
  return node.children.filter((child) => child.field === field);
}

export function textOf(text: string, node: PyNode): string {
  return text.slice(node.range[0], node.range[1]);
}

/** Nearest ancestor of one of the given types. */
export function closestAncestor(node: PyNode, types: ReadonlySet<string>): PyNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (types.has(current.type)) return current;
  }
  return undefined;
}

/** The node itself or one of its ancestors is an ERROR/MISSING node. */
export function isInsideError(node: PyNode): boolean {
  for (let current: PyNode | null = node; current; current = current.parent) {
    if (current.type === "ERROR" || current.type === "MISSING") return true;
  }
  return false;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  t: "\t",
  r: "\r",
  "0": "\0",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "\n": "",
};

/**
 * The value of a plain string literal (`"x"`, `'x'`, `r"x"`, `"""x"""`), or undefined
 * for f-strings, bytes, implicit concatenations and anything with an error.
 */
export function stringLiteralValue(text: string, node: PyNode): string | undefined {
  if (node.type !== "string" || node.hasError) return undefined;
  const start = node.children.find((child) => child.type === "string_start");
  const end = node.children.find((child) => child.type === "string_end");
  if (!start || !end) return undefined;
  const prefix = textOf(text, start).replace(/["']+$/u, "").toLowerCase();
  if (prefix.includes("f") || prefix.includes("b") || prefix.includes("t")) return undefined;
  const raw = text.slice(start.range[1], end.range[0]);
  if (prefix.includes("r")) return raw;
  return raw.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/gu, (match, escape: string) => {
    if (escape.length > 1) return String.fromCodePoint(Number.parseInt(escape.slice(1), 16));
    return SIMPLE_ESCAPES[escape] ?? match;
  });
}

/** The quote characters of a string literal (`"`, `'`, `"""`), for writing a replacement in the same style. */
export function stringQuote(text: string, node: PyNode): string {
  const start = node.children.find((child) => child.type === "string_start");
  const quote = start ? textOf(text, start).replace(/^[a-zA-Z]+/u, "") : '"';
  return quote === "'" || quote === '"' ? quote : '"';
}

/** A Python string literal for `value` in the given quote style. */
export function pythonStringLiteral(value: string, quote: string): string {
  const escaped = value.replace(/\\/gu, "\\\\").replace(new RegExp(quote, "gu"), `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** Offset of the first character of the line holding `index`. */
export function lineStartOf(text: string, index: number): number {
  // A backwards scan stops at the nearest break; lastIndexOf("\r") would scan to the top of LF files.
  let i = index;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

/** Offset of the line break (or end of text) after `index`. */
export function lineEndOf(text: string, index: number): number {
  for (let i = index; i < text.length; i++) {
    if (text[i] === "\n" || text[i] === "\r") return i;
  }
  return text.length;
}

/** The whitespace before the first character of the line holding `index`. */
export function indentationAt(text: string, index: number): string {
  const start = lineStartOf(text, index);
  return /^[ \t]*/u.exec(text.slice(start, index))![0];
}

/** True when only whitespace precedes `index` on its line. */
export function startsLine(text: string, index: number): boolean {
  return /^[ \t]*$/u.test(text.slice(lineStartOf(text, index), index));
}

/** The line break the file uses (the first one found), LF when none. */
export function lineBreakOf(text: string): string {
  const match = /\r\n|\r|\n/u.exec(text);
  return match ? match[0] : "\n";
}

/** Dotted text of an identifier / attribute chain (`models.ForeignKey`), or undefined for anything else. */
export function dottedName(text: string, node: PyNode): string | undefined {
  // A loop, not recursion: `a.a.a…` chains can be thousands deep in generated or garbled code.
  const parts: string[] = [];
  let current: PyNode | undefined = node;
  while (current?.type === "attribute") {
    const attribute = childByField(current, "attribute");
    if (!attribute) return undefined;
    parts.push(textOf(text, attribute));
    current = childByField(current, "object");
  }
  if (current?.type !== "identifier") return undefined;
  parts.push(textOf(text, current));
  return parts.reverse().join(".");
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The single candidate within distance 2 of `name` (case-insensitive), if exactly one exists. */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const close = [...candidates].filter((candidate) => editDistance(lower, candidate.toLowerCase()) <= 2);
  return close.length === 1 ? close[0] : undefined;
}
