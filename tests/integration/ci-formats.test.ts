/**
 * The plugin as a CI step: the real ESLint CLI on a copy of examples/posthog-mini with the
 * README's one-line config, `--format json`, SARIF for GitHub code scanning
 * (`@microsoft/eslint-formatter-sarif`), exit codes and `--max-warnings 0`.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyExampleTree, findingsOf, runEslintCli, type CliRun, type ExampleTree } from "../support/example-tree.js";
import { EXAMPLE_DIR } from "../support/paths.js";
import plugin from "../../src/index.js";

interface JsonResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  messages: Array<{ ruleId: string | null; line: number; column: number; severity: number; message: string; fatal?: boolean }>;
}

interface Expected {
  rule: string;
  file: string;
  line: number;
  endLine?: number;
}

/** The recommended config with every rule downgraded to "warn" (what a team adopting the rules gradually might use). */
const WARNINGS_CONFIG = `import posthogProducts from "eslint-plugin-posthog-products";

export default posthogProducts.configs.recommended.map((config) => ({
  ...config,
  rules: Object.fromEntries(Object.keys(config.rules).map((rule) => [rule, "warn"])),
}));
`;

/** The rules the configs turn on as warnings (`docs.severity: "warn"`): their findings are notes. */
const WARNING_RULES = new Set(
  Object.entries(plugin.rules)
    .filter(([, rule]) => (rule.meta?.docs as { severity?: string } | undefined)?.severity === "warn")
    .map(([name]) => `posthog-products/${name}`),
);

const expected = (JSON.parse(fs.readFileSync(path.join(EXAMPLE_DIR, "expected-violations.json"), "utf8")) as { violations: Expected[] }).violations;

let tree: ExampleTree;
let json: CliRun;
let sarif: CliRun;
let warnings: CliRun;
let maxWarnings: CliRun;
let badConfig: CliRun;

beforeAll(async () => {
  tree = copyExampleTree("ci-formats");
  tree.write("eslint.warnings.config.js", WARNINGS_CONFIG);
  // Independent runs: in parallel, each bounded by runEslintCli's timeout.
  [json, sarif, warnings, maxWarnings, badConfig] = await Promise.all([
    runEslintCli(tree.dir, [".", "--format", "json"]),
    runEslintCli(tree.dir, [".", "--format", "@microsoft/eslint-formatter-sarif", "--output-file", "eslint.sarif"]),
    runEslintCli(tree.dir, [".", "--config", "eslint.warnings.config.js", "--format", "json"]),
    runEslintCli(tree.dir, [".", "--config", "eslint.warnings.config.js", "--max-warnings", "0"]),
    runEslintCli(tree.dir, [".", "--config", "does-not-exist.config.js"]),
  ]);
}, 60_000);

afterAll(() => tree?.remove());

describe("eslint --format json", () => {
  it("exits 1 (errors found) and prints every deliberate violation of the example, and nothing else", () => {
    expect(json.stderr).toBe("");
    expect(json.code).toBe(1);
    const results = JSON.parse(json.stdout) as JsonResult[];
    const found = findingsOf(results, tree.dir).map((finding) => {
      const [location, rule] = finding.split(" ");
      const [file, line] = location.split(":");
      return { file, line: Number(line), rule };
    });
    const covers = (v: Expected, f: { file: string; line: number; rule: string }): boolean =>
      v.file === f.file && v.rule === f.rule && f.line >= v.line && f.line <= (v.endLine ?? v.line);
    expect(expected.filter((v) => !found.some((f) => covers(v, f)))).toEqual([]);
    expect(found.filter((f) => !expected.some((v) => covers(v, f)))).toEqual([]);
    expect(results.reduce((sum, r) => sum + r.fatalErrorCount, 0)).toBe(0);
    // Warnings come from the rules the configs turn on as warnings, errors from every other rule.
    const messages = results.flatMap((r) => r.messages);
    expect(messages.filter((m) => (m.severity === 1) !== WARNING_RULES.has(m.ruleId ?? ""))).toEqual([]);
    expect(new Set(messages.filter((m) => m.severity === 1).map((m) => m.ruleId))).toEqual(WARNING_RULES);
    // Python files, product package.json files and the two config files are linted.
    expect(results.some((r) => r.filePath.endsWith(`${path.sep}db_routing.yaml`))).toBe(true);
    expect(results.some((r) => r.filePath.endsWith(`${path.sep}tach.toml`))).toBe(true);
    expect(results.some((r) => r.filePath.endsWith(`${path.sep}models.py`))).toBe(true);
    expect(results.filter((r) => /products[\\/][^\\/]+[\\/]package\.json$/u.test(r.filePath))).toHaveLength(6);
  });
});

describe("SARIF for GitHub code scanning (--format @microsoft/eslint-formatter-sarif)", () => {
  it("writes a valid SARIF 2.1.0 log with the findings, their rules and locations, and exits 1", () => {
    expect(sarif.code).toBe(1);
    expect(sarif.stdout).toBe("");
    const log = JSON.parse(tree.read("eslint.sarif")) as {
      version: string;
      $schema: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string; helpUri?: string; shortDescription?: { text: string } }> } };
        results: Array<{
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
        }>;
      }>;
    };
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0/u);
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe("ESLint");

    const jsonResults = JSON.parse(json.stdout) as JsonResult[];
    const jsonCount = jsonResults.reduce((sum, r) => sum + r.messages.length, 0);
    expect(run.results).toHaveLength(jsonCount);
    const ruleIds = new Set(run.results.map((r) => r.ruleId));
    expect([...ruleIds].sort()).toEqual([...new Set(expected.map((v) => v.rule))].sort());
    for (const result of run.results) {
      expect(result.ruleId).toMatch(/^posthog-products\//u);
      expect(result.level).toBe(WARNING_RULES.has(result.ruleId) ? "warning" : "error");
      expect(result.message.text.length).toBeGreaterThan(0);
      // The rule entry the result points at carries the rule's docs link and description.
      const rule = run.tool.driver.rules[result.ruleIndex];
      expect(rule.id).toBe(result.ruleId);
      expect(rule.helpUri).toMatch(new RegExp(`docs/rules/${result.ruleId.split("/")[1]}\\.md$`, "u"));
      expect(rule.shortDescription?.text.length).toBeGreaterThan(0);
      const [location] = result.locations;
      expect(location.physicalLocation.artifactLocation.uri.startsWith(pathToFileURL(tree.dir).href + "/")).toBe(true);
      expect(location.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
    const fk = run.results.find((r) => r.ruleId === "posthog-products/string-fk-labels" && r.locations[0].physicalLocation.artifactLocation.uri.endsWith("/products/experiments/backend/models.py"));
    expect(fk?.locations[0].physicalLocation.region).toMatchObject({ startLine: 29, startColumn: 38 });
  });
});

describe("exit codes and --max-warnings", () => {
  it("exits 0 when there are only warnings", () => {
    expect(warnings.stderr).toBe("");
    expect(warnings.code).toBe(0);
    const results = JSON.parse(warnings.stdout) as JsonResult[];
    expect(results.reduce((sum, r) => sum + r.errorCount, 0)).toBe(0);
    // Every finding of the default run (errors, and the rules that warn already) is a warning here.
    expect(results.reduce((sum, r) => sum + r.warningCount, 0)).toBe((JSON.parse(json.stdout) as JsonResult[]).reduce((sum, r) => sum + r.errorCount + r.warningCount, 0));
  });

  it("exits 1 with --max-warnings 0 when there are warnings", () => {
    expect(maxWarnings.code).toBe(1);
    expect(maxWarnings.stderr).toMatch(/ESLint found too many warnings \(maximum: 0\)/u);
    expect(maxWarnings.stdout).toMatch(/\(0 errors, \d+ warnings\)/u);
  });

  it("exits 2 when ESLint itself fails (here: a missing config file)", () => {
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr.length).toBeGreaterThan(0);
  });
});
