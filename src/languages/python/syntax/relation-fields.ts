import { dottedName, lastComponent } from "./names.js";
import { childNodes, sameNode, textOf, type SyntaxNode } from "./node.js";

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

/** `models.ForeignKey`, `ForeignKey`, `django.db.models.ForeignKey` → "ForeignKey"; otherwise undefined. */
function relationKindOf(source: string, call: SyntaxNode): RelationFieldKind | undefined {
  const fn = call.childForFieldName("function");
  const name = fn ? dottedName(source, fn) : undefined;
  if (!name) return undefined;
  const last = lastComponent(name);
  return KIND_SET.has(last) ? (last as RelationFieldKind) : undefined;
}

/** Reads a relation-field call; undefined when it is not one, has errors, or has no target. */
export function readRelationField<Node extends SyntaxNode>(source: string, call: Node): RelationField<Node> | undefined {
  if (call.type !== "call" || call.hasError) return undefined;
  const kind = relationKindOf(source, call);
  if (!kind) return undefined;
  const args = call.childForFieldName("arguments");
  if (!args || args.type !== "argument_list") return undefined;
  let target: SyntaxNode | null | undefined;
  let targetKeyword: SyntaxNode | undefined;
  for (const arg of childNodes(args)) {
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name");
      if (name && textOf(source, name) === "to") {
        target = arg.childForFieldName("value");
        targetKeyword = arg;
        break;
      }
      continue;
    }
    if (arg.type === "list_splat" || arg.type === "dictionary_splat") return undefined;
    target ??= arg;
  }
  if (!target) return undefined;
  const field: RelationField<Node> = { call, kind, target: target as Node, ...(targetKeyword ? { targetKeyword: targetKeyword as Node } : {}) };
  const assignment = call.parent;
  if (assignment?.type === "assignment" && sameNode(assignment.childForFieldName("right"), call)) {
    const left = assignment.childForFieldName("left");
    if (left?.type === "identifier") {
      field.fieldName = textOf(source, left);
      field.assignment = assignment as Node;
    }
    const statement = assignment.parent;
    const block = statement?.parent;
    const owner = block?.type === "block" ? block.parent : undefined;
    if (statement?.type === "expression_statement" && owner?.type === "class_definition") field.modelClass = owner as Node;
  }
  return field;
}

/** The call whose function is `name` (an identifier) or ends with it (`models.ForeignKey`). */
function callOfFunctionName(name: SyntaxNode): SyntaxNode | undefined {
  let callee = name;
  let parent = name.parent;
  if (parent?.type === "attribute" && sameNode(parent.childForFieldName("attribute"), name)) {
    callee = parent;
    parent = parent.parent;
  }
  return parent?.type === "call" && sameNode(parent.childForFieldName("function"), callee) ? parent : undefined;
}

/**
 * Every relation-field call of a file, in document order. The calls are found where the source
 * names one of the four field classes, so a file without them costs a text search, not a walk.
 */
export function findRelationFields<Node extends SyntaxNode>(source: string, root: Node): RelationField<Node>[] {
  const calls = new Map<number, SyntaxNode>();
  for (const kind of RELATION_FIELD_KINDS) {
    for (let at = source.indexOf(kind); at !== -1; at = source.indexOf(kind, at + kind.length)) {
      const name = root.descendantForIndex(at, at + kind.length);
      if (name?.type !== "identifier" || name.startIndex !== at || name.endIndex !== at + kind.length) continue;
      const call = callOfFunctionName(name);
      if (call) calls.set(call.startIndex, call);
    }
  }
  const fields: RelationField<Node>[] = [];
  for (const start of [...calls.keys()].sort((a, b) => a - b)) {
    const field = readRelationField(source, calls.get(start)! as Node);
    if (field) fields.push(field);
  }
  return fields;
}
