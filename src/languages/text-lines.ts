/** Offsets and lines of source text (any of `\r\n`, `\r`, `\n` breaks a line, as in Python). */

/** Offset of the first character of the line holding `index`. */
export function lineStartOf(text: string, index: number): number {
  // A backwards scan stops at the nearest break; lastIndexOf("\r") would scan to the top of LF files.
  let i = index;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

/** Offset of the line break (or end of text) after `index`. */
export function lineEndOf(text: string, index: number): number {
  for (let i = index; i < text.length; i++) {
    if (text[i] === "\n" || text[i] === "\r") return i;
  }
  return text.length;
}

/** End of the line break at `index` (so deleting up to it removes the whole line). */
export function afterLineBreak(text: string, index: number): number {
  if (text.startsWith("\r\n", index)) return index + 2;
  if (text[index] === "\n" || text[index] === "\r") return index + 1;
  return index;
}

/** The whitespace before the first character of the line holding `index`. */
export function indentationAt(text: string, index: number): string {
  const start = lineStartOf(text, index);
  return /^[ \t]*/u.exec(text.slice(start, index))![0];
}

/** True when only whitespace precedes `index` on its line. */
export function startsLine(text: string, index: number): boolean {
  return /^[ \t]*$/u.test(text.slice(lineStartOf(text, index), index));
}

/** The line break the file uses (the first one found), LF when none. */
export function lineBreakOf(text: string): string {
  const match = /\r\n|\r|\n/u.exec(text);
  return match ? match[0] : "\n";
}

/** The offset of every line's first character (after `\n`, `\r\n` or a lone `\r`), in a typed array (a large file has tens of thousands). */
export function lineStarts(text: string): Uint32Array {
  // Most files have no `\r`: then `indexOf`, which searches natively, finds every break.
  if (!text.includes("\r")) {
    let lines = 1;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
    const starts = new Uint32Array(lines);
    for (let i = text.indexOf("\n"), line = 1; i !== -1; i = text.indexOf("\n", i + 1)) starts[line++] = i + 1;
    return starts;
  }
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) lines++;
  }
  const starts = new Uint32Array(lines);
  for (let i = 0, line = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts[line++] = i + 1;
  }
  return starts;
}

/** The 0-based line of an offset, in a table of {@link lineStarts}. */
export function lineIndexAt(starts: ArrayLike<number>, index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A function giving the 1-based line of an offset of `text` (the line starts are found once). */
export function lineNumbers(text: string): (index: number) => number {
  const starts = lineStarts(text);
  return (index) => lineIndexAt(starts, index) + 1;
}
