import { describe, expect, it } from "vitest";
import { hasTachInterface, isPublicSurface, leakedPatterns, namesFromPattern, normalizePattern, soleProduct } from "../../src/project/tach-patterns.js";

describe("hogli's TestNamesFromPattern (test_extraction), case for case", () => {
  // The patterns as strings at run time: no, one and two backslashes before the dot.
  const cases: [string, string[]][] = [
    ["products.experiments", ["experiments"]],
    ["products\\.experiments", ["experiments"]],
    ["products\\\\.experiments", ["experiments"]],
    ["products\\.(a|b|c)", ["a", "b", "c"]],
    ["products\\\\.(a|b|c)", ["a", "b", "c"]],
    ["products\\.(experiments|mcp_store|tracing)", ["experiments", "mcp_store", "tracing"]],
    ["posthog.api", []],
    ["products.something.deeper", []],
    ["", []],
  ];
  it.each(cases)("%j names %j", (pattern, names) => {
    expect([...namesFromPattern(pattern)].sort()).toEqual(names);
  });
});

describe("tach patterns as hogli reads them", () => {
  it("strips every backslash before comparing", () => {
    expect(normalizePattern("backend\\\\.presentation\\.views.*")).toBe("backend.presentation.views.*");
  });

  it("an alternation's names are trimmed", () => {
    expect([...namesFromPattern("products\\.( a | b )")]).toEqual(["a", "b"]);
  });

  it("the public surface is the facade, presentation and routes modules", () => {
    expect(["backend\\.facade.*", "backend\\\\.presentation\\\\.views.*", "backend.routes"].every(isPublicSurface)).toBe(true);
    expect(["backend\\.models.*", "backend.*", "stats\\..*", "facade.*"].some(isPublicSurface)).toBe(false);
  });

  it("a legacy leak: one product alone in from, a pattern outside the public surface, no permanent marker", () => {
    const block = { from: ["products\\.experiments"], expose: ["backend\\.facade.*", "backend\\.models.*", "stats\\..*"], permanent: false };
    expect(leakedPatterns(block, "experiments")).toEqual(["backend\\.models.*", "stats\\..*"]);
    expect(leakedPatterns(block, "surveys")).toEqual([]);
    expect(leakedPatterns({ ...block, permanent: true }, "experiments")).toEqual([]);
    expect(leakedPatterns({ ...block, from: ["products\\.(experiments|surveys)"] }, "experiments")).toEqual([]);
    expect(leakedPatterns({ ...block, from: ["products.experiments", "posthog"] }, "experiments")).toEqual([]);
  });

  it("the product a block's from names alone", () => {
    expect(soleProduct({ from: ["products\\\\.mcp_store"] })).toBe("mcp_store");
    expect(soleProduct({ from: ["products\\.(a|b)"] })).toBeUndefined();
    expect(soleProduct({ from: ["posthog.api"] })).toBeUndefined();
  });

  it("a tach interface: an interfaces key of the module, or a from naming the product", () => {
    const modules = [
      { path: "products.a", hasInterfaces: true },
      { path: "products.b", hasInterfaces: false },
    ];
    expect(hasTachInterface({ modules, interfaces: [] }, "a")).toBe(true);
    expect(hasTachInterface({ modules, interfaces: [] }, "b")).toBe(false);
    expect(hasTachInterface({ modules, interfaces: [{ from: ["products\\.(b|c)"] }] }, "b")).toBe(true);
    expect(hasTachInterface({ modules, interfaces: [{ from: ["products.bb"] }] }, "b")).toBe(false);
  });
});
