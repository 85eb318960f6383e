/**
 * `wordOffsets` finds every word it has been asked for in one search of the text. Checked against
 * a search of each word alone, on texts built from words that begin one another, sit inside one
 * another and overlap themselves.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spellsWord, wordOffsets } from "../../src/languages/python/syntax/words.js";

/** A search of one word: from the start, then from the end of each match. */
function offsetsAlone(text: string, word: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) found.push(at);
  return found;
}

const WORDS = ["Foreign", "ForeignKey", "Key", "eslint", "lint", "aa", "a.b", "é", "\u{1F600}"];
const PIECES = [...WORDS, " ", "\n", "x", "ForeignKe", "aaa", "a-b", "# eslint-disable", "\u{1F600}\u{1F600}"];

describe("wordOffsets", () => {
  it("finds what a search of each word alone finds, whichever words were asked for before", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), fc.shuffledSubarray(WORDS, { minLength: 1 }), (pieces, asked) => {
        const text = pieces.join("");
        for (const word of asked) expect(wordOffsets(text, word)).toEqual(offsetsAlone(text, word));
        // Asked again, after the others joined the search.
        for (const word of asked) expect(wordOffsets(text, word)).toEqual(offsetsAlone(text, word));
      }),
      { numRuns: 300 },
    );
  });

  it("answers for the text it is given, not the one searched before", () => {
    expect(wordOffsets("import os\nimport sys\n", "import")).toEqual([0, 10]);
    expect(wordOffsets("x = 1\n", "import")).toEqual([]);
    expect(wordOffsets("from a import b\n", "import")).toEqual([7]);
  });

  it("reads words as text, not as patterns", () => {
    expect(wordOffsets("a-b a.b axb", "a.b")).toEqual([4]);
    expect(spellsWord("f|g", "f|g")).toBe(true);
    expect(spellsWord("fg", "f|g")).toBe(false);
  });

  it("refuses the empty word", () => {
    expect(() => wordOffsets("text", "")).toThrow(/empty word/u);
  });
});
