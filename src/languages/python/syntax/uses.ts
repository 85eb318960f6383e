import { dottedName } from "./names.js";
import { childNodes, sameNode, textOf, type SyntaxNode } from "./node.js";
import { stringValue } from "./strings.js";

/** Identifiers inside a string annotation (`"Team"`, `"Optional[models.Team]"`): the heads of dotted names. */
const ANNOTATION_NAME = /(?<![.\w])\s*([A-Za-z_][A-Za-z0-9_]*)/gu;

/** How a string's text can name local names. */
type StringRole = "annotation" | "all" | "none";

function roleOfChildren(source: string, node: SyntaxNode, role: StringRole): StringRole {
  if (role !== "none") return role;
  if (node.type === "type") return "annotation";
  if (node.type === "assignment" || node.type === "augmented_assignment") {
    const left = node.childForFieldName("left");
    if (left?.type === "identifier" && textOf(source, left) === "__all__") return "all";
  }
  return "none";
}

/** `cast("Team", x)`, `TypeVar("T", bound="Team")`, `__all__.extend([...])`: strings that name local names. */
function callStringRole(source: string, call: SyntaxNode): { role: StringRole; args: SyntaxNode[] } | undefined {
  const fn = call.childForFieldName("function");
  const name = fn ? dottedName(source, fn) : undefined;
  const args = call.childForFieldName("arguments");
  if (!name || !args) return undefined;
  const last = name.slice(name.lastIndexOf(".") + 1);
  const list = childNodes(args);
  if (last === "cast" && list[0]) return { role: "annotation", args: [list[0]] };
  if (last === "TypeVar" || last === "NewType") return { role: "annotation", args: list.slice(1) };
  if (name === "__all__.extend" || name === "__all__.append") return { role: "all", args: list };
  return undefined;
}

function countString(source: string, node: SyntaxNode, role: StringRole, uses: Map<string, number>): void {
  const value = stringValue(source, node);
  if (value === undefined) return;
  const add = (name: string): void => {
    uses.set(name, (uses.get(name) ?? 0) + 1);
  };
  if (role === "all") {
    if (/^[A-Za-z_][A-Za-z0-9_]*$/u.test(value)) add(value);
    return;
  }
  for (const match of value.matchAll(ANNOTATION_NAME)) add(match[1]!);
}

/**
 * How often each name is read in the file: identifiers (attribute names, keyword names and import
 * statements aside), names inside string annotations and `cast`/`TypeVar` strings, and the
 * strings of `__all__`. Errs on the side of counting: a name counted here is never removed.
 */
export function nameUses(source: string, root: SyntaxNode): Map<string, number> {
  const uses = new Map<string, number>();
  const stack: { node: SyntaxNode; role: StringRole }[] = [{ node: root, role: "none" }];
  while (stack.length > 0) {
    const { node, role } = stack.pop()!;
    const type = node.type;
    if (type === "import_from_statement" || type === "import_statement" || type === "future_import_statement") continue;
    if (type === "identifier") {
      const parent = node.parent;
      const isAttributeName = parent?.type === "attribute" && sameNode(parent.childForFieldName("attribute"), node);
      const isKeywordName = parent?.type === "keyword_argument" && sameNode(parent.childForFieldName("name"), node);
      if (!isAttributeName && !isKeywordName) {
        const name = textOf(source, node);
        uses.set(name, (uses.get(name) ?? 0) + 1);
      }
      continue;
    }
    if (type === "string") {
      if (role !== "none") countString(source, node, role, uses);
      continue;
    }
    const childRole = roleOfChildren(source, node, role);
    const special = type === "call" ? callStringRole(source, node) : undefined;
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (!child) continue;
      stack.push({ node: child, role: childRole });
    }
    if (special) {
      for (const arg of special.args) {
        const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
        if (value) stack.push({ node: value, role: special.role });
      }
    }
  }
  return uses;
}
