import {
  childNodes,
  definitionName,
  descendants,
  dottedName,
  enclosingFunction,
  textOf,
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

function bindsName(source: string, target: SyntaxNode | null, name: string): boolean {
  if (!target) return false;
  if (target.type === "identifier") return textOf(source, target) === name;
  if (target.type === "pattern_list" || target.type === "tuple_pattern" || target.type === "list_pattern") {
    return childNodes(target).some((child) => bindsName(source, child, name));
  }
  return false;
}

/**
 * A definition, assignment, loop target or parameter binding `name` in the body of `fn` (Python
 * makes such a name local to the whole function), imports aside.
 */
function functionLocal(source: string, fn: SyntaxNode, name: string): NameBinding | undefined {
  const parameters = fn.childForFieldName("parameters");
  for (const parameter of parameters ? childNodes(parameters) : []) {
    const identifier = parameter.type === "identifier" ? parameter : childNodes(parameter).find((child) => child.type === "identifier");
    if (identifier && textOf(source, identifier) === name) return { kind: "other" };
  }
  const body = fn.childForFieldName("body");
  if (!body) return undefined;
  for (const node of descendants(body, (candidate) => NESTED_SCOPES.has(candidate.type))) {
    if (node.type === "class_definition" || node.type === "function_definition") {
      if (definitionName(source, node) === name) return node.type === "class_definition" ? { kind: "class", node } : { kind: "other" };
    } else if (node.type === "assignment" || node.type === "for_statement") {
      if (bindsName(source, node.childForFieldName("left"), name)) return { kind: "other" };
    }
  }
  return undefined;
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
    const local = localImport(file, fn, name, at) ?? functionLocal(source, fn, name);
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
