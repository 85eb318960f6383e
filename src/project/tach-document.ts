import type { AST } from "toml-eslint-parser";
import { tableEntry } from "./toml-file.js";

/**
 * hogli exempts an `[[interfaces]]` block whose comment lines directly above the header carry
 * this marker: a declared, permanent coupling (ClickHouse DDL used by core), not a leak.
 */
const PERMANENT_INTERFACE_MARKER = "isolation:permanent-interface";

/** A string of tach.toml: its value and the node that holds it. */
export interface TachString {
  value: string;
  node: AST.TOMLStringValue;
}

/** A `[[modules]]` block. */
interface TachModuleTable {
  table: AST.TOMLTable;
  /** `path = "..."`; undefined when absent or not a string (tach then has no module here). */
  path?: TachString;
  /** The strings of `paths = [...]` (one block for several modules). */
  paths: TachString[];
  /** The strings of `depends_on` (plain, or the `path` of an inline table). */
  dependsOn: TachString[];
  /**
   * The block has a non-empty `interfaces` key of its own. (hogli's text search also counts an
   * `[[interfaces]]` block placed after it, before the next `[[modules]]`: not here.)
   */
  hasInterfaces: boolean;
}

/** An `[[interfaces]]` block. */
export interface TachInterfaceTable {
  table: AST.TOMLTable;
  /** The strings of `from` and `expose`; null when the key is absent (hogli ignores such a block). */
  from: TachString[] | null;
  expose: TachString[] | null;
  /** The `expose = [...]` entry, when present. */
  exposeEntry?: AST.TOMLKeyValue;
  /** A comment right above the header says `isolation:permanent-interface`. */
  permanent: boolean;
}

export interface TachDocument {
  modules: TachModuleTable[];
  interfaces: TachInterfaceTable[];
}

/** A string as written in the file, without its quotes (`backend\\.models.*` for `"backend\\.models.*"`). */
export function writtenString(string: TachString, text: string): string {
  const { node } = string;
  const quote = node.multiline ? 3 : 1;
  return text.slice(node.range[0] + quote, node.range[1] - quote);
}

const isString = (node: AST.TOMLNode): node is AST.TOMLStringValue => node.type === "TOMLValue" && node.kind === "string";

/** The strings of a value: itself, or the elements of an array (`pathOfTables`: an inline table's `path`). */
function stringsOf(value: AST.TOMLContentNode, pathOfTables = false): TachString[] {
  const nodes = value.type === "TOMLArray" ? value.elements : [value];
  const strings: TachString[] = [];
  for (const node of nodes) {
    const target = pathOfTables && node.type === "TOMLInlineTable" ? tableEntry(node, "path")?.value : node;
    if (target && isString(target)) strings.push({ value: target.value, node: target });
  }
  return strings;
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

function isNonEmpty(value: AST.TOMLContentNode | undefined): boolean {
  if (!value) return false;
  if (value.type === "TOMLArray") return value.elements.length > 0;
  if (value.type === "TOMLInlineTable") return value.body.length > 0;
  return !(value.kind === "string" && value.value === "");
}

function readModule(table: AST.TOMLTable): TachModuleTable {
  const pathValue = tableEntry(table, "path")?.value;
  const paths = tableEntry(table, "paths")?.value;
  const dependsOn = tableEntry(table, "depends_on")?.value;
  return {
    table,
    ...(pathValue && isString(pathValue) ? { path: { value: pathValue.value, node: pathValue } } : {}),
    paths: paths ? stringsOf(paths) : [],
    dependsOn: dependsOn ? stringsOf(dependsOn, true) : [],
    hasInterfaces: isNonEmpty(tableEntry(table, "interfaces")?.value),
  };
}

function readInterface(table: AST.TOMLTable, lines: readonly string[]): TachInterfaceTable {
  const from = tableEntry(table, "from");
  const expose = tableEntry(table, "expose");
  return {
    table,
    from: from ? stringsOf(from.value) : null,
    expose: expose ? stringsOf(expose.value) : null,
    ...(expose ? { exposeEntry: expose } : {}),
    permanent: isPermanent(lines, table.loc.start.line),
  };
}

const documents = new WeakMap<AST.TOMLProgram, TachDocument>();

/**
 * The `[[modules]]` and `[[interfaces]]` blocks of tach.toml (toml-eslint-parser's AST), in file
 * order, with their nodes. Read by the index (from the file on disk) and by the rules that lint
 * tach.toml (from the text being linted): one reading of the file for both, and one per linted
 * text for the rules (kept by its AST).
 */
export function readTachDocument(ast: AST.TOMLProgram, lines: readonly string[]): TachDocument {
  const known = documents.get(ast);
  if (known) return known;
  const document: TachDocument = { modules: [], interfaces: [] };
  for (const table of ast.body[0]?.body ?? []) {
    if (table.type !== "TOMLTable" || table.kind !== "array" || table.resolvedKey.length !== 2) continue;
    if (table.resolvedKey[0] === "modules") document.modules.push(readModule(table));
    else if (table.resolvedKey[0] === "interfaces") document.interfaces.push(readInterface(table, lines));
  }
  documents.set(ast, document);
  return document;
}
