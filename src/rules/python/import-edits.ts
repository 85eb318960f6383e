import {
  afterLineBreak,
  childNodes,
  indentationAt,
  lineEndOf,
  lineStartOf,
  startsLine,
  type FromImport,
  type ImportedName,
  type SyntaxNode,
} from "../../languages/python/syntax/index.js";
import type { TextEdit } from "../text-edit.js";

/**
 * Above this many characters of fix text (reports × span of the fix each one carries), reports
 * that share one fix leave it to a single report: ESLint builds every report's fix text over the
 * fix's whole span, which is quadratic in a huge generated file. Never reached by a hand-written one.
 */
export const FIX_TEXT_BUDGET = 2_000_000;

/** From the first edit's start to the last edit's end. */
export function editsSpan(edits: readonly TextEdit[]): number {
  let start = Infinity;
  let end = -Infinity;
  for (const edit of edits) {
    start = Math.min(start, edit.range[0]);
    end = Math.max(end, edit.range[1]);
  }
  return edits.length === 0 ? 0 : end - start;
}

/** The name sits alone on its line: `    Name,  # comment`. */
function isAloneOnLine(text: string, name: SyntaxNode): boolean {
  if (!startsLine(text, name.startIndex)) return false;
  const rest = text.slice(name.endIndex, lineEndOf(text, name.endIndex));
  return /^\s*,?\s*(#.*)?$/u.test(rest);
}

/** The statement fills its lines (nothing but a comment after it). */
export function fillsItsLines(text: string, statement: SyntaxNode): boolean {
  const rest = text.slice(statement.endIndex, lineEndOf(text, statement.endIndex));
  return startsLine(text, statement.startIndex) && /^\s*(#.*)?$/u.test(rest);
}

/**
 * Removes a whole statement. When it fills its lines, the lines go too (with a trailing
 * comment on them); when it is the only statement of a block, it becomes `pass` so the
 * block stays valid; after `;` or before `;` only the statement and one `;` go.
 */
export function removeStatement(text: string, statement: SyntaxNode): TextEdit {
  const start = statement.startIndex;
  const end = statement.endIndex;
  const block = statement.parent;
  if (block && block.type === "block" && childNodes(block).length === 1) {
    return { range: [start, end], text: "pass" };
  }
  const lineEnd = lineEndOf(text, end);
  const restOfLine = text.slice(end, lineEnd);
  if (fillsItsLines(text, statement)) {
    const removedStart = lineStartOf(text, start);
    let removedEnd = afterLineBreak(text, lineEnd);
    // Between two blank lines, take one of them too, so the gap does not grow.
    const blankBefore = /(?:^|\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/u.test(text.slice(0, removedStart));
    const blankAfter = /^[ \t]*(?:\r\n|\r|\n)/u.exec(text.slice(removedEnd));
    if (blankBefore && blankAfter) removedEnd += blankAfter[0].length;
    return { range: [removedStart, removedEnd], text: "" };
  }
  const semicolonAfter = /^[ \t]*;[ \t]*/u.exec(restOfLine);
  if (semicolonAfter) return { range: [start, end + semicolonAfter[0].length], text: "" };
  const before = text.slice(lineStartOf(text, start), start);
  const semicolonBefore = /[ \t]*;[ \t]*$/u.exec(before);
  if (semicolonBefore) return { range: [start - semicolonBefore[0].length, end], text: "" };
  return { range: [start, end], text: "" };
}

/**
 * Edits that remove some names from a `from M import ...` statement, keeping the others,
 * their aliases, comments and layout. Removing every name removes the statement.
 */
export function removeImportedNames(text: string, fromImport: FromImport, remove: ReadonlySet<ImportedName>): TextEdit[] {
  const { names } = fromImport;
  const kept = names.filter((name) => !remove.has(name));
  if (kept.length === 0) return [removeStatement(text, fromImport.statement)];
  const edits: TextEdit[] = [];
  const lastKeptIndex = names.lastIndexOf(kept[kept.length - 1]!);
  const trailingRemoved = names.slice(lastKeptIndex + 1);
  names.forEach((name, index) => {
    if (!remove.has(name)) return;
    if (fromImport.parenthesized && isAloneOnLine(text, name.node)) {
      const start = lineStartOf(text, name.node.startIndex);
      edits.push({ range: [start, afterLineBreak(text, lineEndOf(text, name.node.endIndex))], text: "" });
      return;
    }
    if (index < lastKeptIndex) {
      edits.push({ range: [name.node.startIndex, names[index + 1]!.node.startIndex], text: "" });
    }
  });
  // Names after the last kept one: drop "<sep> name" back to the end of the last kept name.
  const inline = trailingRemoved.filter((name) => !(fromImport.parenthesized && isAloneOnLine(text, name.node)));
  if (inline.length > 0) {
    const lastKept = names[lastKeptIndex]!;
    edits.push({ range: [lastKept.node.endIndex, inline[inline.length - 1]!.node.endIndex], text: "" });
  }
  return mergeAdjacent(edits);
}

function mergeAdjacent(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.range[1] >= edit.range[0] && last.text === "" && edit.text === "") {
      last.range = [last.range[0], Math.max(last.range[1], edit.range[1])];
    } else {
      merged.push({ range: [...edit.range], text: edit.text });
    }
  }
  return merged;
}

/** Indentation of the statement's first line, for statements inserted next to it. */
export function statementIndentation(text: string, statement: SyntaxNode): string {
  return indentationAt(text, statement.startIndex);
}
