/**
 * hogli's PackageJsonScriptsCheck on `backend:test` (test_checks.py), case for case, on the rule
 * no-swallowed-test-failures. hogli only asks that a pytest path exists: the cases that depend on
 * it run with `requireTestsInPaths: false`.
 */
import { afterAll, describe, expect, it } from "vitest";
import { parseShell } from "../../src/languages/shell/index.js";
import { buildRepoIndex } from "../../src/project/build-index.js";
import { findPytestPathArguments } from "../../src/project/index.js";
import { isNoOpScript } from "../../src/rules/package-json/scripts.js";
import { hogliProduct, type HogliProduct } from "../support/hogli-products.js";
import { lintTree, TempTrees, type Finding } from "../support/product-trees.js";

const RULE = "no-swallowed-test-failures";
const trees = new TempTrees(`${RULE}-hogli`);
afterAll(() => trees.cleanup());

const HOGLI = [{ requireTestsInPaths: false }];
const PYTEST = "pytest -c ../../pytest.ini --rootdir ../..";

/** The findings of the script rules on a hogli product's package.json (hogli's exact path semantics unless `strict`). */
async function lint(options: HogliProduct & { testFiles?: string[]; packageJson?: string }, strict = false): Promise<Finding[]> {
  const backend = Object.fromEntries((options.testFiles ?? []).map((test) => [test, ""]));
  const files = hogliProduct({ ...options, backend: { ...backend, ...options.backend } });
  if (options.packageJson !== undefined) files["products/my_product/package.json"] = options.packageJson;
  const rules = { [RULE]: strict ? [] : HOGLI, "contract-check-consistency": [] };
  const target = "products/my_product/package.json";
  return lintTree(trees.tree(files), rules, target in files ? [target] : []);
}
const messages = (findings: Finding[]): string => findings.map((finding) => finding.message).join("\n");

describe("hogli TestParseHelpers", () => {
  it.each([
    [`${PYTEST} backend/tests -v --tb=short`, ["backend/tests"]],
    [`${PYTEST} backend/ -v --tb=short`, ["backend/"]],
    [`${PYTEST} backend/ stats/tests -v --tb=short`, ["backend/", "stats/tests"]],
    ["pytest backend/test_max_tools.py", ["backend/test_max_tools.py"]],
    ["echo 'No backend tests'", []],
    ["pytest -v", []],
    [`${PYTEST} -k 'not slow' backend/tests`, ["backend/tests"]],
  ])("test_parse_pytest_paths: %s → %j", (script, paths) => {
    expect(findPytestPathArguments(parseShell(script)).map((argument) => argument.value)).toEqual(paths);
  });

  it.each([
    ["echo 'No backend tests'", true],
    ["echo skip", true],
    ["true", true],
    ["exit 0", true],
    [":", true],
    ["pytest backend/tests", false],
    ["pytest -v", false],
  ])("test_is_noop_script: %s → %s", (script, noOp) => {
    expect(isNoOpScript(script)).toBe(noOp);
  });

  const hasTestFiles = (files: Record<string, string>): boolean => {
    const { index } = buildRepoIndex(trees.tree({ ...hogliProduct({ scripts: {} }), ...files }));
    return index.products.get("my_product")!.backendTestFiles.length > 0;
  };
  const under = (file: string) => ({ [`products/my_product/backend/${file}`]: "" });
  it("test_has_test_files_true", () => expect(hasTestFiles(under("test_foo.py"))).toBe(true));
  it("test_has_test_files_nested", () => expect(hasTestFiles(under("tests/test_bar.py"))).toBe(true));
  it("test_has_test_files_suffix_convention", () => expect(hasTestFiles(under("foo_test.py"))).toBe(true));
  it("test_has_test_files_false", () => expect(hasTestFiles(under("models.py"))).toBe(false));
  it("test_has_test_files_empty_dir", () => expect(hasTestFiles({})).toBe(false));
});

describe("hogli TestPresenceChecks (backend:test)", () => {
  it("test_skip_when_no_backend_dir", async () => {
    expect(await lint({ hasBackend: false, scripts: {} })).toEqual([]);
  });

  it("test_backend_test_required_when_backend_exists", async () => {
    expect(messages(await lint({ scripts: {} }))).toContain('no "backend:test" script');
  });

  it("test_backend_test_present_passes (hogli's path semantics)", async () => {
    expect(await lint({ scripts: { "backend:test": `${PYTEST} backend/ -v --tb=short` } })).toEqual([]);
  });

  it("test_invalid_json_returns_issue (the JSON language's parse error)", async () => {
    const findings = await lint({ packageJson: "{invalid json" });
    expect(findings.map((finding) => finding.rule)).toEqual(["(parser)"]);
  });
});

describe("hogli TestPytestPathValidation", () => {
  it("test_valid_path_passes", async () => {
    expect(await lint({ scripts: { "backend:test": `${PYTEST} backend/tests -v --tb=short` }, testFiles: ["tests/test_foo.py"] })).toEqual([]);
  });

  it("test_nonexistent_path_fails", async () => {
    const text = messages(await lint({ scripts: { "backend:test": `${PYTEST} backend/typo_tests -v --tb=short` } }));
    expect(text).toContain("does not exist");
    expect(text).toContain("typo_tests");
  });

  it("test_multiple_paths_one_missing", async () => {
    const found = await lint({ scripts: { "backend:test": `${PYTEST} backend/ stats/tests -v --tb=short` } });
    expect(found.map((finding) => finding.message).filter((message) => message.includes("stats/tests"))).toHaveLength(1);
    expect(found.filter((finding) => finding.message.includes('"backend/"'))).toEqual([]);
  });

  it("test_multiple_paths_one_missing, with the seed's default: backend/ holds no tests either", async () => {
    const found = await lint({ scripts: { "backend:test": `${PYTEST} backend/ stats/tests -v --tb=short` } }, true);
    expect(found.map((finding) => finding.messageId)).toEqual(["pytestPathWithoutTests", "pytestPathMissing"]);
  });

  it("test_file_path_passes", async () => {
    expect(await lint({ scripts: { "backend:test": "pytest backend/test_max_tools.py -v" }, testFiles: ["test_max_tools.py"] })).toEqual([]);
  });
});

describe("hogli TestNoopDetection", () => {
  it("test_noop_without_test_files_passes", async () => {
    expect(await lint({ scripts: { "backend:test": "echo 'No backend tests'" } })).toEqual([]);
  });

  it("test_noop_with_test_files_fails", async () => {
    const text = messages(await lint({ scripts: { "backend:test": "echo 'No backend tests'" }, testFiles: ["tests/test_something.py"] }));
    expect(text).toContain("is a no-op");
    expect(text).toContain("has tests");
  });
});

describe("hogli TestPipeTrueDetection", () => {
  const script = `${PYTEST} backend/ -v --tb=short`;
  it("test_pipe_true_fails", async () => {
    const text = messages(await lint({ scripts: { "backend:test": `${script} || true` } }));
    expect(text).toContain("|| true");
    expect(text).toContain("swallows");
  });

  it("test_pipe_exit_0_fails", async () => {
    const text = messages(await lint({ scripts: { "backend:test": `${script} || exit 0` } }));
    expect(text).toContain("|| exit 0");
    expect(text).toContain("swallows");
  });

  it("test_no_pipe_true_passes", async () => {
    expect(await lint({ scripts: { "backend:test": script } })).toEqual([]);
  });
});

describe("hogli TestCombinedScenarios", () => {
  it("test_fully_valid_isolated_product", async () => {
    const scripts = { "backend:test": `${PYTEST} backend/tests -v --tb=short`, "backend:contract-check": "echo 'Contract files unchanged'" };
    expect(await lint({ isolated: true, sealed: true, scripts, testFiles: ["tests/test_api.py"] })).toEqual([]);
  });

  it("test_fully_valid_legacy_product", async () => {
    expect(await lint({ scripts: { "backend:test": `${PYTEST} backend/ -v --tb=short` } })).toEqual([]);
  });

  it("test_multiple_issues_reported", async () => {
    const scripts = { "backend:test": `${PYTEST} backend/nonexistent -v --tb=short || true`, "backend:contract-check": "echo 'Contract files unchanged'" };
    const found = await lint({ scripts });
    expect(found.map((finding) => finding.messageId).sort()).toEqual(["notIsolated", "pytestPathMissing", "swallowedFailure"]);
  });
});
