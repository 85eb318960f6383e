import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitData } from "../../src/rules/message-data.js";

/** ESLint's interpolation: a placeholder without data stays as written. */
const interpolate = (template: string, data: Record<string, string>): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (whole: string, key: string) => data[key] ?? whole);

const word = fc.stringMatching(/^[a-z_.]{1,30}$/u);
const value = fc.array(fc.oneof(word, fc.constantFrom(" ", "  ", "\n", "\t")), { maxLength: 12 }).map((parts) => parts.join(""));
const template = fc
  .array(fc.oneof(fc.constantFrom("{{ a }}", "{{b}}", "{{ c }}", "{{ missing }}"), word.map((text) => `${text} `)), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(""));

describe("fitData", () => {
  it("leaves values that fit as they are, shortens shown ones until the message is one line of at most the limit", () => {
    fc.assert(
      fc.property(template, fc.record({ a: value, b: value, c: value }), fc.integer({ min: 20, max: 160 }), (text, data, limit) => {
        const fitted = fitData(text, data, limit);
        const oneLine = Object.fromEntries(Object.entries(data).map(([key, raw]) => [key, raw.replace(/\s+/gu, " ")]));
        const message = interpolate(text, fitted);
        const shown = new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map(([, key]) => key!));
        if (interpolate(text, oneLine).length <= limit) expect(fitted).toEqual(oneLine);
        else expect(message.length <= limit || Object.entries(fitted).every(([key, fit]) => !shown.has(key) || fit.length <= 8)).toBe(true);
        for (const [key, fit] of Object.entries(fitted)) {
          if (!shown.has(key)) expect(fit).toBe(oneLine[key]);
          if (fit !== oneLine[key]) expect(fit.endsWith("…") && oneLine[key]!.startsWith(fit.slice(0, -1))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("shortens only the longest value, by the excess, when that alone makes the message fit", () => {
    const long = fc.stringMatching(/^[a-z]{40,80}$/u);
    const shorter = fc.stringMatching(/^[a-z]{1,39}$/u);
    fc.assert(
      fc.property(long, shorter, shorter, fc.integer({ min: 60, max: 100 }), (target, targetDatabase, owner, limit) => {
        const text = "{{ owner }} points at {{ target }} in {{ targetDatabase }}";
        const data = { owner, target, targetDatabase };
        const excess = interpolate(text, data).length - limit;
        fc.pre(excess > 0 && target.length - excess >= 8);
        const fitted = fitData(text, data, limit);
        expect(fitted).toEqual({ owner, target: `${target.slice(0, target.length - excess - 1)}…`, targetDatabase });
        expect(interpolate(text, fitted)).toHaveLength(limit);
      }),
    );
  });

  it("leaves the other values whole when shortening the longest alone fits, though a key (target) starts another key's name (targetDatabase)", () => {
    const text = '{{owner}} points at {{target}} in database "{{targetDatabase}}"';
    const data = { owner: "Ee0State29.interviews_report", target: "persons_interviews.PersonsInterviewsCohortSnapshot", targetDatabase: "persons" };
    const fitted = fitData(text, data, 85);
    expect(fitted).toEqual({ ...data, target: "persons_interviews.Pers…" });
    expect(interpolate(text, fitted)).toHaveLength(85);
  });

  it("shortens only values the message shows", () => {
    const fitted = fitData("Remove {{name}}.", { name: "a".repeat(40), hint: "b".repeat(60) }, 30);
    expect(fitted).toEqual({ name: `${"a".repeat(21)}…`, hint: "b".repeat(60) });
    expect(interpolate("Remove {{name}}.", fitted)).toHaveLength(30);
  });
});
