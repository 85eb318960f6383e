/** hogli's reading of tach.toml (isolation.py), ported from its test_checks.py case for case. */
import { afterAll, describe, expect, it } from "vitest";
import { buildRepoIndex } from "../../../src/project/build-index.js";
import { findLegacyLeak, hasTachInterface, isPublicSurface, leakedPatterns, namesFromPattern, normalizePattern, permanentModules, soleProduct } from "../../../src/rules/isolation/hogli-tach.js";
import { TempTrees } from "../../support/product-trees.js";

const trees = new TempTrees("hogli-tach");
afterAll(() => trees.cleanup());

const indexWith = (tach: string) => buildRepoIndex(trees.tree({ "tach.toml": tach })).index;

/** hogli's `_TACH_SAMPLE` (patterns as PostHog writes them on disk, `\\.`). */
const TACH_SAMPLE = String.raw`
[[modules]]
path = "products.visual_review"
depends_on = []

[[modules]]
path = "products.experiments"
depends_on = []

[[modules]]
path = "products.mcp_store"
depends_on = []

[[interfaces]]
expose = ["backend\\.facade.*", "backend\\.presentation\\.views.*"]
from = ["products\\.(experiments|mcp_store|visual_review)"]

[[interfaces]]
expose = ["backend\\.models.*", "stats\\..*"]
from = ["products.experiments"]

[[interfaces]]
expose = ["backend\\.models.*", "backend\\.oauth.*"]
from = ["products.mcp_store"]
`;

/** hogli's `_TACH_PERMANENT`. */
const TACH_PERMANENT = String.raw`
[[interfaces]]
expose = ["backend\\.facade.*"]
from = ["products\\.(error_tracking|experiments)"]

# isolation:permanent-interface
# ClickHouse DDL read by core's schema registry and frozen migrations.
[[interfaces]]
expose = ["backend\\.embedding.*", "backend\\.indexed_embedding.*", "backend\\.sql.*"]
from = ["products.error_tracking"]

# Legacy leaks — experiments (unmarked, so still a leak)
[[interfaces]]
expose = ["backend\\.models.*"]
from = ["products.experiments"]
`;

describe("hogli TestLegacyInterfaceLeaks", () => {
  it("test_detection", () => {
    const index = indexWith(TACH_SAMPLE);
    expect(findLegacyLeak(index, "visual_review")).toBeNull();
    expect(findLegacyLeak(index, "experiments")).not.toBeNull();
    expect(findLegacyLeak(index, "mcp_store")).not.toBeNull();
    expect(findLegacyLeak(index, "nonexistent")).toBeNull();
  });

  it("test_empty_tach", () => {
    expect(findLegacyLeak(indexWith(""), "experiments")).toBeNull();
  });

  it("test_only_facade_block", () => {
    const index = indexWith('[[interfaces]]\nexpose = ["backend\\\\.facade.*", "backend\\\\.presentation\\\\.views.*"]\nfrom = ["products.clean_product"]\n');
    expect(findLegacyLeak(index, "clean_product")).toBeNull();
  });

  it("test_regex_from_does_not_false_positive", () => {
    expect(findLegacyLeak(indexWith(TACH_SAMPLE), "mcp")).toBeNull();
  });
});

describe("hogli TestPermanentInterface", () => {
  it("test_marked_block_is_not_a_leak", () => {
    expect(findLegacyLeak(indexWith(TACH_PERMANENT), "error_tracking")).toBeNull();
  });

  it("test_unmarked_block_is_still_a_leak", () => {
    expect(findLegacyLeak(indexWith(TACH_PERMANENT), "experiments")).not.toBeNull();
  });

  it("test_marker_does_not_leak_across_blocks", () => {
    expect(permanentModules(indexWith(TACH_PERMANENT), "experiments")).toEqual([]);
  });

  it("test_exposed_modules_returned", () => {
    expect(permanentModules(indexWith(TACH_PERMANENT), "error_tracking")).toEqual(["backend.embedding", "backend.indexed_embedding", "backend.sql"]);
  });

  it("test_unmarked_exposure_is_not_permanent", () => {
    expect(permanentModules(indexWith(TACH_SAMPLE), "experiments")).toEqual([]);
  });
});

describe("hogli TestNamesFromPattern", () => {
  it.each([
    ["products.experiments", ["experiments"]],
    ["products\\.experiments", ["experiments"]],
    ["products\\\\.experiments", ["experiments"]],
    ["products\\.(a|b|c)", ["a", "b", "c"]],
    ["products\\\\.(a|b|c)", ["a", "b", "c"]],
    ["products\\.(experiments|mcp_store|tracing)", ["experiments", "mcp_store", "tracing"]],
    ["posthog.api", []],
    ["products.something.deeper", []],
    ["", []],
  ])("test_extraction: %s → %j", (pattern, names) => {
    expect([...namesFromPattern(pattern)]).toEqual(names);
  });
});

describe("hogli's has_tach_interface", () => {
  it("an [[interfaces]] block naming the product, alone or in an alternation", () => {
    const index = indexWith(TACH_SAMPLE);
    expect(hasTachInterface(index.tach, "visual_review")).toBe(true);
    expect(hasTachInterface(index.tach, "experiments")).toBe(true);
    expect(hasTachInterface(index.tach, "mcp")).toBe(false);
  });

  it("or its [[modules]] block declaring interfaces, unless `interfaces = []`", () => {
    const tach = '[[modules]]\npath = "products.a"\ninterfaces = ["x"]\n\n[[modules]]\npath = "products.b"\ninterfaces = []\n\n[[modules]]\npath = "products.c"\n';
    const index = indexWith(tach);
    expect(["a", "b", "c"].map((product) => hasTachInterface(index.tach, product))).toEqual([true, false, false]);
  });

  it("not another product's [[interfaces]] block placed after its [[modules]] block (hogli's text search would count it)", () => {
    const index = indexWith('[[modules]]\npath = "products.c"\n\n[[interfaces]]\nexpose = ["backend\\\\.facade.*"]\nfrom = ["products.d"]\n');
    expect(hasTachInterface(index.tach, "c")).toBe(false);
    expect(hasTachInterface(index.tach, "d")).toBe(true);
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
