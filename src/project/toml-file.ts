import { getStaticTOMLValue, type AST } from "toml-eslint-parser";
import { parseTomlDocument } from "../languages/toml-documents.js";
import { configProblem, errorText, readReported } from "./problems.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem } from "./types.js";

/** A parse error of toml-eslint-parser: 1-based line, 0-based column. */
interface TomlParseError extends Error {
  lineNumber?: number;
  column?: number;
}

/** A TOML file read through the index: its AST, its static value and its lines. */
export interface TomlFile {
  ast: AST.TOMLProgram;
  value: Record<string, unknown>;
  lines: string[];
}

/** Parses TOML text (toml-eslint-parser); the parser's error when it is invalid. */
export function parseTomlText(text: string): TomlFile | Error {
  let ast: AST.TOMLProgram;
  try {
    ast = parseTomlDocument(text);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  const value = getStaticTOMLValue(ast);
  return { ast, value: isRecord(value) ? value : {}, lines: text.split(/\r\n|\r|\n/u) };
}

/**
 * Reads and parses a TOML file (toml-eslint-parser). Undefined when it is missing, unreadable
 * or invalid; the last two add a problem naming the file (and the line and column of a syntax error).
 */
export function readTomlFile(tfs: TrackedFs, file: string, problems: ConfigProblem[]): TomlFile | undefined {
  const text = readReported(tfs, file, problems);
  if (text === undefined) return undefined;
  const toml = parseTomlText(text);
  if (toml instanceof Error) {
    const { lineNumber, column } = toml as TomlParseError;
    problems.push(configProblem(tfs.root, file, lineNumber ?? 1, (column ?? 0) + 1, `Invalid TOML: ${errorText(toml)}`));
    return undefined;
  }
  return toml;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A string, or the strings of a list (other items left out); [] for anything else. */
export function stringList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string");
}

function keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
  return key.type === "TOMLBare" ? key.name : key.value;
}

/** The `key = value` entry of a table (dotted keys joined with `.`). */
export function tableEntry(table: AST.TOMLTable | AST.TOMLInlineTable, key: string): AST.TOMLKeyValue | undefined {
  return table.body.find((statement) => statement.key.keys.map(keyName).join(".") === key);
}

/** The line of each string element of `key = [...]` (the key's line when it is not an array). */
export function elementLines(table: AST.TOMLTable | AST.TOMLInlineTable, key: string): number[] {
  const entry = tableEntry(table, key);
  if (!entry) return [];
  if (entry.value.type !== "TOMLArray") return [entry.loc.start.line];
  return entry.value.elements.filter((element) => element.type === "TOMLValue" && element.kind === "string").map((element) => element.loc.start.line);
}

/** Every `[[name...]]` array table whose resolved key is `path` plus an index, with that index. */
export function arrayTables(file: TomlFile, path: readonly string[]): { table: AST.TOMLTable; position: number }[] {
  const result: { table: AST.TOMLTable; position: number }[] = [];
  for (const table of file.ast.body[0]?.body ?? []) {
    if (table.type !== "TOMLTable" || table.kind !== "array" || table.resolvedKey.length !== path.length + 1) continue;
    if (!path.every((part, i) => table.resolvedKey[i] === part)) continue;
    const position = table.resolvedKey[path.length];
    if (typeof position === "number") result.push({ table, position });
  }
  return result;
}
