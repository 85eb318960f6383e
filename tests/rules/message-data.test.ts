import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitData } from "../../src/rules/message-data.js";

const interpolate = (template: string, data: Record<string, string>): string => template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (_, key: string) => data[key]!);

const word = fc.stringMatching(/^[a-z_.]{1,30}$/u);
const value = fc.array(fc.oneof(word, fc.constantFrom(" ", "  ", "\n", "\t")), { maxLength: 12 }).map((parts) => parts.join(""));
const template = fc
  .array(fc.oneof(fc.constantFrom("{{ a }}", "{{b}}", "{{ c }}"), word.map((text) => `${text} `)), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(""));

describe("fitData", () => {
  it("leaves values that fit as they are, shortens the others until the message is one line of at most the limit", () => {
    fc.assert(
      fc.property(template, fc.record({ a: value, b: value, c: value }), fc.integer({ min: 20, max: 160 }), (text, data, limit) => {
        const fitted = fitData(text, data, limit);
        const oneLine = Object.fromEntries(Object.entries(data).map(([key, raw]) => [key, raw.replace(/\s+/gu, " ")]));
        const message = interpolate(text, fitted);
        if (interpolate(text, oneLine).length <= limit) expect(fitted).toEqual(oneLine);
        else expect(message.length <= limit || Object.values(fitted).every((fit) => fit.length <= 8)).toBe(true);
        for (const [key, fit] of Object.entries(fitted)) {
          if (fit !== oneLine[key]) expect(fit.endsWith("…") && oneLine[key]!.startsWith(fit.slice(0, -1))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
