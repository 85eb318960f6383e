import type { AST } from "toml-eslint-parser";
import { emptyTachBoundaries, interfaceSemantics, readTachBoundaries } from "./tach-boundaries.js";
import { arrayTables, elementLines, isRecord, readTomlFile, stringList, type TomlFile } from "./toml-file.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, RepoIndex, TachInterface, TachModule } from "./types.js";

/**
 * hogli exempts an `[[interfaces]]` block whose comment lines directly above the header carry
 * this marker: a declared, permanent coupling (ClickHouse DDL used by core), not a leak.
 */
const PERMANENT_INTERFACE_MARKER = "isolation:permanent-interface";

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
    ...interfaceSemantics(value),
  };
}

/**
 * Each `[[modules]]` block's `path`, and hogli's test of a module-level interface: the text from
 * the block's header to the next `[[modules]]` header mentions `interfaces` (an `interfaces` key,
 * or an `[[interfaces]]` block placed after it), and not `interfaces = []`.
 */
function readModules(toml: TomlFile): TachModule[] {
  const headers = arrayTables(toml, ["modules"]);
  const modules = Array.isArray(toml.value.modules) ? toml.value.modules : [];
  return headers.map(({ table, position }, i) => {
    const value = modules[position];
    const written = isRecord(value) && typeof value.path === "string" ? value.path : "";
    const next = headers[i + 1]?.table.loc.start.line ?? toml.lines.length + 1;
    const region = toml.lines.slice(table.loc.start.line - 1, next - 1).join("\n");
    return { path: written, line: table.loc.start.line, mentionsInterfaces: region.includes("interfaces") && !region.includes("interfaces = []") };
  });
}

/** Reads `tach.toml` (toml-eslint-parser): each `[[interfaces]]` block's `from` and `expose` patterns, with lines, and the `[[modules]]` paths. */
export function readTach(tfs: TrackedFs, file: string, problems: ConfigProblem[]): RepoIndex["tach"] {
  const tach: RepoIndex["tach"] = { file, interfaces: [], modules: [], ...emptyTachBoundaries() };
  const toml = readTomlFile(tfs, file, problems);
  if (toml === undefined) return tach;
  const values = toml.value.interfaces;
  for (const { table, position } of arrayTables(toml, ["interfaces"])) {
    const value = Array.isArray(values) ? values[position] : undefined;
    tach.interfaces.push(readInterface(table, isRecord(value) ? value : {}, toml.lines));
  }
  Object.assign(tach, readTachBoundaries(tfs, toml, tach.interfaces, problems));
  tach.modules = readModules(toml);
  return tach;
}
