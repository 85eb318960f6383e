import path from "node:path";
import type { PyNode } from "../../languages/python/ast.js";
import { moduleOfFile, resolveRelativeImport, type FromImport, type ImportedName } from "../../languages/python/syntax/index.js";
import type { RepoIndex } from "../../project/types.js";
import type { PythonFileContext } from "./file-context.js";

/** One imported name, as tach and import-linter see it. */
export interface ImportDependency {
  /** tach's dependency path: `a.b` for `import a.b`, `m.n` for `from m import n` (`m.*` for a wildcard). */
  path: string;
  /**
   * The modules import-linter may record for it: `m` and `m.n` for `from m import n` (`n` may be
   * a name of `m` or a submodule), `a.b` for `import a.b`.
   */
  modules: string[];
  /** The name node to report on (`dotted_name` or `aliased_import`; the statement for a wildcard). */
  node: PyNode;
  /** `from m import n`: the statement and the name; absent for `import a.b`. */
  fromImport?: FromImport;
  name?: ImportedName;
  /** How tach's `# tach-ignore` names can refer to it: the module path, the name and its alias. */
  aliases: string[];
  typeCheckingOnly: boolean;
}

/**
 * The module of the file as tach sees it: relative to the deepest of tach's source roots that
 * holds it (the repository root's module otherwise).
 */
export function importerModule(file: PythonFileContext, index: RepoIndex): string | null {
  let best: string | undefined;
  for (const root of index.tach.sourceRoots) {
    const dir = path.resolve(index.root, root);
    if ((file.file.startsWith(dir + path.sep) || dir === index.root) && (best === undefined || dir.length > best.length)) best = dir;
  }
  return best === undefined || best === index.root ? file.module : moduleOfFile(best, file.file);
}

function fromDependencies(fromImport: FromImport, base: string): ImportDependency[] {
  const typeCheckingOnly = fromImport.scope.typeCheckingOnly;
  if (fromImport.wildcard) {
    return [{ path: `${base}.*`, modules: [base], node: fromImport.statement as PyNode, fromImport, aliases: ["*"], typeCheckingOnly }];
  }
  return fromImport.names.map((name) => ({
    path: `${base}.${name.importedName}`,
    modules: [base, `${base}.${name.importedName}`],
    node: name.node as PyNode,
    fromImport,
    name,
    aliases: [name.importedName, name.localName],
    typeCheckingOnly,
  }));
}

/**
 * Every import of the file (inside functions too), name by name, resolved to absolute paths.
 * A relative import that climbs above the top package is left out (Python raises there).
 */
export function importDependencies(file: PythonFileContext, module: string | null): ImportDependency[] {
  const result: ImportDependency[] = [];
  for (const fromImport of file.imports.fromImports) {
    const base = fromImport.level === 0 ? fromImport.moduleRest : module ? resolveRelativeImport(module, file.isPackageInit, fromImport.level, fromImport.moduleRest) : "";
    if (base) result.push(...fromDependencies(fromImport, base));
  }
  for (const plain of file.imports.plainImports) {
    result.push({
      path: plain.importedModule,
      modules: [plain.importedModule],
      node: plain.node as PyNode,
      aliases: [plain.importedModule],
      typeCheckingOnly: plain.scope.typeCheckingOnly,
    });
  }
  return result.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

const TACH_IGNORE = /# *tach-ignore(?:\(([^)]*)\))?((?:\s+[\w.]+)*)\s*$/u;

/**
 * The `# tach-ignore [names]` directives of a file by the line they apply to: their own line, or
 * the next one when the comment stands alone on its line. No names: every import of the line.
 */
export function tachIgnoreDirectives(lines: readonly string[]): Map<number, string[]> {
  const directives = new Map<number, string[]>();
  lines.forEach((line, i) => {
    if (!line.includes("tach-ignore")) return;
    const match = TACH_IGNORE.exec(line);
    if (!match) return;
    const names = match[2]!.trim() === "" ? [] : match[2]!.trim().split(/\s+/u);
    directives.set(line.trimStart().startsWith("#") ? i + 2 : i + 1, names);
  });
  return directives;
}

/** A `# tach-ignore` directive applies to the dependency: on its statement's first line or its name's line. */
export function isTachIgnored(directives: ReadonlyMap<number, string[]>, lineOf: (index: number) => number, dependency: ImportDependency): boolean {
  if (directives.size === 0) return false;
  const statement = dependency.fromImport?.statement ?? dependency.node.parent;
  const lines = new Set([lineOf(dependency.node.startIndex), ...(statement ? [lineOf(statement.startIndex)] : [])]);
  for (const line of lines) {
    const names = directives.get(line);
    if (names && (names.length === 0 || names.some((name) => dependency.aliases.includes(name)))) return true;
  }
  return false;
}
