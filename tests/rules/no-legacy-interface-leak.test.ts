import fs from "node:fs";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/no-legacy-interface-leak.js";
import { ASSERTIONS, configFileRuleTester, fixturePath } from "../support/helpers.js";

const TREE = "tach-repo";
const FILE = fixturePath(TREE, "tach.toml");
const TACH = fs.readFileSync(FILE, "utf8");
const LEGACY_BLOCK = '# Legacy leak: core still imports experiments\' models directly.\n[[interfaces]]\nexpose = ["backend\\\\.models.*"]\nfrom = ["products.experiments"]\n';
const WITHOUT_LEGACY = TACH.replace(LEGACY_BLOCK, "");

configFileRuleTester("toml", TREE).run("no-legacy-interface-leak", rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "only the canonical facade block", filename: FILE, code: WITHOUT_LEGACY },
    {
      name: "a block marked isolation:permanent-interface in the comments right above it",
      filename: FILE,
      code: TACH.replace("# Legacy leak: core still imports experiments' models directly.", "# ClickHouse DDL read by core.\n# isolation:permanent-interface\n"),
    },
    {
      name: "a block shared by several products (an alternation) is no leak of one product",
      filename: FILE,
      code: `${WITHOUT_LEGACY}\n[[interfaces]]\nexpose = ["backend\\\\.models.*"]\nfrom = ["products\\\\.(experiments|surveys)"]\n`,
    },
    {
      name: "a block of one product exposing only its public surface (routes included)",
      filename: FILE,
      code: `${WITHOUT_LEGACY}\n[[interfaces]]\nexpose = ["backend\\\\.facade.*", "backend\\\\.routes"]\nfrom = ["products.surveys"]\n`,
    },
  ],
  invalid: [
    {
      name: "a block exposing a product's models (full message, the pattern as written)",
      filename: FILE,
      code: TACH,
      errors: [
        {
          message: 'Legacy leak: core imports "backend\\\\.models.*" of products.experiments past its facade (untested in isolation); move the imports to the facade.',
          line: 41,
          column: 11,
          endLine: 41,
          endColumn: 31,
        },
      ],
    },
    {
      name: "several leaked patterns: one warning on the first, counting the others",
      filename: FILE,
      code: TACH.replace('expose = ["backend\\\\.models.*"]', 'expose = [\n    "backend\\\\.facade.*",\n    "backend\\\\.models.*",\n    "stats\\\\..*",\n]'),
      errors: [{ messageId: "legacyLeak", data: { pattern: "backend\\\\.models.*", product: "experiments", more: " (and 1 more)" }, line: 43, column: 5 }],
    },
    {
      name: "a marker above another block does not carry over",
      filename: FILE,
      code: TACH.replace("# Facade + views: the canonical public surface of the isolated products.", "# isolation:permanent-interface"),
      errors: [{ messageId: "legacyLeak", data: { pattern: "backend\\\\.models.*", product: "experiments", more: "" }, line: 41, column: 11 }],
    },
  ],
});

// --- hogli's TestLegacyInterfaceLeaks and TestPermanentInterface (leak detection), case for case --
// hogli asks `has_legacy_interface_leaks(tach, "products.<p>")`; here: does the rule warn about <p>?

function warnedProducts(tach: string): string[] {
  const messages = new Linter({ configType: "flat" }).verify(
    tach,
    [{ files: ["**/*.toml"], plugins: { "posthog-products": plugin }, language: "posthog-products/toml", settings: { "posthog-products": { root: fixturePath(TREE) } }, rules: { "posthog-products/no-legacy-interface-leak": "warn" } }],
    FILE,
  );
  return messages.map((message) => /of products\.(\w+)/u.exec(message.message)?.[1] ?? message.message);
}

/** hogli's `_TACH_SAMPLE`. */
const TACH_SAMPLE = [
  "[[modules]]",
  'path = "products.visual_review"',
  "[[modules]]",
  'path = "products.experiments"',
  "[[modules]]",
  'path = "products.mcp_store"',
  "",
  "[[interfaces]]",
  'expose = ["backend\\\\.facade.*", "backend\\\\.presentation\\\\.views.*"]',
  'from = ["products\\\\.(experiments|mcp_store|visual_review)"]',
  "",
  "[[interfaces]]",
  'expose = ["backend\\\\.models.*", "stats\\\\..*"]',
  'from = ["products.experiments"]',
  "",
  "[[interfaces]]",
  'expose = ["backend\\\\.models.*", "backend\\\\.oauth.*"]',
  'from = ["products.mcp_store"]',
  "",
].join("\n");

/** hogli's `_TACH_PERMANENT`. */
const TACH_PERMANENT = [
  "[[interfaces]]",
  'expose = ["backend\\\\.facade.*"]',
  'from = ["products\\\\.(error_tracking|experiments)"]',
  "",
  "# isolation:permanent-interface",
  "# ClickHouse DDL imported by core's schema and migrations.",
  "[[interfaces]]",
  'expose = ["backend\\\\.embedding.*", "backend\\\\.indexed_embedding.*", "backend\\\\.sql.*"]',
  'from = ["products.error_tracking"]',
  "",
  "# Legacy leaks — experiments (unmarked, still a leak).",
  "[[interfaces]]",
  'expose = ["backend\\\\.models.*"]',
  'from = ["products.experiments"]',
  "",
].join("\n");

describe("hogli's TestLegacyInterfaceLeaks, case for case", () => {
  it("test_detection: experiments and mcp_store leak; visual_review and a nonexistent product do not", () => {
    const warned = warnedProducts(TACH_SAMPLE);
    expect(warned).toContain("experiments");
    expect(warned).toContain("mcp_store");
    expect(warned).not.toContain("visual_review");
    expect(warned).not.toContain("nonexistent");
  });

  it("test_empty_tach: an empty tach.toml has no leak", () => {
    expect(warnedProducts("")).toEqual([]);
  });

  it("test_only_facade_block: a single facade and views block is no leak", () => {
    expect(warnedProducts('[[interfaces]]\nexpose = ["backend\\\\.facade.*", "backend\\\\.presentation\\\\.views.*"]\nfrom = ["products.clean_product"]\n')).toEqual([]);
  });

  it("test_regex_from_does_not_false_positive: products.mcp is not products.mcp_store", () => {
    expect(warnedProducts(TACH_SAMPLE)).not.toContain("mcp");
  });
});

describe("hogli's TestPermanentInterface (leak detection), case for case", () => {
  it("test_marked_block_is_not_a_leak: error_tracking's marked block", () => {
    expect(warnedProducts(TACH_PERMANENT)).not.toContain("error_tracking");
  });

  it("test_unmarked_block_is_still_a_leak: experiments' block after it", () => {
    expect(warnedProducts(TACH_PERMANENT)).toEqual(["experiments"]);
  });
});
