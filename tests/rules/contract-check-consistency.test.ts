import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { clearRepoIndexCache, getRepoIndex } from "../../src/project/index.js";
import rule from "../../src/rules/contract-check-consistency.js";
import { findLegacyLeak } from "../../src/rules/isolation/hogli-tach.js";
import { ASSERTIONS, fixturePath, packageJsonRuleTester } from "../support/helpers.js";

const RULE = "contract-check-consistency";
const ROOT = fixturePath("pkg-repo");
const BAD_TACH_ROOT = fixturePath("pkg-badtach");

/** `products/<p>/package.json` of a tree (the pkg-repo fixture by default). */
function file(product: string, root = ROOT): string {
  return path.join(root, "products", product, "package.json");
}

/** A product package.json as `JSON.stringify` writes it (two spaces unless told). */
function pkg(scripts: Record<string, string> | null, product: string, indent: string | number = 2): string {
  const object: Record<string, unknown> = { name: `@posthog/products-${product}` };
  if (scripts) object.scripts = scripts;
  return JSON.stringify(object, null, indent);
}

const TEST = "pytest -c ../../pytest.ini --rootdir ../.. backend/tests -v --tb=short";
/** The conventional `backend:contract-check` command the suggestion adds. */
const CHECK = "echo 'Contract files unchanged'";

/** The index of a tree. */
function indexOf(root: string, product: string) {
  const index = getRepoIndex(file(product, root), { cwd: root, settings: { root } });
  if (!index) throw new Error(`no index for ${root}`);
  return index;
}


beforeEach(() => clearRepoIndexCache());

// --- temporary trees (fixtures are never modified) ----------------------------------------------

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), `${RULE}-`));
afterAll(() => {
  clearRepoIndexCache();
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

/** A copy of a fixture tree whose tach.toml is `edit` of the original. */
function treeWithTach(name: string, source: string, edit: (tach: string) => string): string {
  const dir = path.join(tempRoot, name);
  fs.cpSync(source, dir, { recursive: true });
  const tach = path.join(dir, "tach.toml");
  fs.writeFileSync(tach, edit(fs.readFileSync(tach, "utf8")));
  return dir;
}

const MARKER = "# isolation:permanent-interface";
const CHDL_HEADER = '[[interfaces]]\nexpose = ["backend\\\\.facade.*", "backend\\\\.sql.*"]\nfrom = ["products.chdl"]';

/** pkg-repo with chdl's interfaces block unmarked (the marker comment reworded; every line stays where it was). */
const unmarkedRoot = treeWithTach("unmarked", ROOT, (tach) => {
  if (!tach.includes(MARKER)) throw new Error("the fixture's tach.toml lost its marker");
  return tach.replace(MARKER, "# a permanent interface, but not marked as one");
});

/** pkg-repo with the marker inside chdl's block, below its header (expose stays on line 50). */
const markerBelowRoot = treeWithTach("marker-below", ROOT, (tach) => {
  if (!tach.includes(`${MARKER}\n\n${CHDL_HEADER}`)) throw new Error("the fixture's chdl block changed");
  return tach.replace(`${MARKER}\n\n${CHDL_HEADER}`, CHDL_HEADER.replace("[[interfaces]]\n", `\n[[interfaces]]\n${MARKER}\n`));
});

/**
 * pkg-badtach (invalid tach.toml) with two more isolated products for which tach.toml decides
 * nothing: `hollow` (its facade api.py defines no function) and `bare` (no facade api.py).
 */
const badTachMoreRoot = path.join(tempRoot, "badtach-more");
fs.cpSync(BAD_TACH_ROOT, badTachMoreRoot, { recursive: true });
for (const [product, files] of [
  ["hollow", { "contracts.py": "", "api.py": "from .contracts import Thing\n\n__all__ = [\"Thing\"]\n" }],
  ["bare", { "contracts.py": "" }],
] as const) {
  const facade = path.join(badTachMoreRoot, "products", product, "backend", "facade");
  fs.mkdirSync(facade, { recursive: true });
  fs.writeFileSync(path.join(facade, "..", "__init__.py"), "");
  fs.writeFileSync(path.join(facade, "__init__.py"), "");
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(facade, name), text);
}

// --- pkg-repo ---------------------------------------------------------------------------------

packageJsonRuleTester("pkg-repo").run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "an isolated product with a real facade and no leak has the script",
      filename: file("iso"),
      code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "iso"),
    },
    {
      name: "the script's command is not this rule's business",
      filename: file("iso"),
      code: pkg({ "backend:test": TEST, "backend:contract-check": "python backend/facade/_contract_check.py" }, "iso"),
    },
    {
      name: "a contracts/ package isolates; a block shared through a regex `from` is no leak of one product",
      filename: file("isodir"),
      code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "isodir"),
    },
    {
      name: "a block marked isolation:permanent-interface is no legacy leak",
      filename: file("chdl"),
      code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "chdl"),
    },
    { name: "a product that is not isolated needs no script", filename: file("notiso"), code: pkg({ "backend:test": TEST }, "notiso") },
    { name: "a product with a legacy leak needs no script", filename: file("leaky"), code: pkg({ "backend:test": TEST }, "leaky") },
    {
      name: "a product whose facade defines no function needs no script",
      filename: file("emptyfacade"),
      code: pkg({ "backend:test": "echo 'No backend tests'" }, "emptyfacade"),
    },
    { name: "a product without a facade api.py needs no script", filename: file("nofacade"), code: pkg(null, "nofacade") },
    { name: "a product without backend/ needs no script", filename: file("nobackend"), code: pkg(null, "nobackend") },
    { name: "a product without backend/ may have an empty package.json", filename: file("nobackend"), code: "{}" },
    {
      name: "the root package.json is not a product's",
      filename: path.join(ROOT, "package.json"),
      code: pkg({ "backend:contract-check": CHECK }, "root"),
    },
    { name: "a package.json whose top level is not an object is not checked", filename: file("notiso"), code: "[]" },
  ],

  invalid: [
    // --- required but missing ----------------------------------------------------------------
    {
      name: "an isolated product without the script; the suggestion adds it after backend:test",
      filename: file("iso"),
      code: pkg({ "backend:test": TEST }, "iso"),
      errors: [
        {
          message: 'Isolated product "iso" has no "backend:contract-check" script: turbo runs the full Django suite when it changes.',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            { messageId: "addContractCheck", data: { command: CHECK }, output: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "iso") },
          ],
        },
      ],
    },
    {
      name: "the suggestion adds the script right after backend:test when other scripts follow",
      filename: file("iso"),
      code: pkg({ lint: "ruff check", "backend:test": TEST, format: "ruff format" }, "iso"),
      errors: [
        {
          messageId: "missingContractCheck",
          data: { product: "iso" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: "addContractCheck",
              data: { command: CHECK },
              output: pkg({ lint: "ruff check", "backend:test": TEST, "backend:contract-check": CHECK, format: "ruff format" }, "iso"),
            },
          ],
        },
      ],
    },
    {
      name: "without backend:test the missing script is reported without a suggestion",
      filename: file("iso"),
      code: pkg({ lint: "ruff check", format: "ruff format" }, "iso"),
      errors: [{ messageId: "missingContractCheck", data: { product: "iso" }, line: 3, column: 3, endLine: 3, endColumn: 12, suggestions: [] }],
    },
    {
      name: "without a scripts object the report is on the name key, without a suggestion",
      filename: file("iso"),
      code: pkg(null, "iso"),
      errors: [{ messageId: "missingContractCheck", data: { product: "iso" }, line: 2, column: 3, endLine: 2, endColumn: 9, suggestions: [] }],
    },
    {
      name: "with an empty scripts object the report is on its key, without a suggestion",
      filename: file("iso"),
      code: `{\n    "name": "@posthog/products-iso",\n    "scripts": {}\n}\n`,
      errors: [{ messageId: "missingContractCheck", data: { product: "iso" }, line: 3, column: 5, endLine: 3, endColumn: 14, suggestions: [] }],
    },
    {
      name: "in a compact one-line file without scripts the report is on the name key, without a suggestion",
      filename: file("iso"),
      code: `{"name":"@posthog/products-iso"}`,
      errors: [{ messageId: "missingContractCheck", data: { product: "iso" }, line: 1, column: 2, endLine: 1, endColumn: 8, suggestions: [] }],
    },
    {
      name: "the added script keeps four-space indentation and CRLF",
      filename: file("iso"),
      code: pkg({ "backend:test": TEST }, "iso", 4).replace(/\n/g, "\r\n") + "\r\n",
      errors: [
        {
          messageId: "missingContractCheck",
          data: { product: "iso" },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: "addContractCheck",
              data: { command: CHECK },
              output: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "iso", 4).replace(/\n/g, "\r\n") + "\r\n",
            },
          ],
        },
      ],
    },
    {
      name: "in a one-line file the added script stays on the line",
      filename: file("iso"),
      code: `{"name": "@posthog/products-iso", "scripts": {"backend:test": "pytest backend/tests"}}`,
      errors: [
        {
          messageId: "missingContractCheck",
          data: { product: "iso" },
          line: 1,
          column: 35,
          endLine: 1,
          endColumn: 44,
          suggestions: [
            {
              messageId: "addContractCheck",
              data: { command: CHECK },
              output: `{"name": "@posthog/products-iso", "scripts": {"backend:test": "pytest backend/tests", "backend:contract-check": "${CHECK}"}}`,
            },
          ],
        },
      ],
    },
    {
      name: "a contracts/ package makes the product isolated",
      filename: file("isodir"),
      code: pkg({ "backend:test": TEST }, "isodir"),
      errors: [
        {
          messageId: "missingContractCheck",
          data: { product: "isodir" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            { messageId: "addContractCheck", data: { command: CHECK }, output: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "isodir") },
          ],
        },
      ],
    },
    {
      name: "a product whose only non-public interface is marked isolation:permanent-interface requires the script",
      filename: file("chdl"),
      code: pkg({ "backend:test": TEST }, "chdl"),
      errors: [
        {
          messageId: "missingContractCheck",
          data: { product: "chdl" },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            { messageId: "addContractCheck", data: { command: CHECK }, output: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "chdl") },
          ],
        },
      ],
    },

    // --- forbidden ---------------------------------------------------------------------------
    {
      name: "a product that is not isolated: the script is removed with the comma before it",
      filename: file("notiso"),
      code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "notiso"),
      output: pkg({ "backend:test": TEST }, "notiso"),
      errors: [
        {
          message: 'Remove "backend:contract-check": "notiso" is not isolated (no backend/facade/contracts.py or contracts/).',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 29,
        },
      ],
    },
    {
      name: "a product that is not isolated: the first script is removed with the comma after it",
      filename: file("notiso"),
      code: pkg({ "backend:contract-check": CHECK, "backend:test": TEST }, "notiso"),
      output: pkg({ "backend:test": TEST }, "notiso"),
      errors: [{ messageId: "notIsolated", data: { product: "notiso" }, line: 4, column: 5, endLine: 4, endColumn: 29 }],
    },
    {
      name: "a product that is not isolated: the only script is removed, leaving an empty scripts object",
      filename: file("notiso"),
      code: pkg({ "backend:contract-check": CHECK }, "notiso"),
      output: pkg({}, "notiso"),
      errors: [{ messageId: "notIsolated", data: { product: "notiso" }, line: 4, column: 5, endLine: 4, endColumn: 29 }],
    },
    {
      name: "a product that is not isolated: a middle script is removed from a CRLF file",
      filename: file("notiso"),
      code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK, lint: "ruff" }, "notiso").replace(/\n/g, "\r\n"),
      output: pkg({ "backend:test": TEST, lint: "ruff" }, "notiso").replace(/\n/g, "\r\n"),
      errors: [{ messageId: "notIsolated", data: { product: "notiso" }, line: 5, column: 5, endLine: 5, endColumn: 29 }],
    },
    {
      name: "a product without backend/ is not isolated",
      filename: file("nobackend"),
      code: pkg({ "backend:contract-check": CHECK }, "nobackend"),
      output: pkg({}, "nobackend"),
      errors: [{ messageId: "notIsolated", data: { product: "nobackend" }, line: 4, column: 5, endLine: 4, endColumn: 29 }],
    },
    {
      name: "a legacy leak: the message names the tach.toml line of the leaking expose entry",
      filename: file("leaky"),
      code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "leaky"),
      output: pkg({ "backend:test": TEST }, "leaky"),
      errors: [
        {
          message: 'Remove "backend:contract-check": tach.toml:35 exposes "backend\\.models.*", a legacy leak of "leaky".',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 29,
        },
      ],
    },
    {
      name: "a facade api.py that defines no function (re-exports only) is empty",
      filename: file("emptyfacade"),
      code: pkg({ "backend:test": "echo 'No backend tests'", "backend:contract-check": CHECK }, "emptyfacade"),
      output: pkg({ "backend:test": "echo 'No backend tests'" }, "emptyfacade"),
      errors: [
        {
          message: 'Remove "backend:contract-check": the facade of "emptyfacade" is empty (backend/facade/api.py defines no function).',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 29,
        },
      ],
    },
    {
      name: "a facade without api.py is empty",
      filename: file("nofacade"),
      code: pkg({ "backend:contract-check": "python backend/facade/_contract_check.py" }, "nofacade"),
      output: pkg({}, "nofacade"),
      errors: [
        { messageId: "emptyFacade", data: { product: "nofacade", facade: "no backend/facade/api.py" }, line: 4, column: 5, endLine: 4, endColumn: 29 },
      ],
    },
  ],
});

// --- the isolation:permanent-interface marker ---------------------------------------------------

packageJsonRuleTester(unmarkedRoot).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "without the marker, a product whose block exposes more than its public surface needs no script",
      filename: file("chdl", unmarkedRoot),
      code: pkg({ "backend:test": TEST }, "chdl"),
    },
  ],
  invalid: [
    {
      name: "without the marker, the same block is a legacy leak",
      filename: file("chdl", unmarkedRoot),
      code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "chdl"),
      output: pkg({ "backend:test": TEST }, "chdl"),
      errors: [
        {
          messageId: "legacyLeak",
          data: { product: "chdl", location: "tach.toml:50", pattern: "backend\\.sql.*" },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 29,
        },
      ],
    },
  ],
});

packageJsonRuleTester(markerBelowRoot).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [],
  invalid: [
    {
      name: "a marker inside the block, below its header, does not exempt it",
      filename: file("chdl", markerBelowRoot),
      code: pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "chdl"),
      output: pkg({ "backend:test": TEST }, "chdl"),
      errors: [
        {
          messageId: "legacyLeak",
          data: { product: "chdl", location: "tach.toml:50", pattern: "backend\\.sql.*" },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 29,
        },
      ],
    },
  ],
});

// --- an unreadable tach.toml: its syntax error is reported in tach.toml itself; nothing here ---------

packageJsonRuleTester("pkg-badtach").run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "a product that is not isolated: tach.toml decides nothing for it",
      filename: file("plain", BAD_TACH_ROOT),
      code: pkg({ "backend:test": "pytest backend/tests" }, "plain"),
    },
    {
      name: "an isolated product with a real facade: the leak is unknown, so the missing script is not reported",
      filename: file("sealed", BAD_TACH_ROOT),
      code: pkg({ "backend:test": "pytest backend/tests" }, "sealed"),
    },
    {
      name: "an isolated product with a real facade keeps its script while tach.toml cannot be read",
      filename: file("sealed", BAD_TACH_ROOT),
      code: pkg({ "backend:test": "pytest backend/tests", "backend:contract-check": CHECK }, "sealed"),
    },
  ],
  invalid: [
    {
      name: "a product that is not isolated: the script is removed, with no tach.toml message",
      filename: file("plain", BAD_TACH_ROOT),
      code: pkg({ "backend:test": "pytest backend/tests", "backend:contract-check": "echo ok" }, "plain"),
      output: pkg({ "backend:test": "pytest backend/tests" }, "plain"),
      errors: [{ messageId: "notIsolated", data: { product: "plain" }, line: 5, column: 5, endLine: 5, endColumn: 29 }],
    },
  ],
});

packageJsonRuleTester(badTachMoreRoot).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    {
      name: "an isolated product whose facade defines no function needs no script",
      filename: file("hollow", badTachMoreRoot),
      code: pkg({ "backend:test": "echo 'No backend tests'" }, "hollow"),
    },
    { name: "an isolated product without a facade api.py needs no script", filename: file("bare", badTachMoreRoot), code: pkg(null, "bare") },
  ],
  invalid: [
    {
      name: "an empty facade forbids the script whatever tach.toml says",
      filename: file("hollow", badTachMoreRoot),
      code: pkg({ "backend:contract-check": CHECK }, "hollow"),
      output: pkg({}, "hollow"),
      errors: [
        {
          messageId: "emptyFacade",
          data: { product: "hollow", facade: "backend/facade/api.py defines no function" },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 29,
        },
      ],
    },
    {
      name: "a missing facade api.py forbids the script whatever tach.toml says",
      filename: file("bare", badTachMoreRoot),
      code: pkg({ "backend:contract-check": CHECK }, "bare"),
      output: pkg({}, "bare"),
      errors: [
        { messageId: "emptyFacade", data: { product: "bare", facade: "no backend/facade/api.py" }, line: 4, column: 5, endLine: 4, endColumn: 29 },
      ],
    },
  ],
});

// --- reading tach.toml ------------------------------------------------------------------------------

describe("legacy leaks in tach.toml", () => {
  it("reads the fixture's tach.toml (comments in blocks, [[modules]] after [[interfaces]], regexes, escapes, the marker)", () => {
    const index = indexOf(ROOT, "iso");
    expect(index.tach.unreadable).toBe(false);
    expect(index.tach.interfaces.map((block) => [block.from, block.permanent])).toEqual([
      [["products.iso"], false],
      [["products\\.(isodir|other_product)"], false],
      [["products\\.leaky"], false],
      [["products.chdl"], true],
    ]);
  });

  it("finds exactly the leaks hogli finds", () => {
    const index = indexOf(ROOT, "iso");
    expect(findLegacyLeak(index, "iso")).toBeNull();
    expect(findLegacyLeak(index, "isodir")).toBeNull();
    expect(findLegacyLeak(index, "other_product")).toBeNull();
    expect(findLegacyLeak(index, "chdl")).toBeNull();
    expect(findLegacyLeak(index, "notiso")).toBeNull();
    expect(findLegacyLeak(index, "leaky")).toMatchObject({ pattern: "backend\\.models.*", line: 35 });
  });

  it("takes a block for a leak once its marker is gone or is not above its header", () => {
    for (const root of [unmarkedRoot, markerBelowRoot]) {
      const index = indexOf(root, "chdl");
      expect(index.tach.interfaces.map((block) => block.permanent)).toEqual([false, false, false, false]);
      expect(findLegacyLeak(index, "chdl")).toMatchObject({ pattern: "backend\\.sql.*", line: 50 });
    }
  });

  it("the invalid fixture tach.toml is unreadable to the index, which then knows no block", () => {
    const index = indexOf(BAD_TACH_ROOT, "sealed");
    expect(index.tach).toMatchObject({ exists: true, unreadable: true, modules: [], interfaces: [] });
  });
});

describe("fixing through the ESLint class", () => {
  it("removes a forbidden script, and the result no longer changes", async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended, fix: true });
    const [result] = await eslint.lintText(pkg({ "backend:test": TEST, "backend:contract-check": CHECK }, "notiso"), { filePath: file("notiso") });
    expect(result!.output).toBe(pkg({ "backend:test": TEST }, "notiso"));
    // The other package.json rules (a product.yaml, ...) have their own tests.
    const own = (messages: { ruleId: string | null }[]) => messages.filter((message) => message.ruleId === `posthog-products/${RULE}`);
    expect(own(result!.messages)).toEqual([]);
    const [again] = await eslint.lintText(result!.output!, { filePath: file("notiso") });
    expect(again!.output).toBeUndefined();
    expect(own(again!.messages)).toEqual([]);
  });

  it("does not add a missing script: adding it is a suggestion", async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended, fix: true });
    const [result] = await eslint.lintText(pkg({ "backend:test": TEST }, "iso"), { filePath: file("iso") });
    expect(result!.output).toBeUndefined();
    const own = result!.messages.filter((message) => message.ruleId === `posthog-products/${RULE}`);
    expect(own.map((message) => [message.ruleId, message.messageId])).toEqual([[`posthog-products/${RULE}`, "missingContractCheck"]]);
  });
});
