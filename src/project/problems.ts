import path from "node:path";
import type { ConfigProblem } from "./types.js";

/** `products/db_routing.yaml` for a file under the root, with `/` separators. */
export function relativeToRoot(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

/** A problem whose message starts with `<file relative to root>:<line>:<column>: `. */
export function configProblem(root: string, file: string, line: number, column: number, text: string): ConfigProblem {
  const safeLine = Number.isInteger(line) && line > 0 ? line : 1;
  const safeColumn = Number.isInteger(column) && column > 0 ? column : 1;
  return {
    file,
    line: safeLine,
    column: safeColumn,
    message: `${relativeToRoot(root, file)}:${safeLine}:${safeColumn}: ${text}`,
  };
}

/** The message of an unknown thrown value, first line only. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.trim();
}

/** The problems the index recorded for one file (`pyproject.toml`, `apps.py`...). */
export function problemsOfFile(problems: readonly ConfigProblem[], file: string): ConfigProblem[] {
  const target = path.resolve(file);
  return problems.filter((problem) => path.resolve(problem.file) === target);
}

/**
 * The text of a repository file read through the index (`tfs`), or undefined when it is missing
 * or unreadable; an unreadable one adds a problem naming it.
 */
export function readReported(tfs: { root: string; readText(file: string): string | undefined | Error }, file: string, problems: ConfigProblem[]): string | undefined {
  const text = tfs.readText(file);
  if (!(text instanceof Error)) return text;
  problems.push(configProblem(tfs.root, file, 1, 1, `Cannot read the file: ${errorText(text)}`));
  return undefined;
}
