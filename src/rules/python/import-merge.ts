import { lineEndOf, lineStartOf, startsLine, textOf, type FromImport, type ImportedName } from "../../languages/python/syntax/index.js";
import type { TextEdit } from "../text-edit.js";

/**
 * isort's and ruff's default order inside one statement (`order-by-type`): CONSTANTS, then
 * Classes, then functions and variables, each case-insensitively.
 */
function orderKey(name: string): [number, string] {
  const rank = name.length > 1 && name === name.toUpperCase() && /[A-Z]/u.test(name) ? 0 : /^_*[A-Z]/u.test(name) ? 1 : 2;
  return [rank, name.toLowerCase()];
}

function compareNames(a: string, b: string): number {
  const [rankA, keyA] = orderKey(a);
  const [rankB, keyB] = orderKey(b);
  return rankA - rankB || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0);
}

function isSorted(names: readonly ImportedName[]): boolean {
  return names.every((name, i) => i === 0 || compareNames(names[i - 1]!.importedName, name.importedName) <= 0);
}

/** Each name sits alone on its line inside the parentheses, and `)` on a line of its own. */
function oneNamePerLine(text: string, target: FromImport): boolean {
  const last = target.names[target.names.length - 1];
  return (
    target.parenthesized &&
    last !== undefined &&
    /[\r\n]/u.test(text.slice(last.node.endIndex, target.statement.endIndex)) &&
    target.names.every((name) => startsLine(text, name.node.startIndex))
  );
}

/** `X` or `X as Y`, as written in the statement it comes from. */
function nameText(text: string, name: ImportedName): string {
  return textOf(text, name.node).replace(/\s+/gu, " ");
}

/**
 * The edit adding `added` to the existing `from M import ...` statement `target`: at their sorted
 * place when its names are sorted, else at the end; one a line when it has one name a line.
 * Names it already imports are skipped. The edit spans the whole statement, so that a fix
 * changing the same statement in the same pass (its module, its names) conflicts with it.
 */
export function addImportedNames(text: string, target: FromImport, added: readonly ImportedName[], lineBreak: string): TextEdit[] {
  const present = new Set(target.names.map((name) => `${name.importedName} ${name.localName}`));
  const missing = added.filter((name) => !present.has(`${name.importedName} ${name.localName}`));
  if (missing.length === 0 || target.names.length === 0) return [];
  const sorted = isSorted(target.names);
  const vertical = oneNamePerLine(text, target);
  const edits = new Map<number, string[]>();
  const insertAt = (offset: number, piece: string): void => {
    edits.set(offset, [...(edits.get(offset) ?? []), piece]);
  };
  const last = target.names[target.names.length - 1]!;
  const lastHasComma = /^\s*,/u.test(text.slice(last.node.endIndex));
  for (const name of [...missing].sort((a, b) => compareNames(a.importedName, b.importedName))) {
    const before = sorted ? target.names.find((existing) => compareNames(name.importedName, existing.importedName) < 0) : undefined;
    if (vertical) {
      const indent = /^[ \t]*/u.exec(text.slice(lineStartOf(text, last.node.startIndex)))![0];
      if (before) insertAt(lineStartOf(text, before.node.startIndex), `${indent}${nameText(text, name)},${lineBreak}`);
      else {
        const end = lineEndOf(text, last.node.endIndex);
        insertAt(lastHasComma ? end : last.node.endIndex, lastHasComma ? `${lineBreak}${indent}${nameText(text, name)},` : `,${lineBreak}${indent}${nameText(text, name)}`);
      }
    } else if (before) {
      insertAt(before.node.startIndex, `${nameText(text, name)}, `);
    } else {
      insertAt(last.node.endIndex, `, ${nameText(text, name)}`);
    }
  }
  const start = target.statement.startIndex;
  const end = target.statement.endIndex;
  let merged = "";
  let at = start;
  for (const [offset, pieces] of [...edits].sort(([a], [b]) => a - b)) {
    merged += text.slice(at, offset) + pieces.join("");
    at = offset;
  }
  return [{ range: [start, end], text: merged + text.slice(at, end) }];
}
