/**
 * What the package.json rules read out of a script: swallowed failures, no-op scripts and the
 * path arguments of pytest runs. Ranges are offsets into the (decoded) script string.
 */
import { parseShell, type ShellCommand } from "../../languages/shell/index.js";

/** Failures swallowed by `|| true`, `|| exit 0`, `|| :`, `|| echo …`, or a final `; true` / `; exit 0` / `; :` / `; echo …`. */
export interface SwallowedFailure {
  /** The swallowing part as written, operator included: `|| true`, `; exit 0`, `|| echo 'skip'`. */
  text: string;
  /** Range to report (operator to the end of the swallowing command). */
  start: number;
  end: number;
  /** Range to delete to fix it (the whitespace before the operator included). */
  removeStart: number;
  removeEnd: number;
}

function wordValues(command: ShellCommand): string[] {
  return command.words.map((word) => word.value);
}

/** `true`, `:`, `exit 0`. */
function isTrivialSuccess(command: ShellCommand): boolean {
  const words = wordValues(command);
  if (words.length === 1) return words[0] === "true" || words[0] === ":";
  return words.length === 2 && words[0] === "exit" && /^0+$/.test(words[1]);
}

function isEcho(command: ShellCommand): boolean {
  return command.words[0]?.value === "echo";
}

/** `true`, `:`, `exit 0` or `echo …`: a command that always succeeds and runs nothing. */
export function alwaysSucceeds(command: ShellCommand): boolean {
  return isTrivialSuccess(command) || isEcho(command);
}

function isEmpty(command: ShellCommand): boolean {
  return command.tokens.length === 0;
}

/** Where the spaces and tabs before `position` start. */
export function whitespaceStart(script: string, position: number): number {
  let i = position;
  while (i > 0 && (script[i - 1] === " " || script[i - 1] === "\t")) i -= 1;
  return i;
}

export function findSwallowedFailures(script: string, commands: ShellCommand[] = parseShell(script)): SwallowedFailure[] {
  const found: SwallowedFailure[] = [];
  // Linear in the number of commands (a generated script can have hundreds of thousands).
  let firstNonEmpty = -1;
  let lastNonEmpty = -1;
  commands.forEach((command, k) => {
    if (isEmpty(command)) return;
    if (firstNonEmpty === -1) firstNonEmpty = k;
    lastNonEmpty = k;
  });
  commands.forEach((command, k) => {
    const op = command.before;
    if (!op || isEmpty(command)) return;
    const hasEarlierCommand = firstNonEmpty !== -1 && firstNonEmpty < k;
    if (!hasEarlierCommand) return;
    let swallows = false;
    if (op.value === "||") {
      swallows = isTrivialSuccess(command) || isEcho(command);
    } else if (op.value === ";" || op.value === "\n") {
      const isLast = k === lastNonEmpty;
      swallows = isLast && alwaysSucceeds(command);
    }
    if (!swallows) return;
    found.push({
      text: script.slice(op.start, command.end).replace(/\s+/gu, " ").trim(),
      start: op.start,
      end: command.end,
      removeStart: whitespaceStart(script, op.start),
      removeEnd: command.end,
    });
  });
  return found;
}

/**
 * A script that runs nothing: every command is `echo …`, `true`, `:` or `exit 0`
 * (`echo 'No backend tests'`, `true`). Empty scripts are not no-ops in this sense.
 */
export function isNoOpScript(script: string, commands: ShellCommand[] = parseShell(script)): boolean {
  const real = commands.filter((c) => !isEmpty(c));
  return real.length > 0 && real.every((c) => isEcho(c) || isTrivialSuccess(c));
}

