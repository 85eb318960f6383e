import path from "node:path";
import type { AST } from "toml-eslint-parser";
import { isValidModuleExpression } from "./module-expressions.js";
import { configProblem } from "./problems.js";
import { arrayTables, elementLines, isRecord, readTomlFile, stringList, tableEntry, type TomlFile } from "./toml-file.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem } from "./types.js";

/** One `ignore_imports` entry, `importer -> imported` (module expressions). */
interface ImportLinterIgnore {
  importer: string;
  imported: string;
  /** The entry as written. */
  text: string;
  /** 1-based line of the entry in pyproject.toml. */
  line: number;
}

/** A `[[tool.importlinter.contracts]]` block. Fields a contract type does not use are empty. */
export interface ImportLinterContract {
  name: string;
  /** `forbidden`, `layers`, `independence`, ... (as written). */
  type: string;
  id?: string;
  /** 1-based line of the block's header. */
  line: number;
  /** forbidden: `source_modules` and `forbidden_modules` (module expressions). */
  sourceModules: string[];
  forbiddenModules: string[];
  /** layers: `layers` as written, highest first (`a | b` independent siblings, `a : b` siblings, `(a)` optional). */
  layers: string[];
  /** layers: `containers` (the layers are relative to each one; none: absolute). */
  containers: string[];
  /** independence: `modules`. */
  modules: string[];
  ignoreImports: ImportLinterIgnore[];
  /** `as_packages` (default true): a module stands for its descendants too. */
  asPackages: boolean;
  /** `allow_indirect_imports` (default false). */
  allowIndirectImports: boolean;
}

/** `[tool.importlinter]` of the root `pyproject.toml`. */
export interface ImportLinterConfig {
  file: string;
  /** The section exists. */
  present: boolean;
  /** `root_packages` (or `root_package`). */
  rootPackages: string[];
  includeExternalPackages: boolean;
  /** `exclude_type_checking_imports` (default false): imports under `if TYPE_CHECKING:` are not in the graph. */
  excludeTypeCheckingImports: boolean;
  contracts: ImportLinterContract[];
}

export function emptyImportLinter(file: string): ImportLinterConfig {
  return { file, present: false, rootPackages: [], includeExternalPackages: false, excludeTypeCheckingImports: false, contracts: [] };
}

/** TOML booleans, and the strings `"true"`/`"True"` import-linter also accepts. */
function booleanOf(value: unknown, fallback: boolean): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return value.toLowerCase() === "true" ? true : value.toLowerCase() === "false" ? false : fallback;
  return fallback;
}

interface ReadContext {
  tfs: TrackedFs;
  file: string;
  problems: ConfigProblem[];
}

function readIgnores(context: ReadContext, table: AST.TOMLTable | undefined, value: unknown, headerLine: number): ImportLinterIgnore[] {
  const lines = table ? elementLines(table, "ignore_imports") : [];
  const ignores: ImportLinterIgnore[] = [];
  stringList(value).forEach((text, i) => {
    const line = lines[i] ?? headerLine;
    const [importer, imported, ...rest] = text.split("->").map((part) => part.trim());
    if (!importer || !imported || rest.length > 0 || !isValidModuleExpression(importer) || !isValidModuleExpression(imported)) {
      context.problems.push(configProblem(context.tfs.root, context.file, line, 1, `Invalid \`ignore_imports\` entry ${JSON.stringify(text)}: expected \`importer -> imported\` module expressions.`));
      return;
    }
    ignores.push({ importer, imported, text, line });
  });
  return ignores;
}

/** A module expression that grimp would reject is reported once, on its line, and left out. */
function expressions(context: ReadContext, table: AST.TOMLTable | undefined, key: string, value: unknown, headerLine: number): string[] {
  const lines = table ? elementLines(table, key) : [];
  return stringList(value).filter((expression, i) => {
    if (isValidModuleExpression(expression)) return true;
    context.problems.push(configProblem(context.tfs.root, context.file, lines[i] ?? headerLine, 1, `Invalid module expression in \`${key}\`: ${JSON.stringify(expression)}.`));
    return false;
  });
}

function readContract(context: ReadContext, value: Record<string, unknown>, table: AST.TOMLTable | undefined, line: number): ImportLinterContract {
  return {
    name: typeof value.name === "string" ? value.name : "",
    type: typeof value.type === "string" ? value.type : "",
    ...(typeof value.id === "string" ? { id: value.id } : {}),
    line,
    sourceModules: expressions(context, table, "source_modules", value.source_modules, line),
    forbiddenModules: expressions(context, table, "forbidden_modules", value.forbidden_modules, line),
    layers: stringList(value.layers),
    containers: expressions(context, table, "containers", value.containers, line),
    modules: expressions(context, table, "modules", value.modules, line),
    ignoreImports: readIgnores(context, table, value.ignore_imports, line),
    asPackages: booleanOf(value.as_packages, true),
    allowIndirectImports: booleanOf(value.allow_indirect_imports, false),
  };
}

/** The `[tool.importlinter]` table header's line, or 1 (the section is written with dotted keys or inline). */
function sectionLine(toml: TomlFile): number {
  for (const table of toml.ast.body[0]?.body ?? []) {
    if (table.type === "TOMLTable" && table.resolvedKey.join(".") === "tool.importlinter") return table.loc.start.line;
  }
  return 1;
}

/**
 * Reads `[tool.importlinter]` of `pyproject.toml` at the root (toml-eslint-parser): the session
 * options the rules need and every contract with its module expressions and `ignore_imports`
 * entries (with their lines). A missing file or section gives `present: false`.
 */
export function readImportLinter(tfs: TrackedFs, problems: ConfigProblem[]): ImportLinterConfig {
  const file = path.join(tfs.root, "pyproject.toml");
  const config = emptyImportLinter(file);
  const toml = readTomlFile(tfs, file, problems);
  const tool = toml && isRecord(toml.value.tool) ? toml.value.tool : undefined;
  const section = tool && isRecord(tool.importlinter) ? tool.importlinter : undefined;
  if (!toml || !section) return config;
  const context: ReadContext = { tfs, file, problems };
  config.present = true;
  config.rootPackages = [...stringList(section.root_packages), ...stringList(section.root_package)];
  config.includeExternalPackages = booleanOf(section.include_external_packages, false);
  config.excludeTypeCheckingImports = booleanOf(section.exclude_type_checking_imports, false);
  const values = Array.isArray(section.contracts) ? section.contracts : [];
  const tables = new Map(arrayTables(toml, ["tool", "importlinter", "contracts"]).map(({ table, position }) => [position, table]));
  values.forEach((value, position) => {
    if (!isRecord(value)) return;
    const table = tables.get(position);
    config.contracts.push(readContract(context, value, table, table?.loc.start.line ?? inlineContractLine(toml) ?? sectionLine(toml)));
  });
  return config;
}

/** The line of `contracts = [...]` when the contracts are written inline. */
function inlineContractLine(toml: TomlFile): number | undefined {
  for (const table of toml.ast.body[0]?.body ?? []) {
    if (table.type === "TOMLTable" && table.resolvedKey.join(".") === "tool.importlinter") return tableEntry(table, "contracts")?.loc.start.line;
  }
  return undefined;
}
