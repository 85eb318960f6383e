/** The commands of a shell script (a package.json script), as the script rules read them. */

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
  /** Holds a `$` expansion or a command substitution outside single quotes. */
  hasExpansion: boolean;
  /** Holds an unquoted `*`, `?` or `[`, or a leading unquoted `~`. */
  hasGlob: boolean;
}

interface ShellRedirect {
  type: "redirect";
  /** As written, target included: `> out.log`, `2>&1`. */
  value: string;
  start: number;
  end: number;
}

interface ShellOperator {
  type: "operator";
  value: ControlOperator;
  start: number;
  end: number;
}

export type ShellToken = ShellWord | ShellRedirect | ShellOperator;

/** One simple command: the words between two control operators. */
export interface ShellCommand {
  /** Words of the command, redirections left out. */
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

/** Groups tokens into simple commands separated by control operators. */
export function splitCommands(tokens: ShellToken[]): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let current: (ShellWord | ShellRedirect)[] = [];
  let before: ShellOperator | null = null;
  const flush = (after: ShellOperator | null, position: number): void => {
    const words = current.filter((token): token is ShellWord => token.type === "word");
    const start = current.length ? current[0]!.start : position;
    const end = current.length ? current[current.length - 1]!.end : position;
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
