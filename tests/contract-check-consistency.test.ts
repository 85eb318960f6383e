import path from "node:path";
import { fileURLToPath } from "node:url";
import json from "@eslint/json";
import { ESLint, RuleTester } from "eslint";
import { beforeEach, describe, expect, it } from "vitest";
import plugin from "../src/index.js";
import { clearRepoIndexCache, getRepoIndex } from "../src/project/index.js";
import { findLegacyLeak } from "../src/rules/contract-check-consistency.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const ROOT = path.join(FIXTURES, "pkg-repo");
const BAD_TACH_ROOT = path.join(FIXTURES, "pkg-badtach");
const RULE = "contract-check-consistency";
const rule = plugin.rules[RULE];

function file(product: string, root = ROOT): string {
  return path.join(root, "products", product, "package.json");
}

function pkg(scripts: Record<string, string> | null, product: string, indent: string | number = 2): string {
  const object: Record<string, unknown> = { name: `@posthog/products-${product}` };
  if (scripts) object.scripts = scripts;
  return JSON.stringify(object, null, indent);
}

const TEST = "pytest -c ../../pytest.ini --rootdir ../.. backend/tests -v --tb=short";
const CHECK = "echo 'Contract files unchanged'";

const consequence =
  "and this script makes turbo classify it as isolated and skip the full Django test suite when it changes.";
const missingMessage = (product: string, contracts = "backend/facade/contracts.py") =>
  `Product "${product}" is isolated (${contracts} exists), its backend/facade/api.py defines functions and tach.toml has no legacy interface leak for it, but it has no "backend:contract-check" script: turbo treats it as not isolated and runs the full Django test suite whenever it changes. Add "backend:contract-check": "${CHECK}".`;
const notIsolatedMessage = (product: string) =>
  `"backend:contract-check" must not be set: product "${product}" is not isolated (it has no backend/facade/contracts.py or backend/facade/contracts/), ${consequence} Remove the script, or isolate the product first.`;
const emptyFacadeMessage = (product: string, facade: string) =>
  `"backend:contract-check" must not be set: product "${product}" has an empty facade (${facade}), ${consequence} Remove the script, or give the facade its functions first.`;
const legacyLeakMessage = (product: string, location: string, pattern: string) =>
  `"backend:contract-check" must not be set: product "${product}" has a legacy interface leak (${location} exposes "${pattern}" of products.${product}, which is not its facade, presentation or routes), ${consequence} Remove the script until the leak is gone.`;

// The index's own wording for the invalid tach.toml (it names the file and position).
const badTachIndex = getRepoIndex(file("sealed", BAD_TACH_ROOT), {
  cwd: BAD_TACH_ROOT,
  settings: { root: BAD_TACH_ROOT },
});
const tachProblem = badTachIndex?.problems.find((p) => p.file === badTachIndex.tach.file)?.message ?? "<no problem>";
const tachMessage = (product: string) => `Cannot check product "${product}" for legacy interface leaks: ${tachProblem}`;

beforeEach(() => clearRepoIndexCache());

const ruleTester = new RuleTester({
  plugins: { json, "posthog-products": plugin as never },
  language: "json/json",
  settings: { "posthog-products": { root: ROOT } },
});

ruleTester.run(RULE, rule as never, {
  valid: [
    // Isolated, real facade, tach exposes only facade / presentation / routes.
    { filename: file("iso"), code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "iso") },
    // contracts/ package; the shared block's `from` is a regex alternation, so not a leak of this product.
    { filename: file("isodir"), code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "isodir") },
    // A block marked isolation:permanent-interface is not a legacy leak.
    { filename: file("chdl"), code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "chdl") },
    // Not isolated / legacy leak / empty or missing facade: no script, nothing to report.
    { filename: file("notiso"), code: pkg({ "backend:test": TEST }, "notiso") },
    { filename: file("leaky"), code: pkg({ "backend:test": TEST }, "leaky") },
    { filename: file("emptyfacade"), code: pkg({ "backend:test": "echo 'No backend tests'" }, "emptyfacade") },
    { filename: file("nofacade"), code: pkg(null, "nofacade") },
    // A product without backend/ needs no scripts.
    { filename: file("nobackend"), code: pkg(null, "nobackend") },
    { filename: file("nobackend"), code: "{}" },
    // Not a product package.json.
    { filename: path.join(ROOT, "package.json"), code: pkg({ "backend:contract-check": CHECK }, "root") },
    { filename: file("notiso"), code: "[]" },
  ],

  invalid: [
    // --- required but missing --------------------------------------------------------------
    {
      name: "isolated product without the script: added after backend:test",
      filename: file("iso"),
      code: pkg({ "backend:test": TEST }, "iso"),
      output: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "iso"),
      errors: [{ message: missingMessage("iso"), line: 3, column: 3, endLine: 3, endColumn: 12 }],
    },
    {
      name: "added right after backend:test when other scripts follow",
      filename: file("iso"),
      code: pkg({ "backend:test": TEST, lint: "ruff check" }, "iso"),
      output: pkg({ "backend:test": TEST, "backend:contract-check": CHECK, lint: "ruff check" }, "iso"),
      errors: [{ message: missingMessage("iso"), line: 3, column: 3, endLine: 3, endColumn: 12 }],
    },
    {
      name: "added last without backend:test",
      filename: file("iso"),
      code: pkg({ lint: "ruff check", format: "ruff format" }, "iso"),
      output: pkg({ lint: "ruff check", format: "ruff format", "backend:contract-check": CHECK }, "iso"),
      errors: [{ message: missingMessage("iso"), line: 3, column: 3, endLine: 3, endColumn: 12 }],
    },
    {
      name: "no scripts object: reported on name, the fix creates scripts",
      filename: file("iso"),
      code: pkg(null, "iso"),
      output: pkg({ "backend:contract-check": CHECK }, "iso"),
      errors: [{ message: missingMessage("iso"), line: 2, column: 3, endLine: 2, endColumn: 9 }],
    },
    {
      name: "empty scripts object",
      filename: file("iso"),
      code: `{\n    "name": "@posthog/products-iso",\n    "scripts": {}\n}\n`,
      output: `{\n    "name": "@posthog/products-iso",\n    "scripts": {\n        "backend:contract-check": "${CHECK}"\n    }\n}\n`,
      errors: [{ message: missingMessage("iso"), line: 3, column: 5, endLine: 3, endColumn: 14 }],
    },
    {
      name: "four spaces and CRLF are kept",
      filename: file("iso"),
      code: pkg({ "backend:test": TEST }, "iso", 4).replace(/\n/g, "\r\n") + "\r\n",
      output: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "iso", 4).replace(/\n/g, "\r\n") + "\r\n",
      errors: [{ message: missingMessage("iso"), line: 3, column: 5, endLine: 3, endColumn: 14 }],
    },
    {
      name: "one-line file stays on one line",
      filename: file("iso"),
      code: `{"name": "@posthog/products-iso", "scripts": {"backend:test": "pytest backend/tests"}}`,
      output: `{"name": "@posthog/products-iso", "scripts": {"backend:test": "pytest backend/tests", "backend:contract-check": "${CHECK}"}}`,
      errors: [{ message: missingMessage("iso"), line: 1, column: 35, endLine: 1, endColumn: 44 }],
    },
    {
      name: "compact one-line file without scripts",
      filename: file("iso"),
      code: `{"name":"@posthog/products-iso"}`,
      output: `{"name":"@posthog/products-iso","scripts":{"backend:contract-check":"${CHECK}"}}`,
      errors: [{ message: missingMessage("iso"), line: 1, column: 2, endLine: 1, endColumn: 8 }],
    },
    {
      name: "contracts/ package",
      filename: file("isodir"),
      code: pkg({ "backend:test": TEST }, "isodir"),
      output: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "isodir"),
      errors: [
        { message: missingMessage("isodir", "backend/facade/contracts/"), line: 3, column: 3, endLine: 3, endColumn: 12 },
      ],
    },

    // --- forbidden ----------------------------------------------------------------------------
    {
      name: "not isolated: removed with its comma (last member)",
      filename: file("notiso"),
      code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "notiso"),
      output: pkg({ "backend:test": TEST }, "notiso"),
      errors: [{ message: notIsolatedMessage("notiso"), line: 5, column: 5, endLine: 5, endColumn: 29 }],
    },
    {
      name: "not isolated: removed with its comma (first member)",
      filename: file("notiso"),
      code: pkg({ "backend:contract-check": CHECK, "backend:test": TEST }, "notiso"),
      output: pkg({ "backend:test": TEST }, "notiso"),
      errors: [{ message: notIsolatedMessage("notiso"), line: 4, column: 5, endLine: 4, endColumn: 29 }],
    },
    {
      name: "not isolated: the only script",
      filename: file("notiso"),
      code: pkg({ "backend:contract-check": CHECK }, "notiso"),
      output: pkg({}, "notiso"),
      errors: [{ message: notIsolatedMessage("notiso"), line: 4, column: 5, endLine: 4, endColumn: 29 }],
    },
    {
      name: "not isolated: CRLF, middle member",
      filename: file("notiso"),
      code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK, lint: "ruff" }, "notiso").replace(/\n/g, "\r\n"),
      output: pkg({ "backend:test": TEST, lint: "ruff" }, "notiso").replace(/\n/g, "\r\n"),
      errors: [{ message: notIsolatedMessage("notiso"), line: 5, column: 5, endLine: 5, endColumn: 29 }],
    },
    {
      name: "product without backend/",
      filename: file("nobackend"),
      code: pkg({ "backend:contract-check": CHECK }, "nobackend"),
      output: pkg({}, "nobackend"),
      errors: [{ message: notIsolatedMessage("nobackend"), line: 4, column: 5, endLine: 4, endColumn: 29 }],
    },
    {
      name: "legacy leak: the message names the tach.toml line of the leaking pattern",
      filename: file("leaky"),
      code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "leaky"),
      output: pkg({ "backend:test": TEST }, "leaky"),
      errors: [
        {
          message: legacyLeakMessage("leaky", "tach.toml:35", "backend\\.models.*"),
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 29,
        },
      ],
    },
    {
      name: "empty facade (re-exports only)",
      filename: file("emptyfacade"),
      code: pkg({ "backend:test": "echo 'No backend tests'", "backend:contract-check": CHECK }, "emptyfacade"),
      output: pkg({ "backend:test": "echo 'No backend tests'" }, "emptyfacade"),
      errors: [
        {
          message: emptyFacadeMessage("emptyfacade", "backend/facade/api.py defines no functions"),
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 29,
        },
      ],
    },
    {
      name: "no facade api.py at all",
      filename: file("nofacade"),
      code: pkg({ "backend:contract-check": "python backend/facade/_contract_check.py" }, "nofacade"),
      output: pkg({}, "nofacade"),
      errors: [
        {
          message: emptyFacadeMessage("nofacade", "backend/facade/api.py does not exist"),
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 29,
        },
      ],
    },

    // --- unreadable tach.toml ---------------------------------------------------------------
    {
      name: "invalid tach.toml: reported once, and no decision that depends on legacy leaks",
      filename: file("sealed", BAD_TACH_ROOT),
      settings: { "posthog-products": { root: BAD_TACH_ROOT } },
      code: pkg({ "backend:test": "pytest backend/tests" }, "sealed"),
      errors: [{ message: tachMessage("sealed"), line: 3, column: 3, endLine: 3, endColumn: 12 }],
    },
    {
      name: "invalid tach.toml: other reasons are still reported",
      filename: file("plain", BAD_TACH_ROOT),
      settings: { "posthog-products": { root: BAD_TACH_ROOT } },
      code: pkg({ "backend:test": "pytest backend/tests", "backend:contract-check": "echo ok" }, "plain"),
      output: pkg({ "backend:test": "pytest backend/tests" }, "plain"),
      errors: [
        { message: tachMessage("plain"), line: 3, column: 3, endLine: 3, endColumn: 12 },
        { message: notIsolatedMessage("plain"), line: 5, column: 5, endLine: 5, endColumn: 29 },
      ],
    },
  ],
});

describe("legacy leaks in tach.toml", () => {
  const index = getRepoIndex(file("iso"), { cwd: ROOT, settings: { root: ROOT } })!;

  it("reads the fixture's tach.toml (comments in blocks, [[modules]] after [[interfaces]], regexes, escapes)", () => {
    expect(index.problems.filter((p) => p.file === index.tach.file)).toEqual([]);
    expect(index.tach.interfaces.map((i) => i.from)).toEqual([
      ["products.iso"],
      ["products\\.(isodir|other_product)"],
      ["products\\.leaky"],
      ["products.chdl"],
    ]);
  });

  it("finds exactly the leaks hogli finds", () => {
    expect(findLegacyLeak(index, "iso")).toBeNull();
    expect(findLegacyLeak(index, "isodir")).toBeNull();
    expect(findLegacyLeak(index, "chdl")).toBeNull();
    expect(findLegacyLeak(index, "notiso")).toBeNull();
    expect(findLegacyLeak(index, "leaky")).toMatchObject({ pattern: "backend\\.models.*", line: 35 });
  });

  it("the invalid fixture tach.toml is a problem of the index", () => {
    expect(tachProblem).not.toBe("<no problem>");
    expect(tachProblem).toContain("tach.toml");
  });
});

describe("fixing through the ESLint class", () => {
  it("adds and removes the script idempotently", async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended, fix: true });
    for (const [product, before, after] of [
      ["iso", { "backend:test": TEST }, { "backend:test": TEST, "backend:contract-check": CHECK }],
      ["notiso", { "backend:test": TEST, "backend:contract-check": CHECK }, { "backend:test": TEST }],
    ] as const) {
      const [result] = await eslint.lintText(pkg(before, product), { filePath: file(product) });
      expect(result.output).toBe(pkg(after, product));
      expect(result.messages).toEqual([]);
      const [again] = await eslint.lintText(result.output!, { filePath: file(product) });
      expect(again.output).toBeUndefined();
      expect(again.messages).toEqual([]);
    }
  });
});
