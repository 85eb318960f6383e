/** A product `turbo.json` as the isolation rules read and edit it (the JSONC language's momoa AST). */
import type { ArrayNode, DocumentNode, MemberNode, ObjectNode } from "@humanwhocodes/momoa";
import { indentationAt } from "../../languages/text-lines.js";
import { rangeOf, type Range } from "../package-json/package-document.js";
import { removeMember } from "../package-json/json-edits.js";
import type { TextEdit } from "../text-edit.js";
import { CONTRACT_CHECK_SCRIPT } from "../../project/conventions.js";

export interface TurboDocument {
  text: string;
  root: ObjectNode;
  tasksMember: MemberNode | null;
  /** `tasks["backend:contract-check"]`. */
  taskMember: MemberNode | null;
  /** Its `inputs` array. */
  inputs: ArrayNode | null;
}

function member(object: ObjectNode | null, key: string): MemberNode | null {
  let found: MemberNode | null = null;
  for (const candidate of object?.members ?? []) {
    const name = candidate.name.type === "String" ? candidate.name.value : candidate.name.name;
    if (name === key) found = candidate;
  }
  return found;
}

const asObject = (node: MemberNode | null): ObjectNode | null => (node?.value.type === "Object" ? node.value : null);

/** Null when the top level is not an object. */
export function readTurboDocument(text: string, ast: DocumentNode): TurboDocument | null {
  if (ast.body.type !== "Object") return null;
  const root = ast.body;
  const tasksMember = member(root, "tasks");
  const taskMember = member(asObject(tasksMember), CONTRACT_CHECK_SCRIPT);
  const inputsMember = member(asObject(taskMember), "inputs");
  return { text, root, tasksMember, taskMember, inputs: inputsMember?.value.type === "Array" ? inputsMember.value : null };
}

/** The string inputs of the contract-check task, as the linted text has them. */
export function inputsOf(doc: TurboDocument): string[] {
  return (doc.inputs?.elements ?? []).flatMap((element) => (element.value.type === "String" ? [element.value.value] : []));
}

/** Where a finding about the contract-check narrowing goes: its inputs, else the task's key, else `tasks`, else `{`. */
export function narrowingAnchor(doc: TurboDocument): Range {
  if (doc.inputs) return rangeOf(doc.inputs);
  const key = doc.taskMember ?? doc.tasksMember;
  if (key) return rangeOf(key.name);
  const [start] = rangeOf(doc.root);
  return [start, start + 1];
}

/** Appends string elements to the inputs array, in its layout (one per line, or inline). */
export function appendInputs(doc: TurboDocument, values: readonly string[]): TextEdit | null {
  const array = doc.inputs;
  if (!array || values.length === 0) return null;
  const { text } = doc;
  const rendered = values.map((value) => JSON.stringify(value));
  const last = array.elements.at(-1);
  if (!last) {
    const [start, end] = rangeOf(array);
    return { range: [start + 1, end - 1], text: rendered.join(", ") };
  }
  const lastEnd = rangeOf(last)[1];
  const multiline = text.slice(rangeOf(array)[0], lastEnd).includes("\n");
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const separator = multiline ? `,${eol}${indentationAt(text, rangeOf(last)[0])}` : ", ";
  // After a trailing comma (JSONC allows one), the new elements go after it.
  const afterComma = /^\s*,/u.exec(text.slice(lastEnd));
  if (afterComma) {
    const at = lastEnd + afterComma[0].length;
    return { range: [at, at], text: `${separator.slice(1)}${rendered.join(separator)},` };
  }
  return { range: [lastEnd, lastEnd], text: `${separator}${rendered.join(separator)}` };
}

/** Removes the `backend:contract-check` task (and its comma). */
export function removeTask(doc: TurboDocument): TextEdit | null {
  const tasks = doc.tasksMember?.value;
  return doc.taskMember && tasks?.type === "Object" ? removeMember(tasks, doc.taskMember) : null;
}
