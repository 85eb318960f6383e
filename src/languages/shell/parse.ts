import type { Node } from "web-tree-sitter";
import { loadGrammar, parserFor } from "../tree-sitter.js";
import { splitCommands, type ControlOperator, type ShellCommand, type ShellToken } from "./commands.js";
import { shellWord } from "./words.js";

/**
 * The bash grammar of `@vscode/tree-sitter-wasm` (the node types of tree-sitter-bash 0.25), loaded
 * on the first script parsed: 1.4 MB of WebAssembly that a run answered from the index snapshot
 * never needs.
 */
const getShellParser = parserFor(() => loadGrammar("bash"));

const OPERATORS: ReadonlySet<string> = new Set(["&&", "||", ";", "|", "|&", "&", "(", ")", ";;"]);
const REDIRECTS = new Set(["file_redirect", "herestring_redirect", "heredoc_redirect"]);
/** Reserved words of compound commands: they are not words of the commands inside them. */
const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "while", "until", "for", "in", "do", "done", "case", "esac", "!", "{", "}"]);

function operator(value: string, start: number, end: number): ShellToken {
  const normalized = (value === "|&" ? "|" : value === ";;" ? ";" : value) as ControlOperator;
  return { type: "operator", value: normalized, start, end };
}

/** A newline between two statements of a list is a separator, as `;` is. */
function newlineBetween(script: string, from: number, to: number): ShellToken | undefined {
  const at = script.slice(from, to).search(/\r?\n/u);
  return at < 0 ? undefined : operator("\n", from + at, from + at + 1);
}

class TokenWriter {
  readonly tokens: ShellToken[] = [];
  constructor(private readonly script: string) {}

  private get lastIsOperator(): boolean {
    const last = this.tokens[this.tokens.length - 1];
    return last === undefined || last.type === "operator";
  }

  /** The tokens of a command: its words (assignments included) and its redirections. */
  command(node: Node): void {
    for (const child of node.namedChildren) {
      if (!child || child.type === "comment") continue;
      if (REDIRECTS.has(child.type)) this.tokens.push({ type: "redirect", value: child.text, start: child.startIndex, end: child.endIndex });
      else if (child.type === "command_name") this.word(child.namedChildren[0] ?? child);
      else this.word(child);
    }
  }

  private word(node: Node): void {
    this.tokens.push(shellWord(node));
  }

  /** A command, word or redirection: its tokens; true when the node is one of those (a leaf of the walk). */
  private leaf(node: Node): boolean {
    if (node.type === "command") this.command(node);
    else if (node.type === "variable_assignment" || node.type === "word") this.word(node);
    else if (REDIRECTS.has(node.type)) this.tokens.push({ type: "redirect", value: node.text, start: node.startIndex, end: node.endIndex });
    else return false;
    return true;
  }

  /**
   * Any other node: its operators, and its statements and commands in order. Walked with a stack,
   * not by recursion: nesting (subshells, compound commands, error recovery) has no depth limit.
   */
  node(root: Node): void {
    const stack: { node: Node; children: (Node | null)[]; next: number; previous: Node | null }[] = [];
    const enter = (node: Node): void => {
      if (!this.leaf(node)) stack.push({ node, children: node.children, next: 0, previous: null });
    };
    enter(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const child = frame.children[frame.next++];
      if (frame.next > frame.children.length) {
        stack.pop();
        continue;
      }
      if (!child || child.type === "comment") continue;
      if (!child.isNamed) {
        if (OPERATORS.has(child.type)) this.tokens.push(operator(child.type, child.startIndex, child.endIndex));
        else if (!KEYWORDS.has(child.type) && child.type.trim() !== "" && frame.node.type === "ERROR") this.word(child);
        frame.previous = null;
        continue;
      }
      if (frame.previous && !this.lastIsOperator) {
        const newline = newlineBetween(this.script, frame.previous.endIndex, child.startIndex);
        if (newline) this.tokens.push(newline);
      }
      frame.previous = child;
      enter(child);
    }
  }
}

/**
 * Scripts longer than this are not read: a package.json script is a line or two, and a script of
 * megabytes (hundreds of thousands of commands) would cost more memory than a lint run has.
 */
const MAX_SHELL_SCRIPT_LENGTH = 1_000_000;

/** The script is short enough to be read ({@link MAX_SHELL_SCRIPT_LENGTH}); rules leave longer ones alone. */
export function isReadableScript(script: string): boolean {
  return script.length <= MAX_SHELL_SCRIPT_LENGTH;
}

/** The last scripts parsed: several rules read the same `backend:test` script. */
const recent = new Map<string, ShellCommand[]>();
const RECENT_LIMIT = 16;

/**
 * Commands handed over by a caller that already had them (the repository index takes the test
 * scripts' commands from its snapshot). A parse is worth avoiding beyond its own cost: the first
 * ones make V8 compile the bash grammar's WebAssembly with its optimizing compiler, which leaves
 * the process tens of MB larger for the rest of its life.
 */
const given = new Map<string, ShellCommand[]>();
const GIVEN_LIMIT = 10_000;

/** Lets `parseShell` answer for `script` with these commands (the ones a parse of it gives) without parsing it. */
export function rememberShellCommands(script: string, commands: ShellCommand[]): void {
  if (given.size < GIVEN_LIMIT || given.has(script)) given.set(script, commands);
}

/** Forgets the commands handed over and the last scripts parsed (a caller that forgets where they came from). */
export function forgetShellCommands(): void {
  given.clear();
  recent.clear();
}

/** The scripts and commands handed over so far (for a caller to hand them over again in a later process). */
export function rememberedShellCommands(): [string, ShellCommand[]][] {
  return [...given];
}

/**
 * The simple commands of a script, split at `&&`, `||`, `|`, `;`, `&`, newlines and parentheses.
 * The result is shared between callers (the last few scripts are remembered): do not change it.
 * A script too long to read ({@link isReadableScript}) has no commands.
 */
export function parseShell(script: string): ShellCommand[] {
  if (!isReadableScript(script)) return [];
  const known = given.get(script) ?? recent.get(script);
  if (known) return known;
  const commands = parseShellText(script);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(script, commands);
  return commands;
}

function parseShellText(script: string): ShellCommand[] {
  const tree = getShellParser().parse(script);
  if (!tree) return splitCommands([]);
  try {
    const writer = new TokenWriter(script);
    writer.node(tree.rootNode);
    return splitCommands(writer.tokens);
  } finally {
    tree.delete();
  }
}
