import { TextSourceCodeBase } from "@eslint/plugin-kit";
import fc from "fast-check";
import { pythonSourceCode } from "../support/python-source.js";
import { describe, expect, it } from "vitest";

/** plugin-kit's own line table (it splits the text into lines), as the reference. */
class Reference extends TextSourceCodeBase {
  constructor(text: string) {
    super({ text, ast: {} as never, lineEndingPattern: /\r\n|[\r\n]/u });
  }
  override getLoc() {
    const { lines } = this;
    return { start: { line: 1, column: 0 }, end: { line: lines.length, column: lines.at(-1)!.length } };
  }
}


const outcome = (run: () => unknown): unknown => {
  try {
    return run();
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
};

const texts = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", " ", "\n", "\r", "\r\n", "名", "😀", "#"), maxLength: 40 }),
  // Files without `\r` take their own path through the line table.
  fc.string({ unit: fc.constantFrom("a", " ", "\n", "名", "😀", "#"), maxLength: 40 }),
);

describe("Python source code locations", () => {
  it("match plugin-kit's for every index and every location, CR, LF and CRLF alike", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const ours = pythonSourceCode(text);
        const reference = new Reference(text);
        expect(ours.getLoc(ours.ast)).toEqual(reference.getLoc());
        for (let index = -1; index <= text.length + 1; index++) {
          expect(outcome(() => ours.getLocFromIndex(index))).toEqual(outcome(() => reference.getLocFromIndex(index)));
        }
        const lineCount = reference.lines.length;
        for (let line = 0; line <= lineCount + 1; line++) {
          for (let column = -1; column <= (reference.lines[line - 1]?.length ?? 0) + 2; column++) {
            expect(outcome(() => ours.getIndexFromLoc({ line, column }))).toEqual(outcome(() => reference.getIndexFromLoc({ line, column })));
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it("never split the file into lines to locate a report", () => {
    const text = "a = 1\r\nb = 2\n\nc = 3\r";
    const ours = pythonSourceCode(text);
    const lines = Object.getOwnPropertyDescriptor(TextSourceCodeBase.prototype, "lines")!;
    let split = 0;
    Object.defineProperty(ours, "lines", { get: () => (split++, lines.get!.call(ours)) });
    expect(ours.getLoc(ours.ast)).toEqual({ start: { line: 1, column: 0 }, end: { line: 5, column: 0 } });
    expect(ours.getLocFromIndex(text.indexOf("c"))).toEqual({ line: 4, column: 0 });
    expect(ours.getIndexFromLoc({ line: 2, column: 4 })).toBe(text.indexOf("2"));
    expect(split).toBe(0);
  });
});
