import { describe, expect, it } from "vitest";
import { decode, encode } from "../../src/project/memo-codec.js";

const roundTrip = <T>(value: T): T => decode(encode(value)) as T;

describe("the memo codec", () => {
  it("gives back plain data: objects, arrays, Maps, Sets and every primitive JSON lacks", () => {
    const data = {
      text: "héllo \u{1F600}",
      empty: "",
      integer: 42,
      fraction: 1764720000123.456,
      negative: -3,
      yes: true,
      no: false,
      nothing: null,
      missing: undefined,
      list: [1, "two", [3], { four: 4 }, undefined],
      byName: new Map<unknown, unknown>([
        ["a", { line: 1 }],
        [7, new Set(["x", "y"])],
      ]),
      labels: new Set([1, "1"]),
    };
    const back = roundTrip(data);
    expect(back).toEqual(data);
    expect(Object.keys(back)).toEqual(Object.keys(data));
    expect("missing" in back).toBe(true);
    expect(back.byName).toBeInstanceOf(Map);
    expect(back.labels).toBeInstanceOf(Set);
  });

  it("keeps an object reached twice one object, and cycles", () => {
    const app: { label: string; models: Map<string, { app?: unknown }> } = { label: "surveys", models: new Map() };
    const model = { app };
    app.models.set("Survey", model);
    const index = { apps: new Map([["surveys", app]]), byModule: new Map([["products.surveys.backend", app]]), modelsByName: new Map([["Survey", [model]]]) };
    const back = roundTrip(index);
    const surveys = back.apps.get("surveys")!;
    expect(back.byModule.get("products.surveys.backend")).toBe(surveys);
    expect(back.modelsByName.get("Survey")![0]).toBe(surveys.models.get("Survey"));
    expect(surveys.models.get("Survey")!.app).toBe(surveys);
  });

  it("writes each string and each set of keys once", () => {
    const models = Array.from({ length: 200 }, (_, i) => ({ name: `Model${i}`, appLabel: "products.surveys.backend", kind: "ForeignKey" }));
    const text = encode(models);
    expect(text.split("products.surveys.backend")).toHaveLength(2);
    expect(text.split('"appLabel"')).toHaveLength(2);
    expect(roundTrip(models)).toEqual(models);
  });

  it("keeps an own __proto__ key a property", () => {
    const scripts = JSON.parse('{"__proto__": "pytest", "test": "run"}') as Record<string, string>;
    const back = roundTrip({ scripts });
    expect(Object.getPrototypeOf(back.scripts)).toBe(Object.prototype);
    expect(Object.keys(back.scripts)).toEqual(["__proto__", "test"]);
    expect(Object.getOwnPropertyDescriptor(back.scripts, "__proto__")?.value).toBe("pytest");
  });

  it("refuses what is not plain data", () => {
    expect(() => encode({ when: new Date(0) })).toThrow(/class instance/u);
    expect(() => encode({ run: () => 1 })).toThrow(/function is not plain data/u);
    expect(() => encode([Number.NaN])).toThrow(/finite/u);
    expect(() => encode(Symbol("s"))).toThrow(/symbol/u);
  });

  it("throws on text it did not write", () => {
    const text = encode({ a: [1, 2, 3] });
    const { strings, shapes, values } = JSON.parse(text) as { strings: string[]; shapes: string[][]; values: number[] };
    expect(() => decode("{ not json")).toThrow();
    expect(() => decode("[]")).toThrow(/not an encoded value/u);
    expect(() => decode(JSON.stringify({ strings, shapes, values: values.slice(0, -1) }))).toThrow(/ends early/u);
    expect(() => decode(JSON.stringify({ strings, shapes, values: [...values, -4] }))).toThrow(/more after its end/u);
    expect(() => decode(JSON.stringify({ strings, shapes, values: [99] }))).toThrow(/no string 99/u);
    expect(() => decode(JSON.stringify({ strings, shapes, values: [-99] }))).toThrow(/unknown tag -99/u);
    expect(() => decode(JSON.stringify({ strings, shapes, values: [-7, 1, -6, 5] }))).toThrow(/no object 5 yet/u);
  });
});
