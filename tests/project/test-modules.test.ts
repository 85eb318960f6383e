import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clearRepoIndexCache, getRepoIndex } from "../../src/project/index.js";
import { definesTests } from "../../src/project/test-modules.js";
import { tempTree } from "../support/temp-tree.js";

afterAll(() => clearRepoIndexCache());

describe("definesTests", () => {
  it.each([
    ["a test function", "def test_it() -> None:\n    pass\n", true],
    ["a decorated async test function", "import pytest\n\n\n@pytest.mark.asyncio\nasync def test_it() -> None:\n    pass\n", true],
    ["a Test* class", "class TestViews:\n    pass\n", true],
    ["a TestCase of another name with a test method", "class ViewsTests(TestCase):\n    @patch('x')\n    def test_list(self, x) -> None:\n        pass\n", true],
    ["a query module", 'QUERY = "SELECT 1"\n\n\ndef history_query() -> str:\n    return QUERY\n', false],
    ["a migration", "class Migration(migrations.Migration):\n    operations = []\n", false],
    ["a test function nested in a function", "def make():\n    def test_inner():\n        pass\n", false],
    ["an empty file", "", false],
  ])("%s: %s", (_, text, expected) => {
    expect(definesTests(`/tmp/defines-tests-${expected}.py`, text)).toBe(expected);
  });
});

describe("the index's orphaned test modules", () => {
  it("are the test files backend:test on disk does not cover, with whether each defines a test", () => {
    const root = tempTree({
      "products/alerts/package.json": JSON.stringify({ scripts: { "backend:test": "pytest backend/tests" } }),
      "products/alerts/backend/tests/test_covered.py": "def test_covered() -> None:\n    pass\n",
      "products/alerts/backend/api/test/test_api.py": "def test_api() -> None:\n    pass\n",
      "products/alerts/backend/logic/test_queries.py": "QUERY = 'SELECT 1'\n",
    });
    const index = getRepoIndex(path.join(root, "products/alerts/package.json"), { cwd: root })!;
    expect([...index.products.get("alerts")!.orphanTestModules]).toEqual([
      ["backend/api/test/test_api.py", true],
      ["backend/logic/test_queries.py", false],
    ]);
  });
});
