import { parseTOML, type AST } from "toml-eslint-parser";
import { readReported } from "./problems.js";
import { readTachDocument, type TachString } from "./tach-document.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, TachInfo } from "./types.js";

const values = (strings: readonly TachString[]): string[] => strings.map((string) => string.value);
const lines = (strings: readonly TachString[]): number[] => strings.map((string) => string.node.loc.start.line);

/**
 * Reads `tach.toml` (toml-eslint-parser): each `[[modules]]` block's path and `depends_on`, each
 * `[[interfaces]]` block's `from` and `expose` patterns and permanent marker, with lines. A file
 * that exists but cannot be read or parsed is `unreadable` (the TOML language reports the syntax
 * error in the file itself).
 */
export function readTach(tfs: TrackedFs, file: string, problems: ConfigProblem[]): TachInfo {
  const tach: TachInfo = { file, exists: tfs.isFile(file), unreadable: false, modules: [], interfaces: [] };
  const text = readReported(tfs, file, problems);
  if (text === undefined) {
    tach.unreadable = tach.exists;
    return tach;
  }
  let ast: AST.TOMLProgram;
  try {
    ast = parseTOML(text);
  } catch {
    tach.unreadable = true;
    return tach;
  }
  const document = readTachDocument(ast, text.split(/\r\n|\r|\n/u));
  for (const module of document.modules) {
    if (!module.path) continue;
    tach.modules.push({
      path: module.path.value,
      line: module.table.loc.start.line,
      dependsOn: values(module.dependsOn),
      dependsOnLines: lines(module.dependsOn),
      hasInterfaces: module.hasInterfaces,
    });
  }
  for (const block of document.interfaces) {
    const line = block.table.loc.start.line;
    tach.interfaces.push({
      from: values(block.from ?? []),
      fromLines: lines(block.from ?? []),
      expose: values(block.expose ?? []),
      line,
      exposeLines: lines(block.expose ?? []),
      permanent: block.permanent,
    });
  }
  return tach;
}
