import {
  childNodes,
  lineBreakOf,
  lineEndOf,
  lineStartOf,
  sameNode,
  startsLine,
  textOf,
  type FromImport,
  type ImportedName,
  type SyntaxNode,
} from "../../languages/python/syntax/index.js";
import type { TextEdit } from "../text-edit.js";
import type { PythonFileContext } from "./file-context.js";
import { fillsItsLines, removeImportedNames, removeStatement, statementIndentation } from "./import-edits.js";
import { addImportedNames } from "./import-merge.js";
import { absoluteModule } from "./name-bindings.js";

const IMPORT_STATEMENTS = new Set(["import_statement", "import_from_statement", "future_import_statement"]);

/** The statement holds a comment (inside its parentheses or after it on its last line). */
function hasComment(text: string, statement: SyntaxNode): boolean {
  return statement.namedChildren.some((child) => child?.type === "comment") || /#/u.test(text.slice(statement.endIndex, lineEndOf(text, statement.endIndex)));
}

/** A moved name with a comment on its line (`    Team,  # noqa`) keeps its line: it cannot join another statement. */
function carriesComment(text: string, from: FromImport, name: ImportedName): boolean {
  return from.parenthesized && startsLine(text, name.node.startIndex) && /#/u.test(text.slice(name.node.endIndex, lineEndOf(text, name.node.endIndex)));
}

/** The text of a new `from <module> import ...` statement for names moved out of `from`. */
function newStatement(text: string, from: FromImport, module: string, names: ImportedName[], lineBreak: string, indent: string): string {
  const multiline = from.parenthesized && /[\r\n]/u.test(textOf(text, from.statement));
  if (!multiline) return `from ${module} import ${names.map((name) => textOf(text, name.node)).join(", ")}`;
  const lines = names.map((name) => {
    const lineStart = lineStartOf(text, name.node.startIndex);
    const lineEnd = lineEndOf(text, name.node.endIndex);
    if (!startsLine(text, name.node.startIndex)) return `${indent}    ${textOf(text, name.node)},`;
    const afterName = text.slice(name.node.endIndex, lineEnd);
    // Keep the name's own line (and its comment); add the comma a parenthesised list wants.
    return /^\s*,/u.test(afterName) ? text.slice(lineStart, lineEnd) : text.slice(lineStart, name.node.endIndex) + "," + afterName;
  });
  return `from ${module} import (${lineBreak}${lines.join(lineBreak)}${lineBreak}${indent})`;
}

/** The module a module-level import statement imports from (`products.x…`), for sorting. */
function importedModule(file: PythonFileContext, statement: SyntaxNode): string | undefined {
  const from = file.imports.fromImports.find((candidate) => sameNode(candidate.statement, statement));
  if (from) return absoluteModule(file, from) ?? undefined;
  const plain = file.imports.plainImports.find((candidate) => sameNode(candidate.statement, statement));
  return plain?.importedModule;
}

/** The run of import statements around `statement` in its block (no other statement between). */
function importRegion(statement: SyntaxNode): SyntaxNode[] {
  const siblings = statement.parent ? childNodes(statement.parent) : [];
  const at = siblings.findIndex((sibling) => sameNode(sibling, statement));
  let first = at;
  let last = at;
  while (first > 0 && IMPORT_STATEMENTS.has(siblings[first - 1]!.type)) first--;
  while (last < siblings.length - 1 && IMPORT_STATEMENTS.has(siblings[last + 1]!.type)) last++;
  return siblings.slice(first, last + 1);
}

const inRegionBut = (from: FromImport, region: readonly SyntaxNode[]) => (statement: SyntaxNode): boolean =>
  !sameNode(statement, from.statement) && region.some((node) => sameNode(node, statement));

/** Another import of the region binds one of these local names: moving them past it would change which one wins. */
function rebindsElsewhere(file: PythonFileContext, from: FromImport, region: readonly SyntaxNode[], names: readonly ImportedName[]): boolean {
  const locals = new Set(names.map((name) => name.localName));
  const inRegion = inRegionBut(from, region);
  return (
    file.imports.fromImports.some((other) => inRegion(other.statement) && other.names.some((name) => locals.has(name.localName))) ||
    file.imports.plainImports.some((other) => inRegion(other.statement) && locals.has(other.localName))
  );
}

/** Another import of the region already binds the name the same way (`from <module> import Name as Local`). */
function alreadyImported(file: PythonFileContext, from: FromImport, region: readonly SyntaxNode[], module: string, name: ImportedName): boolean {
  const inRegion = inRegionBut(from, region);
  return file.imports.fromImports.some(
    (other) =>
      inRegion(other.statement) &&
      other.level === 0 &&
      other.moduleRest === module &&
      other.names.some((candidate) => candidate.importedName === name.importedName && candidate.localName === name.localName),
  );
}

/** A `from <module> import` of the same import region that names can join. */
function mergeTarget(file: PythonFileContext, from: FromImport, region: readonly SyntaxNode[], module: string): FromImport | undefined {
  return file.imports.fromImports.find(
    (candidate) =>
      candidate !== from &&
      !candidate.wildcard &&
      candidate.level === 0 &&
      candidate.moduleRest === module &&
      region.some((statement) => sameNode(statement, candidate.statement)),
  );
}

/** The region's runs of statements with no blank line between them (isort's sections). */
function sections(text: string, region: readonly SyntaxNode[]): SyntaxNode[][] {
  const result: SyntaxNode[][] = [];
  for (const statement of region) {
    const previous = result[result.length - 1]?.at(-1);
    const blank = previous !== undefined && /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/u.test(text.slice(previous.endIndex, statement.startIndex));
    if (previous === undefined || blank) result.push([statement]);
    else result[result.length - 1]!.push(statement);
  }
  return result;
}

/**
 * Where a new statement for `module` goes at module level: among the region's statements of the
 * same top package (`products.…`), in module order; else, when the file separates its import
 * sections with blank lines, in a new section after the one holding `from`.
 */
function groupPlacement(
  file: PythonFileContext,
  text: string,
  from: FromImport,
  region: SyntaxNode[],
  target: { module: string; line: string; lineBreak: string; fromRemoved: boolean },
): TextEdit | undefined {
  const { module, line, lineBreak } = target;
  const top = `${module.split(".")[0]}.`;
  const others = region.filter((statement) => !sameNode(statement, from.statement));
  const group = others.filter((statement) => importedModule(file, statement)?.startsWith(top) && fillsItsLines(text, statement));
  if (group.length > 0) {
    const next = group.find((statement) => (importedModule(file, statement) ?? "") > module);
    if (next) {
      const start = lineStartOf(text, next.startIndex);
      return { range: [start, start], text: `${line}${lineBreak}` };
    }
    const end = lineEndOf(text, group[group.length - 1]!.endIndex);
    return { range: [end, end], text: `${lineBreak}${line}` };
  }
  const runs = sections(text, region);
  const own = runs.find((run) => run.some((statement) => sameNode(statement, from.statement)));
  if (runs.length < 2 || !own || `${from.moduleRest}.`.startsWith(top)) return undefined;
  // After the section's last statement that stays (a section emptied by the fix becomes the new one).
  const anchor = own.filter((statement) => !(target.fromRemoved && sameNode(statement, from.statement))).at(-1);
  if (!anchor || !fillsItsLines(text, anchor)) return undefined;
  const end = lineEndOf(text, anchor.endIndex);
  return { range: [end, end], text: `${lineBreak}${lineBreak}${line}` };
}

/**
 * Edits moving names out of `from` to their modules (`moves`), keeping the file's import layout:
 * a name joins an existing `from <module> import` of the same block; a new statement goes among
 * the statements of the same top package (`products.…`) when the block has them, else in a new
 * section after that of `from` when the file has blank-line sections, else right after `from`. A statement left with no name is removed, or, when it holds comments, keeps them and
 * takes the first new module.
 */
export function moveImportedNames(text: string, file: PythonFileContext, from: FromImport, moves: ReadonlyMap<ImportedName, string>): TextEdit[] {
  const byModule = new Map<string, ImportedName[]>();
  for (const name of from.names) {
    const module = moves.get(name);
    if (module) byModule.set(module, [...(byModule.get(module) ?? []), name]);
  }
  const lineBreak = lineBreakOf(text);
  const indent = statementIndentation(text, from.statement);
  const region = importRegion(from.statement);
  const free = moves.size === from.names.length;
  // A statement left empty but holding comments keeps them: it takes the first module.
  const keepsComments = free && hasComment(text, from.statement);
  const edits: TextEdit[] = [];
  const after: string[] = [];
  let rewrite: string | undefined;
  for (const [module, all] of byModule) {
    // A name the region already imports the same way just leaves `from`.
    const names = all.filter((name) => !alreadyImported(file, from, region, module, name));
    if (names.length === 0) continue;
    if (keepsComments && rewrite === undefined) {
      rewrite = module;
      continue;
    }
    // Names stay next to `from` when they carry a comment or when another import rebinds them.
    const pinned = names.some((name) => carriesComment(text, from, name)) || rebindsElsewhere(file, from, region, names);
    const target = pinned ? undefined : mergeTarget(file, from, region, module);
    if (target) {
      edits.push(...addImportedNames(text, target, names, lineBreak));
      continue;
    }
    const line = `${indent}${newStatement(text, from, module, names, lineBreak, indent)}`;
    const fromRemoved = free && !keepsComments;
    const placed = !pinned && from.statement.parent?.type === "module" ? groupPlacement(file, text, from, region, { module, line, lineBreak, fromRemoved }) : undefined;
    if (placed) edits.push(placed);
    else if (free && rewrite === undefined) rewrite = module;
    else after.push(line);
  }
  if (rewrite !== undefined) {
    edits.push({ range: [from.moduleNode.startIndex, from.moduleNode.endIndex], text: rewrite });
    const elsewhere = new Set([...moves].filter(([, module]) => module !== rewrite).map(([name]) => name));
    if (elsewhere.size > 0) edits.push(...removeImportedNames(text, from, elsewhere));
  } else if (free) edits.push(removeStatement(text, from.statement));
  else edits.push(...removeImportedNames(text, from, new Set(moves.keys())));
  if (after.length > 0) {
    if (fillsItsLines(text, from.statement)) {
      // After the statement's line, so a trailing comment (`# noqa`) stays with the original.
      const end = lineEndOf(text, from.statement.endIndex);
      edits.push({ range: [end, end], text: after.map((line) => lineBreak + line).join("") });
    } else {
      edits.push({ range: [from.statement.endIndex, from.statement.endIndex], text: after.map((line) => `; ${line.trimStart()}`).join("") });
    }
  }
  return edits;
}
