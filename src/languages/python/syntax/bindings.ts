import { definitionName } from "./definitions.js";
import { isTypeCheckingCondition, readFromImport, type FromImport, type ImportedName, type ImportStatements } from "./imports.js";
import { childNodes, isErrorNode, sameNode, textOf, type SyntaxNode } from "./node.js";
import { stringValue } from "./strings.js";

/** What binds a module-level name when the module runs (the last binding in document order). */
export type ModuleBinding =
  | { kind: "class" | "function" | "assignment"; name: string; node: SyntaxNode }
  | { kind: "from-import"; name: string; node: SyntaxNode; fromImport: FromImport; imported: ImportedName }
  | { kind: "import"; name: string; node: SyntaxNode; module: string; bindsTopPackage: boolean };

export interface ModuleBindings {
  byName: Map<string, ModuleBinding>;
  /** `from M import *` statements run at module level. */
  wildcardImports: FromImport[];
  /** The strings of `__all__` (assigned, `+=`, `.extend`/`.append`), when the module has one. */
  all?: string[];
}

/** Compound statements whose blocks run as part of the module body. */
const MODULE_LEVEL_BLOCKS = new Set([
  "if_statement",
  "elif_clause",
  "else_clause",
  "try_statement",
  "except_clause",
  "except_group_clause",
  "finally_clause",
  "with_statement",
  "for_statement",
  "while_statement",
  "block",
]);

/**
 * The statements that run at module level, in document order: the module's own, and those in the
 * blocks of its `if`/`try`/`with`/`for`/`while` statements, except the bodies of
 * `if TYPE_CHECKING:` (never run). Class and function bodies are not entered.
 */
export function* moduleLevelStatements(source: string, root: SyntaxNode): Generator<SyntaxNode> {
  const stack: SyntaxNode[] = [...childNodes(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isErrorNode(node)) continue;
    if (!MODULE_LEVEL_BLOCKS.has(node.type)) {
      yield node;
      continue;
    }
    const typeChecking = node.type === "if_statement" && isTypeCheckingCondition(source, node.childForFieldName("condition"));
    const children = childNodes(node).filter((child) => !(typeChecking && sameNode(child, node.childForFieldName("consequence"))));
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (child.type === "block" || MODULE_LEVEL_BLOCKS.has(child.type)) stack.push(child);
      else if (node.type === "block") stack.push(child);
    }
  }
}

function assignedNames(source: string, target: SyntaxNode | null, into: SyntaxNode[]): void {
  if (!target) return;
  if (target.type === "identifier") into.push(target);
  else if (target.type === "pattern_list" || target.type === "tuple_pattern" || target.type === "list_pattern") {
    for (const child of childNodes(target)) assignedNames(source, child, into);
  }
}

function stringsOf(source: string, node: SyntaxNode | null): string[] {
  if (!node || (node.type !== "list" && node.type !== "tuple")) return [];
  return childNodes(node)
    .map((child) => stringValue(source, child))
    .filter((value): value is string => value !== undefined);
}

function readAll(source: string, statement: SyntaxNode, bindings: ModuleBindings): void {
  const expression = childNodes(statement)[0];
  if (!expression) return;
  if (expression.type === "assignment" || expression.type === "augmented_assignment") {
    const left = expression.childForFieldName("left");
    if (left?.type !== "identifier" || textOf(source, left) !== "__all__") return;
    const values = stringsOf(source, expression.childForFieldName("right"));
    bindings.all = expression.type === "assignment" ? values : [...(bindings.all ?? []), ...values];
    return;
  }
  if (expression.type !== "call") return;
  const fn = expression.childForFieldName("function");
  const object = fn?.type === "attribute" ? fn.childForFieldName("object") : null;
  if (!object || textOf(source, object) !== "__all__") return;
  const method = textOf(source, fn!.childForFieldName("attribute")!);
  const args = childNodes(expression.childForFieldName("arguments")!);
  if (method === "extend") bindings.all = [...(bindings.all ?? []), ...stringsOf(source, args[0] ?? null)];
  else if (method === "append" && args[0]) {
    const value = stringValue(source, args[0]);
    if (value !== undefined) bindings.all = [...(bindings.all ?? []), value];
  }
}

function bind(bindings: ModuleBindings, binding: ModuleBinding): void {
  bindings.byName.delete(binding.name);
  bindings.byName.set(binding.name, binding);
}

/**
 * The names a module binds when it runs, and its `__all__`. With `imports` (from
 * `collectImports` on the same tree), from-import bindings share its objects.
 */
export function moduleBindings(source: string, root: SyntaxNode, imports?: ImportStatements): ModuleBindings {
  const bindings: ModuleBindings = { byName: new Map(), wildcardImports: [] };
  const known = new Map(imports?.fromImports.map((fromImport) => [fromImport.statement, fromImport]));
  for (const statement of moduleLevelStatements(source, root)) {
    const definition = statement.type === "decorated_definition" ? statement.childForFieldName("definition") : statement;
    if (definition?.type === "class_definition" || definition?.type === "function_definition") {
      const name = definitionName(source, definition);
      if (name) bind(bindings, { kind: definition.type === "class_definition" ? "class" : "function", name, node: definition });
    } else if (statement.type === "import_from_statement") {
      const fromImport = known.get(statement) ?? readFromImport(source, statement);
      if (!fromImport) continue;
      if (fromImport.wildcard) bindings.wildcardImports.push(fromImport);
      for (const imported of fromImport.names) {
        bind(bindings, { kind: "from-import", name: imported.localName, node: imported.node, fromImport, imported });
      }
    } else if (statement.type === "import_statement" && !statement.hasError) {
      for (const child of statement.childrenForFieldName("name")) {
        if (!child) continue;
        const aliased = child.type === "aliased_import";
        const written = textOf(source, aliased ? child.childForFieldName("name")! : child).replace(/\s+/gu, "");
        const name = aliased ? textOf(source, child.childForFieldName("alias")!) : written.split(".")[0]!;
        bind(bindings, { kind: "import", name, node: child, module: aliased ? written : name, bindsTopPackage: !aliased });
      }
    } else if (statement.type === "expression_statement") {
      readAll(source, statement, bindings);
      const expression = childNodes(statement)[0];
      if (expression?.type === "assignment") {
        const targets: SyntaxNode[] = [];
        for (let assignment: SyntaxNode | null = expression; assignment?.type === "assignment"; assignment = assignment.childForFieldName("right")) {
          assignedNames(source, assignment.childForFieldName("left"), targets);
        }
        for (const target of targets) bind(bindings, { kind: "assignment", name: textOf(source, target), node: target });
      }
    }
  }
  return bindings;
}
