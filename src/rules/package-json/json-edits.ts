/**
 * Text edits that add or remove a member of a package.json object, keeping the file's
 * indentation, line endings and every other byte as they are.
 */
import type { MemberNode, ObjectNode } from "@humanwhocodes/momoa";
import { indentationAt } from "../../languages/text-lines.js";
import type { TextEdit } from "../text-edit.js";
import { rangeOf, type PackageJsonDocument } from "./package-document.js";

function lineEnding(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

function onSameLine(text: string, a: number, b: number): boolean {
  const [from, to] = a < b ? [a, b] : [b, a];
  return !text.slice(from, to).includes("\n");
}

/** The file's indentation unit: from the first member of the top-level object, else two spaces. */
function indentUnit(doc: PackageJsonDocument): string {
  const { text, root } = doc;
  const first = root.members[0];
  if (first && !onSameLine(text, rangeOf(root)[0], rangeOf(first)[0])) {
    const indent = indentationAt(text, rangeOf(first)[0]).slice(indentationAt(text, rangeOf(root)[0]).length);
    if (indent) return indent;
  }
  // Any indented line of the file.
  const m = /\n([ \t]+)\S/.exec(text);
  return m ? m[1] : "  ";
}

/** What the file writes between a key and its value (`": "` → `: `). */
function keyValueSeparator(doc: PackageJsonDocument): string {
  const member = doc.scripts?.members[0] ?? doc.root.members[0];
  if (!member) return ": ";
  const between = doc.text.slice(rangeOf(member.name)[1], rangeOf(member.value)[0]);
  return /^\s*:\s*$/.test(between) && !between.includes("\n") ? between : ": ";
}

interface ObjectLayout {
  /** Members on the line of `{` (`{ "a": 1 }`). */
  inline: boolean;
  /** Indentation of the members' lines (multi-line objects). */
  memberIndent: string;
  /** Indentation of the line holding `{`. */
  objectIndent: string;
}

function objectLayout(doc: PackageJsonDocument, object: ObjectNode): ObjectLayout {
  const { text } = doc;
  const [start] = rangeOf(object);
  const objectIndent = indentationAt(text, start);
  const first = object.members[0];
  if (first) {
    const inline = onSameLine(text, start, rangeOf(first)[0]);
    return { inline, memberIndent: inline ? "" : indentationAt(text, rangeOf(first)[0]), objectIndent };
  }
  return { inline: false, memberIndent: objectIndent + indentUnit(doc), objectIndent };
}

/** The space the file writes after a comma on one line (`{"a": 1, "b": 2}` → `" "`). */
function inlineCommaPadding(doc: PackageJsonDocument, object: ObjectNode): string {
  const { text } = doc;
  const [first, second] = object.members;
  if (first && second) {
    const between = text.slice(rangeOf(first)[1], rangeOf(second)[0]).replace(/^\s*,/, "");
    if (!between.includes("\n")) return between === "" ? "" : " ";
  }
  const anywhere = /,([ \t]*)"/.exec(text);
  if (anywhere) return anywhere[1] === "" ? "" : " ";
  return keyValueSeparator(doc).endsWith(" ") ? " " : "";
}

/** `"key": value` in the file's style. */
/** Puts a multi-line JSON value on one line. */
function collapse(valueText: string, padding: string): string {
  return valueText.replace(/\{\n\s*/g, "{").replace(/\n\s*\}/g, "}").replace(/\n\s*/g, padding);
}

function renderMember(doc: PackageJsonDocument, key: string, valueText: string): string {
  return `${JSON.stringify(key)}${keyValueSeparator(doc)}${valueText}`;
}

/**
 * Adds `"key": value` to `object`, right after `after` (default: after the last member).
 * `valueText` is JSON text; multi-line values must use `\n` and are re-indented.
 */
function insertMember(
  doc: PackageJsonDocument,
  object: ObjectNode,
  key: string,
  valueText: string,
  after: MemberNode | null = null,
): TextEdit {
  const { text } = doc;
  const eol = lineEnding(text);
  const layout = objectLayout(doc, object);
  const reindent = (value: string, indent: string) => value.split("\n").join(eol + indent);
  const anchor = after ?? object.members[object.members.length - 1] ?? null;
  if (!anchor) {
    const [start, end] = rangeOf(object);
    if (!text.includes("\n")) {
      // A one-line file stays on one line.
      const padding = inlineCommaPadding(doc, object);
      return { range: [start + 1, end - 1], text: renderMember(doc, key, collapse(valueText, padding)) };
    }
    const member = renderMember(doc, key, reindent(valueText, layout.memberIndent));
    return { range: [start + 1, end - 1], text: `${eol}${layout.memberIndent}${member}${eol}${layout.objectIndent}` };
  }
  const anchorEnd = rangeOf(anchor)[1];
  if (layout.inline) {
    const padding = inlineCommaPadding(doc, object);
    const value = collapse(valueText, padding);
    return { range: [anchorEnd, anchorEnd], text: `,${padding}${renderMember(doc, key, value)}` };
  }
  const member = renderMember(doc, key, reindent(valueText, layout.memberIndent));
  return { range: [anchorEnd, anchorEnd], text: `,${eol}${layout.memberIndent}${member}` };
}

/** Adds a script, creating the `scripts` object when the file has none. */
export function insertScript(doc: PackageJsonDocument, name: string, command: string, after: MemberNode | null = null): TextEdit | null {
  if (doc.scripts) return insertMember(doc, doc.scripts, name, JSON.stringify(command), after);
  if (doc.scriptsMember) return null; // `scripts` is not an object: leave it to the user.
  const unit = indentUnit(doc);
  const objectText = `{\n${unit}${renderMember(doc, name, JSON.stringify(command))}\n}`;
  return insertMember(doc, doc.root, "scripts", objectText);
}

/** Removes a member and its comma, leaving the other members' layout alone. */
export function removeMember(object: ObjectNode, member: MemberNode): TextEdit {
  const members = object.members;
  const index = members.indexOf(member);
  if (members.length === 1) {
    const [start, end] = rangeOf(object);
    return { range: [start + 1, end - 1], text: "" };
  }
  if (index < members.length - 1) {
    return { range: [rangeOf(member)[0], rangeOf(members[index + 1])[0]], text: "" };
  }
  return { range: [rangeOf(members[index - 1])[1], rangeOf(member)[1]], text: "" };
}

