/**
 * Where a script loses pytest's exit status without `||`: a pipe (`pytest … | tee log`: `sh` has
 * no `pipefail`), the background (`pytest … & wait`), or a later command after `;` whose status
 * becomes the script's (`pytest a; pytest b`). Ranges are offsets into the decoded script.
 */
import { pytestArguments } from "../../project/pytest-arguments.js";
import { alwaysSucceeds, whitespaceStart } from "./scripts.js";
import type { ShellCommand } from "../../languages/shell/index.js";

export type HiddenStatusKind = "pipe" | "background" | "sequence";

export interface HiddenStatus {
  kind: HiddenStatusKind;
  /** What hides the status, as written (on one line, trimmed): `| tee out.log`, `& wait`, `; pytest b`. */
  text: string;
  /** Range to report. */
  start: number;
  end: number;
  /** A suggested edit of the script (decoded offsets), when one keeps its intent. */
  edit?: { start: number; end: number; text: string };
}

/** The text of a report is for a message: a few words are enough, however long the script. */
const TEXT_LIMIT = 200;

const isEmpty = (command: ShellCommand): boolean => command.tokens.length === 0;

/** `set -e` / `set -o errexit` / `set -o pipefail` (and their `+` forms, which turn them off). */
function applyShellOptions(command: ShellCommand, options: { errexit: boolean; pipefail: boolean }): void {
  const words = command.words.map((word) => word.value);
  if (words[0] !== "set") return;
  for (let i = 1; i < words.length; i++) {
    const match = /^([-+])([a-z]*)$/u.exec(words[i]!);
    if (!match) continue;
    const on = match[1] === "-";
    if (match[2]!.includes("e")) options.errexit = on;
    if (match[2]!.endsWith("o")) {
      if (words[i + 1] === "pipefail") options.pipefail = on;
      if (words[i + 1] === "errexit") options.errexit = on;
    }
  }
}

function textBetween(script: string, start: number, end: number): string {
  return script.slice(start, Math.min(end, start + TEXT_LIMIT)).replace(/\s+/gu, " ").trim();
}

/** A command that hands the script pytest's status back: `exit` (bare or `exit $?`), `wait <pid>`. */
function keepsStatus(command: ShellCommand): boolean {
  const [name, argument] = command.words;
  if (name?.value === "exit") return argument === undefined || argument.hasExpansion;
  return name?.value === "wait" && argument !== undefined;
}

/** What the commands after each index hold, computed once from the end (linear in the script). */
interface After {
  /** The next command that is not empty. */
  next: number[];
  /** The last command that is not empty. */
  last: number;
  /** All later commands always succeed (echo, true, :, exit 0). */
  allSucceed: boolean[];
  /** A later command keeps pytest's status. */
  keeps: boolean[];
  /** The only later command is a bare `wait`. */
  onlyBareWait: boolean[];
  /** Index of the last command of the pipeline each command belongs to. */
  pipelineEnd: number[];
}

function commandsAfter(commands: ShellCommand[]): After {
  const n = commands.length;
  const after: After = { next: new Array(n).fill(-1), last: -1, allSucceed: new Array(n).fill(true), keeps: new Array(n).fill(false), onlyBareWait: new Array(n).fill(false), pipelineEnd: new Array(n) };
  let next = -1;
  let count = 0;
  let allSucceed = true;
  let keeps = false;
  for (let k = n - 1; k >= 0; k--) {
    after.next[k] = next;
    after.allSucceed[k] = allSucceed;
    after.keeps[k] = keeps;
    const nextCommand = next >= 0 ? commands[next]! : undefined;
    after.onlyBareWait[k] = count === 1 && nextCommand?.words.length === 1 && nextCommand.words[0]!.value === "wait";
    after.pipelineEnd[k] = commands[k]!.after?.value === "|" && k + 1 < n ? after.pipelineEnd[k + 1]! : k;
    const command = commands[k]!;
    if (isEmpty(command)) continue;
    if (after.last === -1) after.last = k;
    next = k;
    count++;
    allSucceed &&= alwaysSucceeds(command);
    keeps ||= keepsStatus(command);
  }
  return after;
}

export function findHiddenStatuses(script: string, commands: ShellCommand[]): HiddenStatus[] {
  const found: HiddenStatus[] = [];
  const options = { errexit: false, pipefail: false };
  const after = commandsAfter(commands);
  commands.forEach((command, k) => {
    applyShellOptions(command, options);
    if (isEmpty(command) || !pytestArguments(command)) return;
    const operator = command.after;
    if (operator?.value === "|" && !options.pipefail) {
      const end = commands[after.pipelineEnd[k]!]!.end;
      const edit = { start: whitespaceStart(script, operator.start), end, text: "" };
      found.push({ kind: "pipe", text: textBetween(script, operator.start, end), start: operator.start, end, edit });
    } else if (operator?.value === "&" && !after.keeps[k]) {
      const bareWait = after.onlyBareWait[k]!;
      const end = bareWait ? commands[after.next[k]!]!.end : operator.end;
      const edit = bareWait ? { edit: { start: whitespaceStart(script, operator.start), end, text: "" } } : {};
      found.push({ kind: "background", text: textBetween(script, operator.start, end), start: operator.start, end, ...edit });
    } else if ((operator?.value === ";" || operator?.value === "\n") && !options.errexit) {
      const next = after.next[k]!;
      // Only commands that always succeed after it: a swallowed failure (`; echo done`), reported as such.
      if (next < 0 || after.keeps[k] || after.allSucceed[k]) return;
      const end = commands[after.last]!.end;
      const edit = operator.value === ";" ? { edit: { start: whitespaceStart(script, operator.start), end: commands[next]!.start, text: " && " } } : {};
      found.push({ kind: "sequence", text: textBetween(script, operator.start, end), start: operator.start, end, ...edit });
    }
  });
  return found;
}
