import { dottedName, lastComponent, NAME, NAME_CHARACTER } from "./names.js";
import { childNodes, expressionOf, indexOfNodeHolding, textOf, type SyntaxNode } from "./node.js";
import { callsNamed } from "./calls.js";
import { isKeywordArgumentNamed } from "./arguments.js";

const RELATION_FIELD_KINDS = ["ForeignKey", "OneToOneField", "ManyToManyField", "ForeignObject"] as const;
type RelationFieldKind = (typeof RELATION_FIELD_KINDS)[number];

const KIND_SET: ReadonlySet<string> = new Set(RELATION_FIELD_KINDS);

export interface RelationField<Node extends SyntaxNode = SyntaxNode> {
  call: Node;
  kind: RelationFieldKind;
  /** The target expression: first positional argument or `to=`'s value. */
  target: Node;
  /** The `to=` keyword argument when the target was given by keyword. */
  targetKeyword?: Node;
  /** `team` in `team = models.ForeignKey(...)`, when the call is the right side of a simple assignment. */
  fieldName?: string;
  assignment?: Node;
  /** The class the field is declared in, when it is a class attribute. */
  modelClass?: Node;
}

/** A dotted name written plainly, without spaces, comments or line breaks inside. */
const PLAIN_DOTTED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/u;

/**
 * `models.ForeignKey`, `ForeignKey`, `django.db.models.ForeignKey` → "ForeignKey"; otherwise
 * undefined. When the text before the arguments is plainly a dotted name (the common case), that
 * text is the function: no node of it is read.
 */
function relationKindOf(source: string, call: SyntaxNode, args: SyntaxNode): RelationFieldKind | undefined {
  let name: string | undefined = source.slice(call.startIndex, args.startIndex).trimEnd();
  if (!PLAIN_DOTTED_NAME.test(name)) {
    const fn = call.childForFieldName("function");
    name = fn ? dottedName(source, fn) : undefined;
  }
  if (!name) return undefined;
  const last = lastComponent(name);
  return KIND_SET.has(last) ? (last as RelationFieldKind) : undefined;
}

/** A name, then `=` (not `==`) or `:` on the same line: the start of an assignment whose left side is that name. */
const ASSIGNED_NAME = new RegExp(`^(${NAME.source})[ \\t]*(?:=(?!=)|:)`, "u");

/** The assignment's left side when it is a name: read from the text when that is plain, else from the node. */
function assignedName(source: string, assignment: SyntaxNode): string | undefined {
  const plain = ASSIGNED_NAME.exec(source.slice(assignment.startIndex, assignment.endIndex));
  if (plain) return plain[1];
  const left = assignment.childForFieldName("left");
  return left?.type === "identifier" ? textOf(source, left) : undefined;
}

interface Target {
  target?: SyntaxNode | null;
  targetKeyword?: SyntaxNode;
}

/**
 * The word `to` anywhere (a keyword argument's name may be followed by a comment or a line
 * continuation before its `=`, so only the word's absence rules `to=` out).
 */
const TO_WORD = new RegExp(`(?<!${NAME_CHARACTER.source})to(?!${NAME_CHARACTER.source})`, "u");

/**
 * The target when the text of the arguments has neither the word `to` nor a `*` (no `to=`, no
 * unpacking): the first argument, read alone, when it is positional. Undefined when that cannot
 * be told this way.
 */
function firstArgumentTarget(source: string, args: SyntaxNode): Target | undefined {
  const text = textOf(source, args);
  if (text.includes("*") || TO_WORD.test(text)) return undefined;
  const first = args.firstNamedChildForIndex(args.startIndex);
  return first && first.type !== "keyword_argument" && first.type !== "comment" ? { target: first } : undefined;
}

/** The target: `to=`'s value, else the first positional argument; undefined when arguments are unpacked before `to=`. */
function targetOfArguments(source: string, args: SyntaxNode): Target | undefined {
  let target: SyntaxNode | null | undefined;
  for (const arg of childNodes(args)) {
    if (arg.type === "keyword_argument") {
      if (isKeywordArgumentNamed(source, arg, "to")) return { target: arg.childForFieldName("value"), targetKeyword: arg };
      continue;
    }
    if (arg.type === "list_splat" || arg.type === "dictionary_splat") return undefined;
    target ??= arg;
  }
  return { target };
}

/** Reads a relation-field call; undefined when it is not one, has errors, or has no target. */
export function readRelationField<Node extends SyntaxNode>(source: string, call: Node): RelationField<Node> | undefined {
  if (call.type !== "call" || call.hasError) return undefined;
  const args = call.childForFieldName("arguments");
  if (!args || args.type !== "argument_list") return undefined;
  const kind = relationKindOf(source, call, args);
  if (!kind) return undefined;
  const { target, targetKeyword } = firstArgumentTarget(source, args) ?? targetOfArguments(source, args) ?? {};
  if (!target) return undefined;
  const field: RelationField<Node> = { call, kind, target: target as Node, ...(targetKeyword ? { targetKeyword: targetKeyword as Node } : {}) };
  const assignment = call.parent;
  // A call directly under an assignment is its right side when it ends the assignment (a type annotation is a `type` node).
  if (assignment?.type === "assignment" && assignment.endIndex === call.endIndex) {
    const fieldName = assignedName(source, assignment);
    if (fieldName !== undefined) {
      field.fieldName = fieldName;
      field.assignment = assignment as Node;
    }
    const statement = assignment.parent;
    const block = statement?.parent;
    const owner = block?.type === "block" ? block.parent : undefined;
    if (statement?.type === "expression_statement" && owner?.type === "class_definition") field.modelClass = owner as Node;
  }
  return field;
}

/**
 * The call at `at` when it is the right side of an assignment in the body of a top-level class
 * (`team = models.ForeignKey(...)`, where nearly every relation field is), found from the module
 * down: each node on the way learns its parent, which tree-sitter would otherwise find from the
 * root down, through the module's statements one by one (thousands in a large models file).
 */
function classFieldCallAt(source: string, root: SyntaxNode, at: number, name: string, parenthesis: number): SyntaxNode | undefined {
  const statements = root.namedChildren;
  const top = statements[indexOfNodeHolding(statements, at, parenthesis + 1)];
  const definition = top?.type === "decorated_definition" ? top.childForFieldName("definition") : top;
  const body = definition?.type === "class_definition" ? definition.childForFieldName("body") : null;
  const statement = body?.firstNamedChildForIndex(at);
  if (!statement || statement.startIndex > at || statement.endIndex < parenthesis + 1) return undefined;
  const assignment = expressionOf(statement);
  const call = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
  if (call?.type !== "call") return undefined;
  // The call whose function ends with the name is the one the search from the root finds (see `callAt`).
  // Its arguments open at `parenthesis`; when the text from the call's start to the name is plainly a
  // dotted name, that text is the whole function, so it ends with the name, and no node of it is read.
  const plain = call.childForFieldName("arguments")?.startIndex === parenthesis && PLAIN_DOTTED_NAME.test(source.slice(call.startIndex, at + name.length));
  return plain || call.childForFieldName("function")?.endIndex === at + name.length ? call : undefined;
}

/**
 * Every relation-field call of a file, in document order. The calls are found where the source
 * names one of the four field classes, so a file without them costs a text search, not a walk;
 * each is read as soon as it is found, while the nodes just read are still at hand.
 */
export function findRelationFields<Node extends SyntaxNode>(source: string, root: Node): RelationField<Node>[] {
  const fields: RelationField<Node>[] = [];
  const findFirst = (at: number, name: string, parenthesis: number) => classFieldCallAt(source, root, at, name, parenthesis);
  for (const call of callsNamed(source, root, RELATION_FIELD_KINDS, findFirst)) {
    const field = readRelationField(source, call);
    if (field) fields.push(field);
  }
  return fields.sort((a, b) => a.call.startIndex - b.call.startIndex || a.call.endIndex - b.call.endIndex);
}
