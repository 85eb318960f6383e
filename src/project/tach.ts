import { readReported } from "./problems.js";
import { emptyTachBoundaries, interfaceSemantics, readTachBoundaries } from "./tach-boundaries.js";
import { readTachDocument, type TachString } from "./tach-document.js";
import { isRecord, parseTomlText } from "./toml-file.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, TachInfo } from "./types.js";

const values = (strings: readonly TachString[]): string[] => strings.map((string) => string.value);
const lines = (strings: readonly TachString[]): number[] => strings.map((string) => string.node.loc.start.line);

/**
 * Reads `tach.toml` (toml-eslint-parser) through its one document reader: each `[[modules]]`
 * block's path, `depends_on` and `interfaces` key, each `[[interfaces]]` block's `from` and
 * `expose` patterns (with lines), permanent marker and tach semantics, and what the interface
 * check needs besides (module paths, source roots, data-type facts). A file that exists but cannot
 * be read or parsed is `unreadable` (the TOML language reports the syntax error in the file itself).
 */
export function readTach(tfs: TrackedFs, file: string, problems: ConfigProblem[]): TachInfo {
  const tach: TachInfo = { file, exists: tfs.isFile(file), unreadable: false, modules: [], interfaces: [], ...emptyTachBoundaries() };
  const text = readReported(tfs, file, problems);
  if (text === undefined) {
    tach.unreadable = tach.exists;
    return tach;
  }
  const toml = parseTomlText(text);
  if (toml instanceof Error) {
    tach.unreadable = true;
    return tach;
  }
  const document = readTachDocument(toml.ast, toml.lines);
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
  const blocks = Array.isArray(toml.value.interfaces) ? toml.value.interfaces : [];
  for (const block of document.interfaces) {
    const value: unknown = blocks[block.table.resolvedKey[1] as number];
    tach.interfaces.push({
      from: values(block.from ?? []),
      fromLines: lines(block.from ?? []),
      expose: values(block.expose ?? []),
      line: block.table.loc.start.line,
      exposeLines: lines(block.expose ?? []),
      permanent: block.permanent,
      ...interfaceSemantics(isRecord(value) ? value : {}),
    });
  }
  Object.assign(tach, readTachBoundaries(tfs, toml, document, tach.interfaces, problems));
  return tach;
}
