import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule from "../../src/rules/product-required-files.js";
import { ASSERTIONS, fixturePath, packageJsonRuleTester, pythonRuleTester } from "../support/helpers.js";
import { lintTree, TempTrees } from "../support/product-trees.js";

const RULE = "product-required-files";
const TREE = "product-repo";
const ROOT = fixturePath(TREE);
const file = (relative: string): string => path.join(ROOT, ...relative.split("/"));

const pkg = (product: string): string => `${JSON.stringify({ name: `@posthog/products-${product}`, scripts: {} }, null, 4)}\n`;
const APPS = 'from django.apps import AppConfig\n\n\nclass LinksConfig(AppConfig):\n    name = "products.links.backend"\n    label = "links"\n';

beforeEach(() => clearRepoIndexCache());

packageJsonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "an isolated product with every file", filename: file("products/surveys/package.json"), code: pkg("surveys") },
    { name: "a legacy product needs no manifest.tsx nor tsconfig.json", filename: file("products/notebooks/package.json"), code: pkg("notebooks") },
    { name: "a frontend-only product needs no __init__.py", filename: file("products/web-vitals/package.json"), code: pkg("web-vitals") },
  ],
  invalid: [
    {
      name: "an isolated product without manifest.tsx, tsconfig.json and a presentation folder's __init__.py, reported on the name",
      filename: file("products/logs/package.json"),
      code: pkg("logs"),
      errors: [
        {
          messageId: "missingRootFile",
          data: { product: "logs", file: "manifest.tsx", purpose: "it describes the product's frontend" },
          line: 2,
          column: 5,
          endColumn: 11,
        },
        { messageId: "missingRootFile", data: { product: "logs", file: "tsconfig.json", purpose: "isolated products type-check on their own" }, line: 2, column: 5 },
        {
          message:
            "Add products/logs/backend/presentation/views/__init__.py: without it import-linter cannot see the modules below, and its contracts pass there vacuously.",
          line: 2,
          column: 5,
        },
      ],
    },
    {
      name: "without a name, the report goes on the opening brace",
      filename: file("products/logs/package.json"),
      code: '{"scripts": {}}',
      errors: [
        { message: "Product \"logs\" has no manifest.tsx: add it (it describes the product's frontend).", line: 1, column: 1, endColumn: 2 },
        { messageId: "missingRootFile", data: { product: "logs", file: "tsconfig.json", purpose: "isolated products type-check on their own" }, line: 1, column: 1 },
        { messageId: "missingPackageMarker", data: { product: "logs", folder: "backend/presentation/views/" }, line: 1, column: 1 },
      ],
    },
  ],
});

pythonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "a product with a package.json gets nothing on its apps.py", filename: file("products/logs/backend/apps.py"), code: APPS.replace(/links/gu, "logs") },
    { name: "only the anchor file carries the findings of a product without package.json", filename: file("products/links/backend/__init__.py"), code: "" },
  ],
  invalid: [
    {
      name: "a product without package.json: its findings go on backend/apps.py",
      filename: file("products/links/backend/apps.py"),
      code: APPS,
      errors: [
        { message: 'Product "links" has no __init__.py: add it (it makes products.links.backend importable).', line: 1, column: 1 },
        { messageId: "missingRootFile", data: { product: "links", file: "package.json", purpose: "it makes the product a turbo package" }, line: 1, column: 1 },
      ],
    },
  ],
});

describe("the recommended config", () => {
  it("lints backend/apps.py, so a product without package.json gets its findings there", async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintFiles([file("products/links/backend/apps.py")]);
    const own = result!.messages.filter((message) => message.ruleId === `posthog-products/${RULE}`);
    expect(own.map((message) => [message.line, message.message])).toEqual([
      [1, 'Product "links" has no __init__.py: add it (it makes products.links.backend importable).'],
      [1, 'Product "links" has no package.json: add it (it makes the product a turbo package).'],
    ]);
  });
});

// --- hogli's test_checks.py, case for case ------------------------------------------------------------

const trees = new TempTrees(RULE);
afterAll(() => trees.cleanup());

/** An isolated product whose facade has contracts.py and api.py, with `markers` (`.` = backend/) and more files. */
async function missingMarkers(markers: string[], files: Record<string, string>): Promise<string[]> {
  const product = "products/my_product";
  const tree: Record<string, string> = {
    [`${product}/backend/facade/contracts.py`]: "",
    [`${product}/backend/facade/api.py`]: "def get_thing():\n    pass\n",
    [`${product}/package.json`]: JSON.stringify({ name: "@posthog/products-my-product" }),
  };
  for (const marker of markers) tree[`${product}/backend/${marker === "." ? "" : `${marker}/`}__init__.py`] = "";
  for (const [relative, text] of Object.entries(files)) tree[`${product}/backend/${relative}`] = text;
  const root = trees.tree(tree);
  const findings = await lintTree(root, { [RULE]: [] }, [`${product}/package.json`]);
  return findings.filter((finding) => finding.messageId === "missingPackageMarker").map((finding) => /products\/my_product\/(\S*)__init__\.py/u.exec(finding.message)![1]!);
}

describe("hogli TestBackendPackageMarker", () => {
  const views = { "presentation/views.py": "", "presentation/views/views.py": "" };
  it.each([
    [[".", "facade", "presentation", "presentation/views"], []],
    [[".", "facade", "presentation"], ["backend/presentation/views/"]],
    [[".", "facade"], ["backend/presentation/", "backend/presentation/views/"]],
    [["facade", "presentation", "presentation/views"], ["backend/"]],
  ])("test_missing_markers_on_contract_paths: markers %j → missing %j", async (markers, expected) => {
    expect(await missingMarkers(markers, views)).toEqual(expected);
  });

  it("test_directories_outside_the_contract_trees_are_left_alone", async () => {
    expect(await missingMarkers([".", "facade"], { "temporal/sources/stripe/source.py": "", "tests/test_thing.py": "" })).toEqual([]);
  });

  it("test_empty_directories_need_no_marker", async () => {
    expect(await missingMarkers([".", "facade"], { "facade/empty/": "" })).toEqual([]);
  });
});
