import { getStaticTOMLValue, parseTOML, type AST } from "toml-eslint-parser";
import { configProblem, errorText, readReported } from "./problems.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, RepoIndex, TachInterface, TachModule } from "./types.js";

/**
 * hogli exempts an `[[interfaces]]` block whose comment lines directly above the header carry
 * this marker: a declared, permanent coupling (ClickHouse DDL used by core), not a leak.
 */
const PERMANENT_INTERFACE_MARKER = "isolation:permanent-interface";

/** A parse error of toml-eslint-parser: 1-based line, 0-based column. */
interface TomlParseError {
  message: string;
  lineNumber?: number;
  column?: number;
}

function stringList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string");
}

/**
 * hogli's rule: walking up from the header, blank lines are skipped and comment lines looked at,
 * up to the first other line; the block is permanent when one of those comments has the marker.
 */
function isPermanent(lines: readonly string[], headerLine: number): boolean {
  for (let i = headerLine - 2; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    if (!line.startsWith("#")) return false;
    if (line.includes(PERMANENT_INTERFACE_MARKER)) return true;
  }
  return false;
}

/** The line of each string element of an `expose = [...]` array (the key's line when it is not an array). */
function elementLines(table: AST.TOMLTable, key: string): number[] {
  const entry = table.body.find((statement) => statement.key.keys.map(keyName).join(".") === key);
  if (!entry) return [];
  if (entry.value.type !== "TOMLArray") return [entry.loc.start.line];
  return entry.value.elements.filter((element) => element.type === "TOMLValue" && element.kind === "string").map((element) => element.loc.start.line);
}

function keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
  return key.type === "TOMLBare" ? key.name : key.value;
}

function readInterface(table: AST.TOMLTable, value: Record<string, unknown>, lines: readonly string[]): TachInterface {
  const line = table.loc.start.line;
  const exposeLines = elementLines(table, "expose");
  const expose = stringList(value.expose);
  return {
    from: stringList(value.from),
    expose,
    line,
    exposeLines: expose.map((_, position) => exposeLines[position] ?? exposeLines[0] ?? line),
    permanent: isPermanent(lines, line),
  };
}

/**
 * Each `[[modules]]` block's `path`, and hogli's test of a module-level interface: the text from
 * the block's header to the next `[[modules]]` header mentions `interfaces` (an `interfaces` key,
 * or an `[[interfaces]]` block placed after it), and not `interfaces = []`.
 */
function readModules(ast: AST.TOMLProgram, text: string): TachModule[] {
  const tables = (ast.body[0]?.body ?? []).filter((table): table is AST.TOMLTable => table.type === "TOMLTable" && table.kind === "array");
  const headers = tables.filter((table) => table.resolvedKey[0] === "modules" && table.resolvedKey.length === 2);
  return headers.map((table, i) => {
    const entry = table.body.find((statement) => statement.key.keys.map(keyName).join(".") === "path");
    const value = entry?.value.type === "TOMLValue" && entry.value.kind === "string" ? entry.value.value : undefined;
    const region = text.slice(table.range[0], headers[i + 1]?.range[0] ?? text.length);
    return { path: typeof value === "string" ? value : "", line: table.loc.start.line, mentionsInterfaces: region.includes("interfaces") && !region.includes("interfaces = []") };
  });
}

/** Reads `tach.toml` (toml-eslint-parser): each `[[interfaces]]` block's `from` and `expose` patterns, with lines, and the `[[modules]]` paths. */
export function readTach(tfs: TrackedFs, file: string, problems: ConfigProblem[]): RepoIndex["tach"] {
  const tach: RepoIndex["tach"] = { file, interfaces: [], modules: [] };
  const text = readReported(tfs, file, problems);
  if (text === undefined) return tach;
  let ast: AST.TOMLProgram;
  try {
    ast = parseTOML(text);
  } catch (error) {
    const { lineNumber, column } = error as TomlParseError;
    problems.push(configProblem(tfs.root, file, lineNumber ?? 1, (column ?? 0) + 1, `Invalid TOML: ${errorText(error)}`));
    return tach;
  }
  const lines = text.split(/\r\n|\r|\n/u);
  const values = (getStaticTOMLValue(ast) as { interfaces?: unknown }).interfaces;
  for (const table of ast.body[0]?.body ?? []) {
    if (table.type !== "TOMLTable" || table.kind !== "array" || table.resolvedKey[0] !== "interfaces" || table.resolvedKey.length !== 2) continue;
    const value = Array.isArray(values) ? values[table.resolvedKey[1] as number] : undefined;
    tach.interfaces.push(readInterface(table, value && typeof value === "object" ? (value as Record<string, unknown>) : {}, lines));
  }
  tach.modules = readModules(ast, text);
  return tach;
}
