import {
  childNodes,
  indentationAt,
  lineBreakOf,
  lineEndOf,
  sameNode,
  startsLine,
  textOf,
  type RelationField,
  type SyntaxNode,
} from "../../languages/python/syntax/index.js";
import type { TextEdit } from "../text-edit.js";
import type { PythonFileContext } from "./file-context.js";
import { bindingAt } from "./name-bindings.js";

/**
 * Keyword arguments of the relation field that the suggested BigIntegerField keeps: nullability,
 * the column (name, primary key, uniqueness) and its documentation. Everything else
 * (`to`, `on_delete`, `related_name`, `related_query_name`, `limit_choices_to`, `db_constraint`,
 * `to_field`, `default`, `db_index`...) is about the relation and goes.
 */
const KEPT_KEYWORDS: ReadonlySet<string> = new Set([
  "null",
  "blank",
  "db_column",
  "db_comment",
  "primary_key",
  "unique",
  "help_text",
  "verbose_name",
]);

/** `team` → `team_id`; a name already ending in `_id` stays. */
export function idFieldName(fieldName: string): string {
  return fieldName.endsWith("_id") ? fieldName : `${fieldName}_id`;
}

/** Another statement of the class body assigns `name` (the suggested field would clash with it). */
function classAssigns(text: string, modelClass: SyntaxNode, name: string, except: SyntaxNode): boolean {
  // A class whose text never spells the name cannot assign it: its statements are not read.
  if (!textOf(text, modelClass).includes(name)) return false;
  const body = modelClass.childForFieldName("body");
  for (const statement of body ? childNodes(body) : []) {
    if (statement.type !== "expression_statement") continue;
    for (const child of childNodes(statement)) {
      if (child.type !== "assignment" || sameNode(child, except)) continue;
      const left = child.childForFieldName("left");
      if (left?.type === "identifier" && textOf(text, left) === name) return true;
    }
  }
  return false;
}

/**
 * How to write `BigIntegerField` where the relation field's callee was: `models.ForeignKey` →
 * `models.BigIntegerField`; a bare `ForeignKey` imported from `django.db.models` →
 * `BigIntegerField` when that is imported, else `models.BigIntegerField` when `models` is, else
 * `BigIntegerField` added to the import (the one case where the suggestion edits two places:
 * preferring a bound name keeps it to the field's own text).
 */
function bigIntegerCallee(text: string, file: PythonFileContext, callee: SyntaxNode): { callee: string; edits: TextEdit[] } | undefined {
  if (callee.type === "attribute") {
    const object = callee.childForFieldName("object");
    return object ? { callee: `${textOf(text, object)}.BigIntegerField`, edits: [] } : undefined;
  }
  if (callee.type !== "identifier") return undefined;
  const existing = bindingAt(file, text, "BigIntegerField", callee);
  if (existing?.kind === "from-import" && existing.binding.name.importedName === "BigIntegerField") return { callee: "BigIntegerField", edits: [] };
  const models = bindingAt(file, text, "models", callee);
  const modelsBound = models?.kind === "from-import" && models.module === "django.db" && models.binding.name.importedName === "models";
  const binding = bindingAt(file, text, textOf(text, callee), callee);
  if (binding?.kind === "from-import") {
    if (binding.module !== "django.db.models" || existing) return undefined;
    if (modelsBound) return { callee: "models.BigIntegerField", edits: [] };
    const names = binding.binding.fromImport.names;
    const end = names[names.length - 1]!.node.endIndex;
    return { callee: "BigIntegerField", edits: [{ range: [end, end], text: ", BigIntegerField" }] };
  }
  if (modelsBound) return { callee: "models.BigIntegerField", edits: [] };
  // Not bound by an import of this file (a star import, most likely): the name comes with it.
  return existing ? undefined : { callee: "BigIntegerField", edits: [] };
}

/** A trailing `# comment` after a node (and its comma) on the node's last line, with its spacing. */
function trailingComment(text: string, node: SyntaxNode): string {
  const rest = text.slice(node.endIndex, lineEndOf(text, node.endIndex));
  const match = /^\s*,?(\s*#.*)$/u.exec(rest);
  return match ? match[1]!.trimEnd() : "";
}

function keptArguments(text: string, args: SyntaxNode): { kept: SyntaxNode[]; values: Map<string, string> } {
  const kept: SyntaxNode[] = [];
  const values = new Map<string, string>();
  for (const arg of childNodes(args)) {
    if (arg.type !== "keyword_argument") continue;
    const keyword = arg.childForFieldName("name");
    const value = arg.childForFieldName("value");
    if (!keyword || !value) continue;
    const key = textOf(text, keyword);
    if (!KEPT_KEYWORDS.has(key)) continue;
    kept.push(arg);
    values.set(key, textOf(text, value));
  }
  return { kept, values };
}

function argumentList(text: string, args: SyntaxNode, assignment: SyntaxNode, added: string[], kept: SyntaxNode[]): string {
  if (!/^\(\s*(?:#[^\r\n]*)?(?:\r\n|\r|\n)/u.test(textOf(text, args))) {
    return `(${[...added, ...kept.map((arg) => textOf(text, arg))].join(", ")})`;
  }
  // Arguments on their own lines: one argument a line, with their trailing comments.
  const lineBreak = lineBreakOf(text);
  const closeIndex = args.endIndex - 1;
  const closeIndent = startsLine(text, closeIndex) ? indentationAt(text, closeIndex) : indentationAt(text, assignment.startIndex);
  const firstArg = childNodes(args)[0];
  const itemIndent = firstArg && startsLine(text, firstArg.startIndex) ? indentationAt(text, firstArg.startIndex) : `${closeIndent}    `;
  const lines = [
    ...added.map((arg) => `${itemIndent}${arg},`),
    ...kept.map((arg) => `${itemIndent}${textOf(text, arg)},${trailingComment(text, arg)}`),
  ];
  return `(${lineBreak}${lines.join(lineBreak)}${lineBreak}${closeIndent})`;
}

/**
 * `team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE, null=True)` →
 * `team_id = models.BigIntegerField(db_index=True, null=True)`.
 */
export function idFieldSuggestion(text: string, file: PythonFileContext, field: RelationField): { name: string; edits: TextEdit[] } | undefined {
  const { call, assignment, fieldName, modelClass } = field;
  if (!assignment || !fieldName || !modelClass) return undefined;
  if (field.kind !== "ForeignKey" && field.kind !== "OneToOneField") return undefined;
  const left = assignment.childForFieldName("left");
  const fn = call.childForFieldName("function");
  const args = call.childForFieldName("arguments");
  if (!left || !fn || !args) return undefined;
  const name = idFieldName(fieldName);
  if (name !== fieldName && classAssigns(text, modelClass, name, assignment)) return undefined;
  const callee = bigIntegerCallee(text, file, fn);
  if (!callee) return undefined;
  const { kept, values } = keptArguments(text, args);
  const indexed = values.get("primary_key") === "True" || values.get("unique") === "True";
  const added: string[] = [];
  if (field.kind === "OneToOneField" && !values.has("unique") && values.get("primary_key") !== "True") added.push("unique=True");
  else if (!indexed) added.push("db_index=True");
  const list = argumentList(text, args, assignment, added, kept);
  return { name, edits: [...callee.edits, { range: [left.startIndex, call.endIndex], text: `${name} = ${callee.callee}${list}` }] };
}
