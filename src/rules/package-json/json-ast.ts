/**
 * Reading a product package.json from the JSON language's AST (momoa), and text edits that add
 * or remove an object member while keeping the file's indentation, line endings and every other
 * byte as they are.
 */
import type { DocumentNode, MemberNode, ObjectNode, StringNode } from "@humanwhocodes/momoa";
import { decodeJsonString, type DecodedString } from "./json-string.js";

type Range = [number, number];

export interface TextEdit {
  range: Range;
  text: string;
}

export interface ScriptEntry {
  name: string;
  member: MemberNode;
  /** The value when it is a string literal. */
  value: StringNode | null;
  /** The decoded value with source offsets (null when not a string). */
  decoded: DecodedString | null;
}

export interface PackageJsonDocument {
  text: string;
  root: ObjectNode;
  nameMember: MemberNode | null;
  /** The (last) `scripts` member, whatever its value. */
  scriptsMember: MemberNode | null;
  /** Its value when it is an object. */
  scripts: ObjectNode | null;
  /** Scripts by name; the last one wins for duplicate keys, as in `JSON.parse`. */
  entries: Map<string, ScriptEntry>;
}

function rangeOf(node: { range?: Range; loc: { start: { offset: number }; end: { offset: number } } }): Range {
  return node.range ?? [node.loc.start.offset, node.loc.end.offset];
}

export function memberName(member: MemberNode): string {
  return member.name.type === "String" ? member.name.value : member.name.name;
}

function lastMember(object: ObjectNode, name: string): MemberNode | null {
  let found: MemberNode | null = null;
  for (const member of object.members) if (memberName(member) === name) found = member;
  return found;
}

/** Null when the document's top level is not an object. */
export function readPackageJson(text: string, ast: DocumentNode): PackageJsonDocument | null {
  if (ast.body.type !== "Object") return null;
  const root = ast.body;
  const scriptsMember = lastMember(root, "scripts");
  const scripts = scriptsMember?.value.type === "Object" ? scriptsMember.value : null;
  const entries = new Map<string, ScriptEntry>();
  for (const member of scripts?.members ?? []) {
    const name = memberName(member);
    const value = member.value.type === "String" ? member.value : null;
    const decoded = value ? decodeJsonString(text, ...rangeOf(value)) : null;
    entries.set(name, { name, member, value, decoded });
  }
  return { text, root, nameMember: lastMember(root, "name"), scriptsMember, scripts, entries };
}

/** Source range of the decoded-string range [start, end) of a script value. */
export function sourceRangeOf(entry: ScriptEntry, start: number, end: number): Range {
  const offsets = entry.decoded!.offsets;
  return [offsets[start], offsets[end]];
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

export function lineEnding(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

function lineStart(text: string, offset: number): number {
  const newline = text.lastIndexOf("\n", offset - 1);
  return newline + 1;
}

/** The whitespace at the start of the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
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
    const indent = indentAt(text, rangeOf(first)[0]).slice(indentAt(text, rangeOf(root)[0]).length);
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
  const objectIndent = indentAt(text, start);
  const first = object.members[0];
  if (first) {
    const inline = onSameLine(text, start, rangeOf(first)[0]);
    return { inline, memberIndent: inline ? "" : indentAt(text, rangeOf(first)[0]), objectIndent };
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
export function insertMember(
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

/**
 * Where to report a problem about a missing script: the `scripts` key, else the `name` key,
 * else the opening brace of the document.
 */
export function missingScriptAnchor(doc: PackageJsonDocument): Range {
  if (doc.scriptsMember) return rangeOf(doc.scriptsMember.name);
  if (doc.nameMember) return rangeOf(doc.nameMember.name);
  const start = rangeOf(doc.root)[0];
  return [start, start + 1];
}

export { rangeOf };
