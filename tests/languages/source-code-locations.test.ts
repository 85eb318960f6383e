import type { File } from "@eslint/core";
import { TextSourceCodeBase } from "@eslint/plugin-kit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PythonLanguage } from "../../src/languages/python/language.js";
import type { PythonSourceCode } from "../../src/languages/python/source-code.js";

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

function sourceCodeOf(text: string): PythonSourceCode {
  const language = new PythonLanguage();
  const file: File = { body: text, path: "x.py", physicalPath: "x.py", bom: false };
  const result = language.parse(file);
  if (!result.ok) throw new Error("parse failed");
  return language.createSourceCode(file, result);
}

const outcome = (run: () => unknown): unknown => {
  try {
    return run();
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
};

const texts = fc.string({ unit: fc.constantFrom("a", " ", "\n", "\r", "\r\n", "名", "😀", "#"), maxLength: 40 });

describe("Python source code locations", () => {
  it("match plugin-kit's for every index and every location, CR, LF and CRLF alike", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const ours = sourceCodeOf(text);
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
      { numRuns: 300 },
    );
  });

  it("never split the file into lines to locate a report", () => {
    const text = "a = 1\r\nb = 2\n\nc = 3\r";
    const ours = sourceCodeOf(text);
    const lines = Object.getOwnPropertyDescriptor(TextSourceCodeBase.prototype, "lines")!;
    let split = 0;
    Object.defineProperty(ours, "lines", { get: () => (split++, lines.get!.call(ours)) });
    expect(ours.getLoc(ours.ast)).toEqual({ start: { line: 1, column: 0 }, end: { line: 5, column: 0 } });
    expect(ours.getLocFromIndex(text.indexOf("c"))).toEqual({ line: 4, column: 0 });
    expect(ours.getIndexFromLoc({ line: 2, column: 4 })).toBe(text.indexOf("2"));
    expect(split).toBe(0);
  });
});
