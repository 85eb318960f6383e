/**
 * A small scanner over TOML source text, run only on text that smol-toml already parsed:
 * it finds where things are (lines), which the parsed value does not say. It understands
 * comments, the four string forms, multi-line arrays and inline tables, so that `[[...]]`
 * or `#` inside a string is never mistaken for a header or a comment.
 */

export interface TomlStatement {
  /** Key as written, quotes removed, dotted parts joined with `.`. */
  key: string;
  line: number;
  /** When the value is an array: the 1-based line of each element, in order. */
  elementLines?: number[];
}

export interface TomlBlock {
  /** `[[name]]` (array of tables) or `[name]`. */
  kind: "array" | "table";
  name: string;
  /** 1-based line of the header. */
  line: number;
  statements: TomlStatement[];
  /** Comment texts (without `#`) between the previous statement and the header. */
  leadingComments: string[];
  /** Comment texts inside the block, before its last statement. */
  innerComments: string[];
}

export interface TomlScan {
  /** Statements before the first header. */
  rootStatements: TomlStatement[];
  blocks: TomlBlock[];
}

export function scanToml(text: string): TomlScan {
  let i = 0;
  let line = 1;
  const length = text.length;
  const result: TomlScan = { rootStatements: [], blocks: [] };
  let current: TomlBlock | undefined;
  let pendingComments: string[] = [];

  const advance = (): void => {
    if (text[i] === "\n") line++;
    i++;
  };
  const skipInlineSpace = (): void => {
    while (i < length && (text[i] === " " || text[i] === "\t")) i++;
  };
  const readComment = (): string => {
    const start = i + 1;
    while (i < length && text[i] !== "\n") i++;
    return text.slice(start, i).replace(/^ /u, "").trimEnd();
  };
  /** Skips spaces, newlines and comments (collected into `comments` when given). */
  const skipBlank = (comments?: string[]): void => {
    while (i < length) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\r" || c === "\n") advance();
      else if (c === "#") {
        const comment = readComment();
        comments?.push(comment);
      } else break;
    }
  };
  const readString = (): string => {
    const quote = text[i]!;
    const triple = text.startsWith(quote.repeat(3), i);
    const start = i;
    if (triple) {
      i += 3;
      const close = quote.repeat(3);
      while (i < length && !text.startsWith(close, i)) {
        if (quote === '"' && text[i] === "\\") advance();
        advance();
      }
      i += 3;
      // Up to two extra quotes may belong to the content (`""""a"""""`).
      while (i < length && text[i] === quote) i++;
    } else {
      i++;
      while (i < length && text[i] !== quote && text[i] !== "\n") {
        if (quote === '"' && text[i] === "\\") i++;
        i++;
      }
      i++;
    }
    return text.slice(start, Math.min(i, length));
  };
  const skipValue = (): void => {
    const c = text[i];
    if (c === '"' || c === "'") readString();
    else if (c === "[") skipArray();
    else if (c === "{") skipInlineTable();
    else {
      while (i < length && !/[,\]}\n#]/u.test(text[i]!)) i++;
    }
  };
  const skipArray = (elementLines?: number[]): void => {
    i++; // [
    for (;;) {
      skipBlank();
      if (i >= length) return;
      const c = text[i];
      if (c === "]") {
        i++;
        return;
      }
      if (c === ",") {
        i++;
        continue;
      }
      elementLines?.push(line);
      const before = i;
      skipValue();
      if (i === before) i++;
    }
  };
  const skipInlineTable = (): void => {
    i++; // {
    for (;;) {
      skipBlank();
      if (i >= length) return;
      const c = text[i];
      if (c === "}") {
        i++;
        return;
      }
      if (c === "," || c === "=" || c === ".") {
        i++;
        continue;
      }
      const before = i;
      if (c === '"' || c === "'") readString();
      else if (c === "[" || c === "{") skipValue();
      else {
        while (i < length && !/[\s,=}.\]]/u.test(text[i]!)) i++;
      }
      if (i === before) i++;
    }
  };
  const unquote = (raw: string): string => {
    if (raw.startsWith('"')) {
      try {
        return JSON.parse(raw) as string;
      } catch {
        return raw.slice(1, -1);
      }
    }
    if (raw.startsWith("'")) return raw.slice(1, -1);
    return raw;
  };
  /** A (possibly dotted, possibly quoted) key, up to `=` or `]`. */
  const readKey = (): string => {
    const parts: string[] = [];
    for (;;) {
      skipInlineSpace();
      const c = text[i];
      if (c === '"' || c === "'") parts.push(unquote(readString()));
      else {
        const start = i;
        while (i < length && /[A-Za-z0-9_-]/u.test(text[i]!)) i++;
        if (i === start) break;
        parts.push(text.slice(start, i));
      }
      skipInlineSpace();
      if (text[i] === ".") i++;
      else break;
    }
    return parts.join(".");
  };
  const skipToLineEnd = (): void => {
    while (i < length && text[i] !== "\n") {
      if (text[i] === "#") {
        pendingComments.push(readComment());
        return;
      }
      i++;
    }
  };

  while (i < length) {
    skipBlank(pendingComments);
    if (i >= length) break;
    const headerLine = line;
    if (text[i] === "[") {
      const isArray = text[i + 1] === "[";
      i += isArray ? 2 : 1;
      const name = readKey();
      skipInlineSpace();
      i += isArray ? 2 : 1;
      current = {
        kind: isArray ? "array" : "table",
        name,
        line: headerLine,
        statements: [],
        leadingComments: pendingComments,
        innerComments: [],
      };
      pendingComments = [];
      result.blocks.push(current);
      skipToLineEnd();
      continue;
    }
    const before = i;
    const key = readKey();
    skipInlineSpace();
    if (text[i] !== "=" || !key) {
      // Not valid TOML (cannot happen after a successful parse): skip the line.
      if (i === before) i++;
      skipToLineEnd();
      continue;
    }
    i++;
    skipInlineSpace();
    const statement: TomlStatement = { key, line: headerLine };
    if (text[i] === "[") {
      statement.elementLines = [];
      skipArray(statement.elementLines);
    } else {
      skipValue();
    }
    if (current) {
      current.innerComments.push(...pendingComments);
      current.statements.push(statement);
    } else {
      result.rootStatements.push(statement);
    }
    pendingComments = [];
    skipToLineEnd();
  }
  return result;
}
