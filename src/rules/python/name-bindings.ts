import {
  childNodes,
  dottedName,
  enclosingFunction,
  findIdentifiers,
  resolveRelativeImport,
  sameNode,
  type FromImport,
  type ImportedName,
  type ModuleBinding,
  type SyntaxNode,
} from "../../languages/python/syntax/index.js";
import type { PythonFileContext } from "./file-context.js";

/** A name bound by `from M import name`. */
export interface ImportBinding {
  fromImport: FromImport;
  name: ImportedName;
}

/** What a name read at some point of the file is bound to. */
export type NameBinding =
  | { kind: "from-import"; binding: ImportBinding; module: string | null }
  | { kind: "import"; module: string; bindsTopPackage: boolean }
  | { kind: "class"; node: SyntaxNode }
  | { kind: "other" };

/** The absolute module of a from-import, or null when a relative import cannot be resolved. */
export function absoluteModule(file: Pick<PythonFileContext, "module" | "isPackageInit">, fromImport: FromImport): string | null {
  if (fromImport.level === 0) return fromImport.moduleRest;
  if (!file.module) return null;
  return resolveRelativeImport(file.module, file.isPackageInit, fromImport.level, fromImport.moduleRest) || null;
}

function fromModuleBinding(file: PythonFileContext, binding: ModuleBinding): NameBinding {
  switch (binding.kind) {
    case "from-import":
      return {
        kind: "from-import",
        binding: { fromImport: binding.fromImport, name: binding.imported },
        module: absoluteModule(file, binding.fromImport),
      };
    case "import":
      return { kind: "import", module: binding.module, bindsTopPackage: binding.bindsTopPackage };
    case "class":
      return { kind: "class", node: binding.node };
    default:
      return { kind: "other" };
  }
}

const NESTED_SCOPES = new Set(["function_definition", "class_definition", "lambda"]);

const PATTERNS = new Set(["pattern_list", "tuple_pattern", "list_pattern"]);

/** What an identifier binds in the scope it is written in: a parameter, an assignment or loop target, a definition's name. */
function bindingOf(identifier: SyntaxNode, fn: SyntaxNode): { binding: NameBinding; at: SyntaxNode } | undefined {
  const parent = identifier.parent;
  if (!parent) return undefined;
  const parameters = fn.childForFieldName("parameters");
  if (sameNode(parent, parameters)) return { binding: { kind: "other" }, at: parent };
  if (sameNode(parent.parent, parameters) && sameNode(childNodes(parent).find((child) => child.type === "identifier"), identifier)) {
    return { binding: { kind: "other" }, at: parent };
  }
  if ((parent.type === "class_definition" || parent.type === "function_definition") && sameNode(parent.childForFieldName("name"), identifier)) {
    return { binding: parent.type === "class_definition" ? { kind: "class", node: parent } : { kind: "other" }, at: parent };
  }
  let target: SyntaxNode = identifier;
  let holder: SyntaxNode | null = parent;
  while (holder && PATTERNS.has(holder.type)) {
    target = holder;
    holder = holder.parent;
  }
  if ((holder?.type === "assignment" || holder?.type === "for_statement") && sameNode(holder.childForFieldName("left"), target)) {
    return { binding: { kind: "other" }, at: holder };
  }
  return undefined;
}

/** `node` runs in `fn` itself, not in a function, class or lambda nested in it. */
function runsIn(node: SyntaxNode, fn: SyntaxNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (sameNode(current, fn)) return true;
    if (NESTED_SCOPES.has(current.type)) return false;
  }
  return false;
}

/**
 * A definition, assignment, loop target or parameter binding `name` in `fn` (Python makes such a
 * name local to the whole function), imports aside; the first one in the text wins. Found where
 * the function's text spells the name, not by walking the function.
 */
function readFunctionLocal(source: string, fn: SyntaxNode, name: string): NameBinding | undefined {
  for (const identifier of findIdentifiers(source, fn, name)) {
    const found = bindingOf(identifier, fn);
    if (found && runsIn(found.at, fn)) return found.binding;
  }
  return undefined;
}

/** What each function of a file binds locally, per name, read once: one function may resolve a name many times. */
const functionLocalsByFile = new WeakMap<PythonFileContext, Map<string, NameBinding | null>>();

function functionLocal(file: PythonFileContext, source: string, fn: SyntaxNode, name: string): NameBinding | undefined {
  let locals = functionLocalsByFile.get(file);
  if (!locals) functionLocalsByFile.set(file, (locals = new Map()));
  const key = `${fn.startIndex}:${fn.endIndex}:${name}`;
  let local = locals.get(key);
  if (local === undefined) locals.set(key, (local = readFunctionLocal(source, fn, name) ?? null));
  return local ?? undefined;
}

/** The import of `name` that runs in `fn` before `at` (the last one), if any. */
function localImport(file: PythonFileContext, fn: SyntaxNode, name: string, at: SyntaxNode): NameBinding | undefined {
  let found: NameBinding | undefined;
  let foundAt = -1;
  for (const fromImport of file.imports.fromImports) {
    if (!sameNode(fromImport.scope.function, fn) || fromImport.statement.startIndex > at.startIndex) continue;
    const imported = fromImport.names.find((candidate) => candidate.localName === name);
    if (!imported) continue;
    found = { kind: "from-import", binding: { fromImport, name: imported }, module: absoluteModule(file, fromImport) };
    foundAt = fromImport.statement.startIndex;
  }
  for (const plain of file.imports.plainImports) {
    if (!sameNode(plain.scope.function, fn) || plain.statement.startIndex > at.startIndex || plain.localName !== name) continue;
    if (plain.statement.startIndex >= foundAt) {
      found = { kind: "import", module: plain.module, bindsTopPackage: plain.bindsTopPackage };
      foundAt = plain.statement.startIndex;
    }
  }
  return found;
}

/**
 * What `name`, read at `at`, is bound to: an import or a local definition of an enclosing
 * function, else what the module binds when it runs (imports under `if TYPE_CHECKING:` bind
 * nothing).
 */
export function bindingAt(file: PythonFileContext, source: string, name: string, at: SyntaxNode): NameBinding | undefined {
  for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
    const local = localImport(file, fn, name, at) ?? functionLocal(file, source, fn, name);
    if (local) return local;
  }
  const binding = file.bindings.byName.get(name);
  return binding ? fromModuleBinding(file, binding) : undefined;
}

/**
 * The fully qualified name an identifier or attribute chain stands for through the file's imports
 * (`dataclass` after `from dataclasses import dataclass` → `dataclasses.dataclass`; `dc.dataclass`
 * after `import dataclasses as dc` → the same); undefined when its head is not imported.
 */
export function qualifiedName(file: PythonFileContext, source: string, node: SyntaxNode): string | undefined {
  const written = dottedName(source, node);
  if (!written) return undefined;
  const [head, ...rest] = written.split(".");
  const binding = bindingAt(file, source, head!, node);
  if (binding?.kind === "from-import") return binding.module ? [binding.module, binding.binding.name.importedName, ...rest].join(".") : undefined;
  if (binding?.kind === "import") return binding.bindsTopPackage ? written : [binding.module, ...rest].join(".");
  return undefined;
}
