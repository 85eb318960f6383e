import type { PyNode } from "../../parsers/python/ast.js";
import { resolveRelativeImport } from "../../project/index.js";
import { childByField, childrenByField, textOf } from "./syntax.js";

/** One name of `from M import A, B as C`. */
export interface ImportedName {
  /** The `dotted_name` or `aliased_import` node. */
  node: PyNode;
  importedName: string;
  localName: string;
}

export interface FromImport {
  statement: PyNode;
  moduleNode: PyNode;
  /** The module as written (`..models`, `posthog.models`). */
  writtenModule: string;
  /** Absolute module, or null when a relative import cannot be resolved. */
  module: string | null;
  names: ImportedName[];
  /** The names are written inside parentheses. */
  parenthesized: boolean;
}

/** `import a.b` binds `a` to module `a`; `import a.b as m` binds `m` to `a.b`. */
export interface ModuleBinding {
  statement: PyNode;
  localName: string;
  module: string;
  /** True for `import a.b` (the local name is the top package, attribute chains spell the rest). */
  bindsTopPackage: boolean;
}

export interface FileImports {
  fromImports: FromImport[];
  moduleBindings: ModuleBinding[];
  /** Local name → the `from` import binding it (last one in the file wins). */
  byLocalName: Map<string, { fromImport: FromImport; name: ImportedName }>;
}

function importedNameOf(text: string, node: PyNode): ImportedName | undefined {
  if (node.type === "dotted_name") {
    const name = textOf(text, node);
    return { node, importedName: name, localName: name };
  }
  if (node.type === "aliased_import") {
    const name = childByField(node, "name");
    const alias = childByField(node, "alias");
    if (!name || !alias) return undefined;
    return { node, importedName: textOf(text, name), localName: textOf(text, alias) };
  }
  return undefined;
}

function resolveModule(text: string, moduleNode: PyNode, currentModule: string | null, isPackageInit: boolean): string | null {
  if (moduleNode.type !== "relative_import") return textOf(text, moduleNode).replace(/\s+/gu, "");
  if (!currentModule) return null;
  const prefix = moduleNode.children.find((child) => child.type === "import_prefix");
  const rest = moduleNode.children.find((child) => child.type === "dotted_name");
  const dots = prefix ? textOf(text, prefix).replace(/\s+/gu, "").length : 0;
  const resolved = resolveRelativeImport(currentModule, isPackageInit, dots, rest ? textOf(text, rest) : "");
  return resolved || null;
}

/** Every import statement of the file, including imports inside functions and classes. */
export function collectImports(
  text: string,
  ast: PyNode,
  currentModule: string | null,
  isPackageInit: boolean,
): FileImports {
  const result: FileImports = { fromImports: [], moduleBindings: [], byLocalName: new Map() };
  const visit = (node: PyNode): void => {
    if (node.hasError) {
      // Statements that parsed cleanly inside a broken region are still usable; broken ones are skipped.
      if (node.type === "import_from_statement" || node.type === "import_statement") return;
    }
    if (node.type === "import_from_statement") {
      const moduleNode = childByField(node, "module_name");
      if (!moduleNode) return;
      const names = childrenByField(node, "name")
        .map((child) => importedNameOf(text, child))
        .filter((name): name is ImportedName => name !== undefined);
      const firstName = names[0]?.node;
      const fromImport: FromImport = {
        statement: node,
        moduleNode,
        writtenModule: textOf(text, moduleNode),
        module: resolveModule(text, moduleNode, currentModule, isPackageInit),
        names,
        // `import (` possibly followed by a comment (`import (  # noqa`) before the first name.
        parenthesized:
          firstName !== undefined && /\(\s*$/u.test(text.slice(moduleNode.range[1], firstName.range[0]).replace(/#[^\r\n]*/gu, "")),
      };
      result.fromImports.push(fromImport);
      for (const name of names) result.byLocalName.set(name.localName, { fromImport, name });
      return;
    }
    if (node.type === "import_statement") {
      for (const child of childrenByField(node, "name")) {
        const imported = importedNameOf(text, child);
        if (!imported) continue;
        const aliased = child.type === "aliased_import";
        result.moduleBindings.push({
          statement: node,
          localName: aliased ? imported.localName : imported.importedName.split(".")[0]!,
          module: aliased ? imported.importedName : imported.importedName.split(".")[0]!,
          bindsTopPackage: !aliased,
        });
      }
      return;
    }
    // Children in document order, without recursion: deeply nested expressions must not overflow the stack.
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  };
  const pending: PyNode[] = [ast];
  while (pending.length > 0) visit(pending.pop()!);
  return result;
}
