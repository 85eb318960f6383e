/**
 * A small POSIX-shell tokenizer for package.json scripts: enough to find the commands of a
 * script (split on `&&`, `||`, `;`, `|`, `&`, newlines and parentheses), their words with quotes
 * removed, and where each word and operator sits in the script, so that rules can report and fix
 * exact ranges. It does not expand anything: words holding `$…`, backquotes or unquoted glob
 * characters are flagged so callers can leave them alone.
 */

export type ControlOperator = "&&" | "||" | ";" | "|" | "&" | "\n" | "(" | ")";

export interface ShellWord {
  type: "word";
  /** The word with quotes and escapes removed. */
  value: string;
  /** Range in the script (quotes included). */
  start: number;
  end: number;
  /** Some part of the word was quoted. */
  quoted: boolean;
  /** Holds a `$` expansion or a backquote outside single quotes. */
  hasExpansion: boolean;
  /** Holds an unquoted `*`, `?` or `[`, or a leading unquoted `~`. */
  hasGlob: boolean;
}

export interface ShellRedirect {
  type: "redirect";
  /** As written, e.g. `>`, `2>`, `>>`, `2>&1`, `<`. */
  value: string;
  start: number;
  end: number;
  /** Whether the next word is the redirection's target (false for `>&2`, `2>&1`...). */
  takesTarget: boolean;
}

export interface ShellOperator {
  type: "operator";
  value: ControlOperator;
  start: number;
  end: number;
}

export type ShellToken = ShellWord | ShellRedirect | ShellOperator;

/** One simple command: the words between two control operators. */
export interface ShellCommand {
  /** Words of the command, redirections and their targets left out. */
  words: ShellWord[];
  /** Every token of the command, redirections included. */
  tokens: (ShellWord | ShellRedirect)[];
  /** The operator before the command, if any. */
  before: ShellOperator | null;
  /** The operator after the command, if any. */
  after: ShellOperator | null;
  /** Range from the first to the last token (empty commands: the position of `after`). */
  start: number;
  end: number;
}

const WORD_BREAK = new Set([" ", "\t", "\n", "\r", ";", "&", "|", "(", ")", "<", ">"]);

/** Splits a script into words, redirections and control operators. */
export function tokenizeShell(script: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  let i = 0;
  const n = script.length;
  while (i < n) {
    const ch = script[i];
    if (ch === " " || ch === "\t" || ch === "\r") {
      i += 1;
      continue;
    }
    if (ch === "\\" && script[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (ch === "#") {
      // A comment runs to the end of the line (only at the start of a word).
      while (i < n && script[i] !== "\n") i += 1;
      continue;
    }
    if (ch === "\n" || ch === ";" || ch === "(" || ch === ")") {
      tokens.push({ type: "operator", value: ch, start: i, end: i + 1 });
      i += 1;
      continue;
    }
    if (ch === "&" || ch === "|") {
      if (ch === "&" && script[i + 1] === ">") {
        i = readRedirect(script, i, i, tokens);
        continue;
      }
      const double = script[i + 1] === ch;
      tokens.push({ type: "operator", value: (double ? ch + ch : ch) as ControlOperator, start: i, end: i + (double ? 2 : 1) });
      i += double ? 2 : 1;
      continue;
    }
    if (ch === "<" || ch === ">") {
      i = readRedirect(script, i, i, tokens);
      continue;
    }
    // A word.
    const start = i;
    let value = "";
    let quoted = false;
    let hasExpansion = false;
    let hasGlob = false;
    while (i < n && !WORD_BREAK.has(script[i])) {
      const c = script[i];
      if (c === "'") {
        quoted = true;
        const close = script.indexOf("'", i + 1);
        const stop = close === -1 ? n : close;
        value += script.slice(i + 1, stop);
        i = close === -1 ? n : close + 1;
      } else if (c === '"') {
        quoted = true;
        i += 1;
        while (i < n && script[i] !== '"') {
          if (script[i] === "\\" && i + 1 < n && '"\\$`\n'.includes(script[i + 1])) {
            if (script[i + 1] !== "\n") value += script[i + 1];
            i += 2;
            continue;
          }
          if (script[i] === "$" || script[i] === "`") hasExpansion = true;
          value += script[i];
          i += 1;
        }
        i += 1; // closing quote
      } else if (c === "\\") {
        if (i + 1 < n && script[i + 1] !== "\n") value += script[i + 1];
        quoted = true;
        i += 2;
      } else {
        if (c === "$" || c === "`") hasExpansion = true;
        if (c === "*" || c === "?" || c === "[" || (c === "~" && i === start)) hasGlob = true;
        value += c;
        i += 1;
      }
    }
    i = Math.min(i, n);
    // `2>file`: a file-descriptor number glued to a redirection.
    if (/^\d+$/.test(value) && !quoted && (script[i] === ">" || script[i] === "<")) {
      i = readRedirect(script, start, i, tokens);
      continue;
    }
    tokens.push({ type: "word", value, start, end: i, quoted, hasExpansion, hasGlob });
  }
  return tokens;
}

function readRedirect(script: string, start: number, at: number, tokens: ShellToken[]): number {
  let i = at;
  if (script[i] === "&") i += 1; // &> / &>>
  const op = script[i];
  i += 1;
  if (script[i] === op || (op === ">" && script[i] === "|")) i += 1; // >> << >|
  let takesTarget = true;
  if (script[i] === "&") {
    // >&2, 2>&1, <&0, >&-
    // Sticky, not `exec(script.slice(i))`: a copy of the rest of the script per redirection is quadratic.
    const fdTarget = /&(\d+|-)/y;
    fdTarget.lastIndex = i;
    const m = fdTarget.exec(script);
    if (m) {
      i += m[0].length;
      takesTarget = false;
    } else {
      i += 1;
    }
  }
  tokens.push({ type: "redirect", value: script.slice(start, i), start, end: i, takesTarget });
  return i;
}

/** Groups tokens into simple commands separated by control operators. */
export function splitCommands(tokens: ShellToken[]): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let current: (ShellWord | ShellRedirect)[] = [];
  let before: ShellOperator | null = null;
  const flush = (after: ShellOperator | null, position: number) => {
    const words: ShellWord[] = [];
    for (let k = 0; k < current.length; k++) {
      const token = current[k];
      if (token.type === "redirect") {
        if (token.takesTarget && current[k + 1]?.type === "word") k += 1;
        continue;
      }
      words.push(token);
    }
    const start = current.length ? current[0].start : position;
    const end = current.length ? current[current.length - 1].end : position;
    commands.push({ words, tokens: current, before, after, start, end });
    current = [];
    before = after;
  };
  for (const token of tokens) {
    if (token.type === "operator") flush(token, token.start);
    else current.push(token);
  }
  const last = tokens[tokens.length - 1];
  flush(null, last ? last.end : 0);
  return commands;
}

/** `tokenizeShell` + `splitCommands`. */
export function parseShell(script: string): ShellCommand[] {
  return splitCommands(tokenizeShell(script));
}
