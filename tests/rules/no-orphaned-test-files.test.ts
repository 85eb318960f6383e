import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { clearRepoIndexCache } from "../../src/project/index.js";
import rule from "../../src/rules/no-orphaned-test-files.js";
import { ASSERTIONS, fixturePath, packageJsonRuleTester, pythonRuleTester } from "../support/helpers.js";
import { lintTree, TempTrees, type Files } from "../support/product-trees.js";
import { tempTree } from "../support/temp-tree.js";

const RULE = "no-orphaned-test-files";
const TREE = "product-repo";
const ROOT = fixturePath(TREE);
const file = (relative: string): string => path.join(ROOT, ...relative.split("/"));

/** notebooks' package.json with this backend:test (line 4, the script's first character on column 25). */
const notebooks = (script: string): string => `${JSON.stringify({ name: "@posthog/products-notebooks", scripts: { "backend:test": script } }, null, 4)}\n`;
const TEST = "pytest -c ../../pytest.ini --rootdir ../.. backend/tests -v --tb=short";
const ORPHAN = { product: "notebooks", folder: "backend/api/test", files: "test_notebook_api.py" };

beforeEach(() => clearRepoIndexCache());

packageJsonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [
    { name: "backend/ covers every test below it; dags/ runs elsewhere (ci-dagster.yml)", filename: file("products/notebooks/package.json"), code: notebooks("pytest backend/") },
    { name: "two paths cover two folders", filename: file("products/notebooks/package.json"), code: notebooks(`${TEST} backend/api/test`) },
    { name: "a path after cd is read from where pytest runs", filename: file("products/notebooks/package.json"), code: notebooks("cd ../.. && pytest products/notebooks/backend") },
    { name: "./backend is backend", filename: file("products/notebooks/package.json"), code: notebooks("pytest ./backend") },
    {
      name: "a folder exempted by the options is not orphaned",
      filename: file("products/notebooks/package.json"),
      code: notebooks(TEST),
      options: [{ externalRunners: ["dags/"], productExemptions: { notebooks: ["backend/api/"] } }],
    },
    { name: "a product without test files", filename: file("products/web-vitals/package.json"), code: "{}" },
  ],
  invalid: [
    {
      name: "a test folder no pytest path covers: reported on the script, a suggestion adds the folder after the last path",
      filename: file("products/notebooks/package.json"),
      code: notebooks(TEST),
      errors: [
        {
          messageId: "orphanedTests",
          data: ORPHAN,
          line: 4,
          column: 25,
          endColumn: 97,
          suggestions: [{ messageId: "addTestPath", data: { path: "backend/api/test" }, output: notebooks(`${TEST.replace(" -v", " backend/api/test -v")}`) }],
        },
      ],
    },
    {
      name: "the exact message; a path is added relative to where pytest runs",
      filename: file("products/notebooks/package.json"),
      code: notebooks("cd ../.. && pytest products/notebooks/backend/tests"),
      errors: [
        {
          message: 'Tests in products/notebooks/backend/api/test/ (test_notebook_api.py) never run: no "backend:test" pytest path covers them.',
          suggestions: [{ messageId: "addTestPath", data: { path: "backend/api/test" }, output: notebooks("cd ../.. && pytest products/notebooks/backend/tests products/notebooks/backend/api/test") }],
        },
      ],
    },
    {
      name: "a no-op script covers nothing, and has no path to add to (dags/ still runs elsewhere)",
      filename: file("products/notebooks/package.json"),
      code: notebooks("echo 'No backend tests'"),
      errors: [
        { messageId: "orphanedTests", data: { product: "notebooks", folder: "backend/api/test", files: "test_notebook_api.py" }, suggestions: [] },
        { messageId: "orphanedTests", data: { product: "notebooks", folder: "backend/tests", files: "test_notebook.py" }, suggestions: [] },
      ],
    },
    {
      name: "without a backend:test script the report goes on the scripts key",
      filename: file("products/notebooks/package.json"),
      code: '{\n    "name": "@posthog/products-notebooks",\n    "scripts": {}\n}\n',
      errors: [
        { messageId: "orphanedTests", data: ORPHAN, line: 3, column: 5, suggestions: [] },
        { messageId: "orphanedTests", data: { product: "notebooks", folder: "backend/tests", files: "test_notebook.py" }, line: 3, suggestions: [] },
      ],
    },
  ],
});

pythonRuleTester(TREE).run(RULE, rule, {
  assertionOptions: ASSERTIONS,
  valid: [{ name: "another file of a product without package.json", filename: file("products/links/backend/__init__.py"), code: "" }],
  invalid: [
    {
      name: "a product without package.json: reported on backend/apps.py",
      filename: file("products/links/backend/apps.py"),
      code: "from django.apps import AppConfig\n",
      errors: [{ messageId: "orphanedTests", data: { product: "links", folder: "backend/tests", files: "test_link.py" }, line: 1, column: 1 }],
    },
  ],
});

// --- hogli's test_checks.py, case for case ------------------------------------------------------------

const trees = new TempTrees(RULE);
afterAll(() => trees.cleanup());

/** hogli's `_make_product` (lenient, with backend/): test files under backend/, an optional package.json; the orphaned files named in the findings. */
async function orphans(options: { name?: string; script?: string; testFiles?: string[]; files?: Files }): Promise<string[]> {
  const product = `products/${options.name ?? "my_product"}`;
  const tree: Files = { [`${product}/backend/`]: "", ...options.files };
  if (options.script !== undefined) tree[`${product}/package.json`] = JSON.stringify({ scripts: { "backend:test": options.script } });
  for (const test of options.testFiles ?? []) tree[`${product}/backend/${test}`] = "";
  const root = trees.tree(tree);
  const lintable = options.script !== undefined ? [`${product}/package.json`] : [`${product}/backend/${options.testFiles![0]}`];
  const findings = await lintTree(root, { [RULE]: [] }, lintable);
  return findings.flatMap((finding) => {
    const [, folder, files] = /^Tests in products\/[^/]+\/(\S+)\/ \((.*)\) never run/u.exec(finding.message)!;
    return files!.split(", ").map((name) => `${folder}/${name}`);
  });
}

const PYTEST = "pytest -c ../../pytest.ini --rootdir ../..";

describe("hogli TestOrphanedTestFilesCheck", () => {
  it("test_skip_when_no_test_files", async () => {
    expect(await orphans({ script: `${PYTEST} backend/ -v --tb=short` })).toEqual([]);
  });

  it("test_orphan_flagged_when_backend_test_missing (no package.json: on the product's Python file)", async () => {
    expect(await orphans({ testFiles: ["api/test/test_thing.py"] })).toEqual(["backend/api/test/test_thing.py"]);
  });

  it("test_no_orphans_when_backend_test_covers", async () => {
    expect(await orphans({ script: `${PYTEST} backend/ -v --tb=short`, testFiles: ["api/test/test_thing.py"] })).toEqual([]);
  });

  it("test_specific_file_path_in_pytest_does_not_false_flag", async () => {
    expect(await orphans({ script: "pytest backend/test_max_tools.py -v", testFiles: ["test_max_tools.py"] })).toEqual([]);
  });

  it("test_directory_prefix_does_not_eat_unrelated_paths", async () => {
    expect(await orphans({ script: "pytest backend/api", testFiles: ["api/test_covered.py", "api_v2/test_uncovered.py"] })).toEqual(["backend/api_v2/test_uncovered.py"]);
  });

  it("test_dags_tests_exempted_via_external_runner", async () => {
    expect(await orphans({ script: "pytest backend/", files: { "products/my_product/dags/tests/test_thing.py": "" } })).toEqual([]);
  });

  it("test_per_product_exemption_applied", async () => {
    expect(await orphans({ name: "tasks", script: "pytest backend/tests backend/services", testFiles: ["temporal/tests/test_workflow.py"] })).toEqual([]);
  });

  it("test_per_product_exemption_does_not_apply_to_other_products", async () => {
    expect(await orphans({ name: "not_tasks", script: "pytest backend/tests", testFiles: ["temporal/tests/test_workflow.py"] })).toEqual(["backend/temporal/tests/test_workflow.py"]);
  });
});

// --- modules named like tests that are none, and migrations: reported, with no suggestion --------------------

const EA = "products/engineering_analytics";
/** Test-named modules of engineering_analytics; backend:test on disk runs backend/tests only. */
const NAMED_LIKE_TESTS: Record<string, string> = {
  [`${EA}/__init__.py`]: "",
  [`${EA}/backend/__init__.py`]: "",
  [`${EA}/backend/tests/test_ok.py`]: "def test_ok() -> None:\n    assert True\n",
  [`${EA}/backend/api/test/test_views.py`]: "from posthog.test.base import APIBaseTest\n\n\nclass TestViews(APIBaseTest):\n    def test_list(self) -> None:\n        assert self.client\n",
  [`${EA}/backend/jobs/test_jobs.py`]: "import pytest\n\n\n@pytest.mark.django_db\nasync def test_job_runs() -> None:\n    assert True\n",
  [`${EA}/backend/legacy/test_legacy.py`]: "from django.test import TestCase\n\n\nclass LegacyViewsTests(TestCase):\n    def test_it(self) -> None:\n        assert True\n",
  [`${EA}/backend/logic/queries/test_signal_history.py`]: 'SIGNAL_HISTORY = "SELECT count() FROM events"\n\n\ndef signal_history_query(team_id: int) -> str:\n    return SIGNAL_HISTORY\n',
  [`${EA}/backend/migrations/0006_feedback_is_author_test.py`]: "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = []\n    operations = []\n",
  [`${EA}/backend/migrations/test/test_backfill_labels.py`]: "class TestBackfillLabels:\n    def test_backfills(self) -> None:\n        assert True\n",
  [`${EA}/backend/sub/test_a.py`]: "def test_a() -> None:\n    assert True\n",
  [`${EA}/backend/sub/fixtures/test_data.py`]: 'TEST_DATA = {"id": 1}\n',
};
const eaPackage = (script: string): string => `${JSON.stringify({ name: "@posthog/products-engineering-analytics", scripts: { "backend:test": script } }, null, 4)}\n`;
const ON_DISK = tempTree({ ...NAMED_LIKE_TESTS, [`${EA}/package.json`]: eaPackage("pytest backend/tests") });
/** The same files; the script on disk covers everything, so the index knows no orphan and the rule reads the files itself. */
const ALL_COVERED_ON_DISK = tempTree({ ...NAMED_LIKE_TESTS, [`${EA}/package.json`]: eaPackage("pytest backend/") });

const eaOrphan = (folder: string, files: string, suggestion?: string) => ({
  messageId: "orphanedTests",
  data: { product: "engineering_analytics", folder, files },
  line: 4,
  column: 25,
  suggestions: suggestion ? [{ messageId: "addTestPath", data: { path: folder }, output: eaPackage(`pytest backend/tests ${suggestion}`) }] : [],
});
const EA_ERRORS = [
  eaOrphan("backend/api/test", "test_views.py", "backend/api/test"),
  eaOrphan("backend/jobs", "test_jobs.py", "backend/jobs"),
  // A unittest TestCase of any name is collected: a class with test methods counts.
  eaOrphan("backend/legacy", "test_legacy.py", "backend/legacy"),
  // A query module named like a test: pytest would collect it.
  eaOrphan("backend/logic/queries", "test_signal_history.py"),
  // Under migrations/: a migration, or tests Django's migration loader sits next to.
  eaOrphan("backend/migrations", "0006_feedback_is_author_test.py"),
  eaOrphan("backend/migrations/test", "test_backfill_labels.py"),
  eaOrphan("backend/sub/fixtures", "test_data.py"),
  // backend/sub would also cover backend/sub/fixtures/test_data.py, which defines no test.
  eaOrphan("backend/sub", "test_a.py"),
];

for (const [tree, how] of [[ON_DISK, "the index knows"], [ALL_COVERED_ON_DISK, "read when linted"]] as const) {
  packageJsonRuleTester(tree).run(`${RULE} (modules named like tests, ${how})`, rule, {
    assertionOptions: ASSERTIONS,
    valid: [],
    invalid: [
      {
        name: `a suggestion only for folders whose orphans all define tests, none under migrations/ (${how})`,
        filename: path.join(tree, EA, "package.json"),
        code: eaPackage("pytest backend/tests"),
        errors: EA_ERRORS,
      },
    ],
  });
}
