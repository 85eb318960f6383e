import type { AST } from "toml-eslint-parser";
import { emptyTachBoundaries, interfaceSemantics, readTachBoundaries } from "./tach-boundaries.js";
import { arrayTables, elementLines, isRecord, readTomlFile, stringList } from "./toml-file.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, RepoIndex, TachInterface } from "./types.js";

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

/** Reads `tach.toml` (toml-eslint-parser): each `[[interfaces]]` block's `from` and `expose` patterns, with lines. */
export function readTach(tfs: TrackedFs, file: string, problems: ConfigProblem[]): RepoIndex["tach"] {
  const tach: RepoIndex["tach"] = { file, interfaces: [], ...emptyTachBoundaries() };
  const toml = readTomlFile(tfs, file, problems);
  if (toml === undefined) return tach;
  const values = toml.value.interfaces;
  for (const { table, position } of arrayTables(toml, ["interfaces"])) {
    const value = Array.isArray(values) ? values[position] : undefined;
    tach.interfaces.push(readInterface(table, isRecord(value) ? value : {}, toml.lines));
  }
  Object.assign(tach, readTachBoundaries(tfs, toml, tach.interfaces, problems));
  return tach;
}
