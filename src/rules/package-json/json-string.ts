/**
 * Decoding of a JSON string literal as written in the source text, keeping for each decoded
 * character the offset of its escape (or character) in the raw text, so that a range of the
 * decoded value maps back to an exact range of the file: fixes then edit only that range and keep
 * every other escape as the author wrote it.
 */
export interface DecodedString {
  value: string;
  /**
   * `offsets[i]` is the source offset where decoded character `i` starts (UTF-16 units, like
   * `value`); `offsets[value.length]` is the offset of the closing quote.
   */
  offsets: number[];
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/**
 * Decodes the string literal `text.slice(start, end)` (quotes included). Returns null when the
 * slice is not a double- or single-quoted literal (identifiers as JSON5 keys, for instance).
 */
export function decodeJsonString(text: string, start: number, end: number): DecodedString | null {
  const quote = text[start];
  if ((quote !== '"' && quote !== "'") || text[end - 1] !== quote || end - start < 2) return null;
  let value = "";
  const offsets: number[] = [];
  let i = start + 1;
  const stop = end - 1;
  while (i < stop) {
    const ch = text[i];
    if (ch !== "\\") {
      offsets.push(i);
      value += ch;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      offsets.push(i);
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 6;
      continue;
    }
    offsets.push(i);
    value += SIMPLE_ESCAPES[next] ?? next ?? "";
    i += 2;
  }
  offsets.push(stop);
  return { value, offsets };
}
