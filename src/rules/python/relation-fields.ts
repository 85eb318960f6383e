import type { PyNode } from "../../parsers/python/ast.js";
import { childByField, dottedName, textOf } from "./syntax.js";

export const RELATION_FIELD_KINDS = ["ForeignKey", "OneToOneField", "ManyToManyField", "ForeignObject"] as const;
export type RelationFieldKind = (typeof RELATION_FIELD_KINDS)[number];

const KIND_SET: ReadonlySet<string> = new Set(RELATION_FIELD_KINDS);

export interface RelationField {
  call: PyNode;
  kind: RelationFieldKind;
  /** The target expression: first positional argument or `to=`'s value. */
  target: PyNode;
  /** The `to=` keyword argument when the target was given by keyword. */
  targetKeyword?: PyNode;
  /** `team` in `team = models.ForeignKey(...)`, when the call is the right side of a simple assignment. */
  fieldName?: string;
  assignment?: PyNode;
  /** The class the field is declared in, when it is a class attribute. */
  modelClass?: PyNode;
}

/** `models.ForeignKey`, `ForeignKey`, `django.db.models.ForeignKey` → "ForeignKey"; otherwise undefined. */
export function relationKindOf(text: string, call: PyNode): RelationFieldKind | undefined {
  const fn = childByField(call, "function");
  if (!fn) return undefined;
  const name = dottedName(text, fn);
  if (!name) return undefined;
  const last = name.slice(name.lastIndexOf(".") + 1);
  return KIND_SET.has(last) ? (last as RelationFieldKind) : undefined;
}

/** Reads a relation-field call; undefined when it is not one, has errors, or has no target. */
export function readRelationField(text: string, call: PyNode): RelationField | undefined {
  if (call.type !== "call" || call.hasError) return undefined;
  const kind = relationKindOf(text, call);
  if (!kind) return undefined;
  const args = childByField(call, "arguments");
  if (!args || args.type !== "argument_list") return undefined;
  let target: PyNode | undefined;
  let targetKeyword: PyNode | undefined;
  for (const arg of args.children) {
    if (arg.type === "comment") continue;
    if (arg.type === "keyword_argument") {
      const name = childByField(arg, "name");
      if (name && textOf(text, name) === "to") {
        target = childByField(arg, "value");
        targetKeyword = arg;
        break;
      }
      continue;
    }
    if (arg.type === "list_splat" || arg.type === "dictionary_splat") return undefined;
    target ??= arg;
  }
  if (!target) return undefined;
  const field: RelationField = { call, kind, target, ...(targetKeyword ? { targetKeyword } : {}) };
  const assignment = call.parent;
  if (assignment?.type === "assignment" && childByField(assignment, "right") === call) {
    const left = childByField(assignment, "left");
    if (left?.type === "identifier") {
      field.fieldName = textOf(text, left);
      field.assignment = assignment;
    }
    const statement = assignment.parent;
    const block = statement?.parent;
    const owner = block?.type === "block" ? block.parent : undefined;
    if (statement?.type === "expression_statement" && owner?.type === "class_definition") field.modelClass = owner;
  }
  return field;
}

/** `class X(...)` name text. */
export function classNameOf(text: string, classNode: PyNode): string | undefined {
  const name = childByField(classNode, "name");
  return name ? textOf(text, name) : undefined;
}
