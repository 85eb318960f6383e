import { describe, expect, it } from "vitest";
import { decode, encode, pack } from "../../src/project/memo-codec.js";

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
    const text = encode(models).toString("latin1");
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

  it("writes the strings as ASCII, every other character escaped", () => {
    const data = { accented: "héllo", astral: "\u{1F600}", lone: "\ud800" };
    const bytes = encode(data);
    const header = bytes.subarray(4, 4 + bytes.readUInt32LE(0));
    expect(header.every((byte) => byte < 0x80)).toBe(true);
    expect(header.toString("latin1")).toContain("h\\u00e9llo");
    expect(roundTrip(data)).toEqual(data);
  });

  it("reads values from a buffer that does not start on a multiple of eight", () => {
    const bytes = encode({ list: [1.5, "a", -2] });
    const shifted = Buffer.alloc(bytes.length + 3);
    bytes.copy(shifted, 3);
    expect(decode(shifted.subarray(3))).toEqual({ list: [1.5, "a", -2] });
  });

  it("throws on bytes it did not write", () => {
    const strings = ["a"];
    const shapes = [["a"]];
    const values = [-10, -7, 3, -1, 1, -1, 2, -1, 3];
    expect(decode(pack({ strings, shapes, values }))).toEqual({ a: [1, 2, 3] });
    expect(() => decode(Buffer.from("{ not a memo"))).toThrow();
    expect(() => decode(Buffer.alloc(2))).toThrow(/not an encoded value/u);
    expect(() => decode(pack({ strings, shapes, values }).subarray(0, -4))).toThrow(/not an encoded value/u);
    const noStrings = Buffer.from(pack({ strings, shapes, values }));
    noStrings.write('{"strinxs"', 4, "latin1");
    expect(() => decode(noStrings)).toThrow(/not an encoded value/u);
    expect(() => decode(pack({ strings, shapes, values: values.slice(0, -1) }))).toThrow(/ends early/u);
    expect(() => decode(pack({ strings, shapes, values: [...values, -4] }))).toThrow(/more after its end/u);
    expect(() => decode(pack({ strings, shapes, values: [99] }))).toThrow(/no string 99/u);
    expect(() => decode(pack({ strings, shapes, values: [-99] }))).toThrow(/unknown tag -99/u);
    expect(() => decode(pack({ strings, shapes, values: [-7, 1, -6, 5] }))).toThrow(/no object 5 yet/u);
  });
});
