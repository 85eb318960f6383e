import { createHash } from "node:crypto";
import path from "node:path";
import type { Tree } from "web-tree-sitter";
import { getPythonParser } from "../languages/python/tree-sitter.js";
import { childNodes, definitionName, dottedName, lineNumbers, moduleBindings, resolveRelativeImport, topLevelStatements, type SyntaxNode } from "../languages/python/syntax/index.js";
import { extraction, fileExtraction } from "./extractions.js";
import { readReported } from "./problems.js";
import { TrackedFs } from "./tracked-fs.js";
import type { ConfigProblem } from "./types.js";
import { classRelations, type WrittenRelation } from "./relation-facts.js";

/**
 * Parses Python source with tree-sitter, hands the tree to `use`, and always frees it.
 * Returns undefined when the parser fails (it does not throw on syntax errors: it recovers).
 */
function withPythonTree<T>(text: string, use: (tree: Tree) => T): T | undefined {
  let tree: Tree | null = null;
  try {
    tree = getPythonParser().parse(text);
    if (!tree) return undefined;
    return use(tree);
  } catch {
    return undefined;
  } finally {
    tree?.delete();
  }
}

/**
 * `withPythonTree(text, extract)`, remembered per file and kind by a hash of the text (in memory
 * and in the index snapshot): a file whose text is the same as last time is not parsed again.
 * Results are plain data and must not be mutated by callers.
 */
export function extractPython<T>(kind: string, file: string, text: string, extract: (tree: Tree) => T): T | undefined {
  return extraction(kind, file, text, () => withPythonTree(text, extract));
}

const MODULE_FACTS = "module-facts";

/** The extractions only a build of the index reads (the others are also read by lookups while linting). */
export const BUILD_ONLY_EXTRACTIONS: readonly string[] = [MODULE_FACTS];

/** What the index reads of a Python module: its top-level definitions and the names it binds. */
export interface ModuleFacts {
  /** Top-level classes: their bases as written (dotted names only; `metaclass=` and the like left out) and relation fields. */
  classes: { name: string; line: number; bases: string[]; relations: WrittenRelation[] }[];
  functions: string[];
  /** Every name the module binds when it runs (classes, functions, imports, assignments). */
  bound: string[];
  /** `from <level dots><rest> import *` at module level. */
  wildcardImports: { level: number; rest: string }[];
  /** The strings of `__all__`, when the module has one. */
  all?: string[];
}

function classBases(text: string, node: SyntaxNode): string[] {
  const bases = node.childForFieldName("superclasses");
  if (!bases) return [];
  return childNodes(bases)
    .map((base) => dottedName(text, base))
    .filter((base): base is string => base !== undefined);
}

/** {@link ModuleFacts} of a Python file's text, memoised per file. */
export function moduleFacts(file: string, text: string): ModuleFacts | undefined {
  return extractPython(MODULE_FACTS, file, text, (tree) => readModuleFacts(text, tree));
}

/** A digest of a module's facts: an edit of the module that leaves it the same changes nothing the index holds. */
function factsDigest(facts: ModuleFacts): string {
  return createHash("sha1").update(JSON.stringify(facts)).digest("base64url");
}

/**
 * {@link ModuleFacts} of a Python file read through the index; the file is not read when its stats
 * are those the snapshot recorded with its facts. Undefined when it cannot be read or parsed.
 * The index uses the file only through them: `tfs` records their digest (see `WatchedPath.derived`).
 */
export function moduleFactsOfFile(tfs: TrackedFs, file: string, problems: ConfigProblem[]): ModuleFacts | undefined {
  const stats = tfs.stat(file);
  if (!stats?.isFile()) return undefined;
  const forFacts = { root: tfs.root, readText: (target: string) => tfs.readText(target, true) };
  const facts = fileExtraction(MODULE_FACTS, file, stats, () => readReported(forFacts, file, problems), (text) => withPythonTree(text, (tree) => readModuleFacts(text, tree)));
  if (facts) tfs.derivedFrom(file, factsDigest(facts));
  return facts;
}

/**
 * The digest {@link moduleFactsOfFile} records for `file` of the repository at `root`, as the file
 * is now; undefined when it cannot be read or parsed.
 */
export function moduleFactsDigest(root: string, file: string): string | undefined {
  const facts = moduleFactsOfFile(new TrackedFs(root), file, []);
  return facts && factsDigest(facts);
}

function readModuleFacts(text: string, tree: Tree): ModuleFacts {
  const root = tree.rootNode;
  const facts: ModuleFacts = { classes: [], functions: [], bound: [], wildcardImports: [] };
  const lineOf = lineNumbers(text);
  const bindings = moduleBindings(text, root);
  for (const { node } of topLevelStatements(root)) {
    const name = node.type === "class_definition" || node.type === "function_definition" ? definitionName(text, node) : undefined;
    if (!name) continue;
    if (node.type === "class_definition") facts.classes.push({ name, line: lineOf(node.startIndex), bases: classBases(text, node), relations: classRelations(text, node, bindings) });
    else facts.functions.push(name);
  }
  facts.bound = [...bindings.byName.keys()];
  facts.wildcardImports = bindings.wildcardImports.map((fromImport) => ({ level: fromImport.level, rest: fromImport.moduleRest }));
  if (bindings.all) facts.all = bindings.all;
  return facts;
}

/** A product's facade contracts module or a module of its contracts package. */
const CONTRACTS_MODULE = /^products\.[^.]+\.backend\.facade\.contracts(?:\.|$)/u;

/**
 * The names a facade module (`module`, read from `file`) hands out, sorted: those of its
 * `__all__` that it binds, when it has one; else the public names it binds itself (a module-level
 * `def`, `class` or assignment) or imports under the same name from a contracts module. A name it
 * imports for its own use (a model, a logic function) is not handed out.
 */
export function facadeHandsOut(file: string, text: string, module: string): string[] | undefined {
  return extractPython("facade-hands-out", file, text, (tree) => {
    const bindings = moduleBindings(text, tree.rootNode);
    if (bindings.all) return [...new Set(bindings.all)].filter((name) => bindings.byName.has(name)).sort();
    const isPackage = path.basename(file) === "__init__.py";
    const names: string[] = [];
    for (const [name, binding] of bindings.byName) {
      if (name.startsWith("_")) continue;
      if (binding.kind === "class" || binding.kind === "function" || binding.kind === "assignment") names.push(name);
      else if (binding.kind === "from-import" && binding.imported.importedName === name) {
        const source = resolveRelativeImport(module, isPackage, binding.fromImport.level, binding.fromImport.moduleRest);
        if (CONTRACTS_MODULE.test(source)) names.push(name);
      }
    }
    return names.sort();
  });
}
