/** A product package.json as the rules read it from the JSON language's AST (momoa). */
import type { DocumentNode, MemberNode, ObjectNode, StringNode } from "@humanwhocodes/momoa";
import { decodeJsonString, type DecodedString } from "./json-string.js";

export type Range = [number, number];

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

export function rangeOf(node: { range?: Range; loc: { start: { offset: number }; end: { offset: number } } }): Range {
  return node.range ?? [node.loc.start.offset, node.loc.end.offset];
}

function memberName(member: MemberNode): string {
  return member.name.type === "String" ? member.name.value : member.name.name;
}

function lastMember(object: ObjectNode, name: string): MemberNode | null {
  let found: MemberNode | null = null;
  for (const member of object.members) if (memberName(member) === name) found = member;
  return found;
}

/** Null when the document's top level is not an object. */
export function readPackageDocument(text: string, ast: DocumentNode): PackageJsonDocument | null {
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

