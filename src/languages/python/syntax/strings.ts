import { textOf, type SyntaxNode } from "./node.js";

const OPENING = /^([A-Za-z]*)('''|"""|'|")/u;
const ESCAPE = /\\(N\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|\r\n|[\s\S])/gu;

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
  "\r": "",
  "\r\n": "",
};

function decodeEscape(whole: string, escape: string): string {
  if (escape in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[escape]!;
  if (/^[xuU][0-9a-fA-F]+$/u.test(escape)) {
    const code = Number.parseInt(escape.slice(1), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  if (/^[0-7]+$/u.test(escape)) return String.fromCodePoint(Number.parseInt(escape, 8));
  // `\N{NAME}` and unknown escapes: Python keeps unknown ones as written.
  return whole;
}

/**
 * The value of a plain Python string literal (`"x"`, `'x'`, `"""x"""`, `r"x"`, `u"x"`), or
 * undefined for f-strings, t-strings, bytes, implicit concatenations and broken literals.
 */
export function stringValue(source: string, node: SyntaxNode): string | undefined {
  if (node.type !== "string" || node.hasError) return undefined;
  const text = textOf(source, node);
  const match = OPENING.exec(text);
  if (!match) return undefined;
  const prefix = match[1]!.toLowerCase();
  const quote = match[2]!;
  if (prefix !== "" && prefix !== "r" && prefix !== "u") return undefined;
  const start = match[0].length;
  if (text.length < start + quote.length || !text.endsWith(quote)) return undefined;
  const body = text.slice(start, text.length - quote.length);
  return prefix === "r" ? body : body.replace(ESCAPE, decodeEscape);
}

/** The quote of a string literal (`"` or `'`; `"` for triple-quoted ones), to write a replacement in the same style. */
export function stringQuote(source: string, node: SyntaxNode): string {
  const match = OPENING.exec(textOf(source, node));
  return match?.[2] === "'" ? "'" : '"';
}

/** A Python string literal for `value` in the given quote style. */
export function pythonStringLiteral(value: string, quote: string): string {
  const escaped = value.replace(/\\/gu, "\\\\").replace(new RegExp(quote, "gu"), `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}
