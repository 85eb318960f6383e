import { dottedName } from "./names.js";
import { childNodes, sameNode, textOf, type SyntaxNode } from "./node.js";
import { stringValue } from "./strings.js";

/** Identifiers inside a string annotation (`"Team"`, `"Optional[models.Team]"`): the heads of dotted names. */
const ANNOTATION_NAME = /(?<![.\w])\s*([A-Za-z_][A-Za-z0-9_]*)/gu;

/** How a string's text can name local names. */
export type StringRole = "annotation" | "all" | "none";

/** The role strings below `node` are read in, when `node` itself is read in `role`. */
export function roleOfChildren(source: string, node: SyntaxNode, role: StringRole): StringRole {
  if (role !== "none") return role;
  if (node.type === "type") return "annotation";
  if (node.type === "assignment" || node.type === "augmented_assignment") {
    const left = node.childForFieldName("left");
    if (left?.type === "identifier" && textOf(source, left) === "__all__") return "all";
  }
  return "none";
}

/** `cast("Team", x)`, `TypeVar("T", bound="Team")`, `__all__.extend([...])`: strings that name local names. */
function callStringRole(source: string, call: SyntaxNode): { role: StringRole; args: readonly SyntaxNode[] } | undefined {
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

/** The local names a string in `role` names: heads of dotted names in an annotation, or the string itself in `__all__`. */
export function namesInString(source: string, node: SyntaxNode, role: StringRole): string[] {
  const value = stringValue(source, node);
  if (value === undefined || role === "none") return [];
  if (role === "all") return /^[A-Za-z_][A-Za-z0-9_]*$/u.test(value) ? [value] : [];
  return [...value.matchAll(ANNOTATION_NAME)].map((match) => match[1]!);
}

const IMPORT_STATEMENTS = new Set(["import_from_statement", "import_statement", "future_import_statement"]);

/** The value nodes a `cast`/`TypeVar`/`__all__.extend` call reads as strings of a role. */
export function specialStringArguments(source: string, call: SyntaxNode): { role: StringRole; values: SyntaxNode[] } | undefined {
  const special = callStringRole(source, call);
  if (!special) return undefined;
  const values: SyntaxNode[] = [];
  for (const arg of special.args) {
    const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
    if (value) values.push(value);
  }
  return { role: special.role, values };
}

/** The roles the string `chain[target]` is read in, walking down from the root along `chain`. */
function rolesOf(source: string, chain: readonly SyntaxNode[], target: number): Set<StringRole> {
  let roles = new Set<StringRole>(["none"]);
  const pushed: { node: SyntaxNode; role: StringRole }[] = [];
  for (let i = 0; i < target; i++) {
    const node = chain[i]!;
    if (node.type === "call") {
      const special = specialStringArguments(source, node);
      for (const value of special?.values ?? []) pushed.push({ node: value, role: special!.role });
    }
    const next = new Set<StringRole>();
    for (const role of roles) next.add(roleOfChildren(source, node, role));
    for (const { node: value, role } of pushed) if (sameNode(value, chain[i + 1])) next.add(role);
    roles = next;
  }
  return roles;
}

/** The occurrence of `name` at `at` (inside `node`, the smallest node there) is a read of it. */
function isReadAt(source: string, node: SyntaxNode, at: number, name: string): boolean {
  const chain: SyntaxNode[] = [];
  for (let current: SyntaxNode | null = node; current; current = current.parent) chain.push(current);
  chain.reverse();
  if (chain.some((ancestor) => IMPORT_STATEMENTS.has(ancestor.type))) return false;
  const outermostString = chain.findIndex((ancestor) => ancestor.type === "string");
  if (outermostString !== -1) {
    const string = chain[outermostString]!;
    return [...rolesOf(source, chain, outermostString)].some((role) => namesInString(source, string, role).includes(name));
  }
  if (node.type !== "identifier" || node.startIndex !== at || node.endIndex !== at + name.length) return false;
  const parent = node.parent;
  const isAttributeName = parent?.type === "attribute" && sameNode(parent.childForFieldName("attribute"), node);
  const isKeywordName = parent?.type === "keyword_argument" && sameNode(parent.childForFieldName("name"), node);
  return !isAttributeName && !isKeywordName;
}

/**
 * The file reads `name`: as an identifier (attribute names, keyword names and import statements
 * aside), inside a string annotation or a `cast`/`TypeVar` string, or as a string of `__all__`.
 * Identifiers inside f-strings do not count. Looked up where the text spells the name, not by a
 * walk of the tree. Errs on the side of reading: a name read here is never removed.
 */
export function isNameRead(source: string, root: SyntaxNode, name: string): boolean {
  if (name === "") return false;
  for (let at = source.indexOf(name); at !== -1; at = source.indexOf(name, at + 1)) {
    const node = root.descendantForIndex(at, at + name.length);
    if (node && isReadAt(source, node, at, name)) return true;
  }
  return false;
}
