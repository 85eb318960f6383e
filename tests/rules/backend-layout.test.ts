import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule from "../../src/rules/backend-layout.js";
import { ASSERTIONS, fixturePath, pythonRuleTester } from "../support/helpers.js";
import { lintTree, TempTrees, type Files } from "../support/product-trees.js";

const RULE = "backend-layout";
const TREE = "product-repo";
const file = (relative: string): string => path.join(fixturePath(TREE), ...relative.split("/"));

beforeEach(() => clearRepoIndexCache());

pythonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "a module in its place", filename: file("products/logs/backend/facade/api.py"), code: "def list_views():\n    return []\n" },
    { name: "a known name below the backend root is not at the root", filename: file("products/logs/backend/presentation/serializers.py"), code: "" },
    { name: "a legacy product keeps api.py and views.py at its backend root", filename: file("products/notebooks/backend/api.py"), code: "" },
    { name: "a module without a package of the same name", filename: file("products/surveys/backend/models.py"), code: "" },
    { name: "a file outside products", filename: file("posthog/settings/web.py"), code: "" },
  ],
  invalid: [
    {
      name: "api.py at the backend root of an isolated product",
      filename: file("products/logs/backend/api.py"),
      code: "def views_api(request):\n    return None\n",
      errors: [{ message: "Move backend/api.py to backend/presentation/api.py: isolated products keep it there.", line: 1, column: 1 }],
    },
    {
      name: "serializers.py at the root when presentation/serializers.py exists too",
      filename: file("products/logs/backend/serializers.py"),
      code: "",
      errors: [{ messageId: "misplacedConflict", data: { file: "serializers.py", location: "presentation/serializers.py" }, line: 1, column: 1 }],
    },
    {
      name: "models.py beside a models/ package",
      filename: file("products/logs/backend/models.py"),
      code: "",
      errors: [{ message: "backend/models.py and backend/models/ both exist: Python imports the package and never this file. Merge them.", line: 1, column: 1 }],
    },
  ],
});

// --- hogli's test_checks.py, case for case ------------------------------------------------------------

const trees = new TempTrees(RULE);
afterAll(() => trees.cleanup());

/** The stems reported in conflict for a lenient product with these backend files (`x/` = an empty folder). */
async function conflicts(files: string[], withBackend = true): Promise<string[]> {
  const product = "products/my_product";
  const tree: Files = { [`${product}/package.json`]: "{}", [`${product}/apps.py`]: "" };
  if (withBackend) tree[`${product}/backend/`] = "";
  for (const name of files) tree[`${product}/backend/${name}`] = "";
  const root = trees.tree(tree);
  const lintable = files.filter((name) => name.endsWith(".py")).map((name) => `${product}/backend/${name}`);
  const findings = await lintTree(root, { [RULE]: [] }, lintable.length > 0 ? lintable : [`${product}/apps.py`]);
  for (const finding of findings) expect(finding.message).toMatch(/^backend\/(\w+)\.py and backend\/\1\/ both exist/u);
  return findings.map((finding) => /^backend\/(\w+)\.py/u.exec(finding.message)![1]!).sort();
}

describe("hogli TestFileFolderConflictsCheck", () => {
  it("test_skip_when_no_backend", async () => {
    expect(await conflicts([], false)).toEqual([]);
  });

  it.each([
    [["models.py"], []],
    [["models/"], []],
    [["models.py", "models/"], ["models"]],
    [["logic/__init__.py"], []],
    [["logic.py"], []],
    [["logic/"], []],
    [["logic.py", "logic/__init__.py"], ["logic"]],
    [["logic.py", "logic/"], ["logic"]],
    [["tasks/__init__.py"], []],
    [["tasks.py", "tasks/__init__.py"], ["tasks"]],
    [["facade/api.py"], []],
    [["facade.py", "facade/api.py"], ["facade"]],
    [["logic.py", "logic/", "models.py", "models/"], ["logic", "models"]],
  ])("test_conflict_detection: %j → %j", async (files, expected) => {
    expect(await conflicts(files)).toEqual(expected);
  });
});
