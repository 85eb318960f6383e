import path from "node:path";
import { TACH_FILE } from "./conventions.js";
import { configProblem } from "./problems.js";
import { readDataTypeMembers } from "./tach-data-types.js";
import { memberDataTypes, tachPatternError, tachPatternMatches, type TachInterfaceRule } from "./tach-patterns.js";
import type { TachDocument } from "./tach-document.js";
import { stringList, type TomlFile } from "./toml-file.js";
import type { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem, TachInterface } from "./types.js";

/** What `[[interfaces]]` blocks say beyond their patterns: to whom, and with which data types. */
export type TachInterfaceSemantics = Omit<TachInterfaceRule, "expose">;

/** What the interface check of `facade-boundaries` reads of `tach.toml` besides the interfaces. */
export interface TachBoundaries {
  /** Paths of the `[[modules]]` blocks (`path` and `paths`), in order; glob paths left out. */
  modulePaths: string[];
  /** `source_roots`, relative to the repository root with `/` (`["."]` by default). */
  sourceRoots: string[];
  /** `ignore_type_checking_imports` (default true): imports under `if TYPE_CHECKING:` are not checked. */
  ignoreTypeCheckingImports: boolean;
  /**
   * For modules adopted by a `data_types = "primitive"` interface: module path → the top-level
   * functions and variables of the module's own file that an expose pattern matches → whether
   * they meet the interface's data types. Classes are not listed (tach cannot tell).
   */
  dataTypeMembers: Record<string, Record<string, boolean>>;
}

export function emptyTachBoundaries(): TachBoundaries {
  return { modulePaths: [], sourceRoots: ["."], ignoreTypeCheckingImports: true, dataTypeMembers: {} };
}

/** `from`, `visibility`, `exclusive` and `data_types` of an `[[interfaces]]` block, with tach's defaults. */
export function interfaceSemantics(value: Record<string, unknown>): TachInterfaceSemantics {
  return {
    fromPatterns: "from" in value ? stringList(value.from) : [".*"],
    ...(Array.isArray(value.visibility) ? { visibility: stringList(value.visibility) } : {}),
    exclusive: value.exclusive === true,
    dataTypes: value.data_types === "primitive" ? "primitive" : "all",
  };
}

const GLOB = /[*?[\]{}]/u;

/** The paths of the `[[modules]]` blocks (`path`, then `paths`), in order. */
function readModulePaths(document: TachDocument): string[] {
  return document.modules.flatMap((module) => [...(module.path ? [module.path] : []), ...module.paths]).map((string) => string.value).filter((written) => !GLOB.test(written));
}

/** An `expose` or `from` pattern tach cannot compile stops `tach check`: one problem each, on its line. */
function patternProblems(tfs: TrackedFs, file: string, interfaces: readonly TachInterface[], problems: ConfigProblem[]): void {
  for (const block of interfaces) {
    for (const [key, patterns, lines] of [["expose", block.expose, block.exposeLines], ["from", block.from, block.fromLines]] as const) {
      patterns.forEach((pattern, i) => {
        const error = tachPatternError(pattern);
        if (error) problems.push(configProblem(tfs.root, file, lines[i] ?? block.line, 1, `Invalid regex in \`${key}\`: ${JSON.stringify(pattern)} (${error}).`));
      });
    }
  }
}

/** Reads the module paths, source roots, type-checking switch and data-type facts of a parsed `tach.toml`. */
export function readTachBoundaries(tfs: TrackedFs, toml: TomlFile, document: TachDocument, interfaces: readonly TachInterface[], problems: ConfigProblem[]): TachBoundaries {
  const file = path.join(tfs.root, TACH_FILE);
  patternProblems(tfs, file, interfaces, problems);
  const roots = Array.isArray(toml.value.source_roots) ? stringList(toml.value.source_roots) : ["."];
  const boundaries: TachBoundaries = {
    modulePaths: readModulePaths(document),
    sourceRoots: roots.map((root) => path.posix.normalize(root.split(path.sep).join("/")).replace(/\/$/u, "") || "."),
    ignoreTypeCheckingImports: toml.value.ignore_type_checking_imports !== false,
    dataTypeMembers: {},
  };
  const typed = interfaces.filter((block) => block.dataTypes !== "all");
  if (typed.length === 0) return boundaries;
  for (const module of boundaries.modulePaths) {
    const adopting = typed.filter((block) => block.fromPatterns.some((pattern) => tachPatternMatches(pattern, module)));
    if (adopting.length === 0) continue;
    const members = readDataTypeMembers(tfs, boundaries.sourceRoots, module, adopting, problems);
    if (members) {
      for (const name of Object.keys(members)) members[name] = members[name]! || memberDataTypes(interfaces, module, name) === "all";
      boundaries.dataTypeMembers[module] = members;
    }
  }
  return boundaries;
}
