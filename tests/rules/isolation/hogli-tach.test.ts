/** hogli's reading of tach.toml (isolation.py), ported from its test_checks.py case for case. */
import { afterAll, describe, expect, it } from "vitest";
import { buildRepoIndex } from "../../../src/project/build-index.js";
import { findLegacyLeak, hasTachInterface, namesFromPattern, permanentModules } from "../../../src/rules/isolation/hogli-tach.js";
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
    expect(hasTachInterface(index, "visual_review")).toBe(true);
    expect(hasTachInterface(index, "experiments")).toBe(true);
    expect(hasTachInterface(index, "mcp")).toBe(false);
  });

  it("or its [[modules]] block mentioning interfaces (up to the next [[modules]]), unless `interfaces = []`", () => {
    const tach = '[[modules]]\npath = "products.a"\ninterfaces = ["x"]\n\n[[modules]]\npath = "products.b"\ninterfaces = []\n\n[[modules]]\npath = "products.c"\n';
    const index = indexWith(tach);
    expect(["a", "b", "c"].map((product) => hasTachInterface(index, product))).toEqual([true, false, false]);
  });
});
