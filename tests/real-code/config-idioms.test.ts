/**
 * The repository's own configuration as real repositories have it: a partly invalid
 * db_routing.yaml, a broken tach.toml (each reported in itself), product package.json scripts,
 * and bad plugin settings.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runEslintCli } from "../support/example-tree.js";
import { RealCodeTree } from "./support.js";

const tree = new RealCodeTree("real-code-config");
afterEach(() => tree.restore());
afterAll(() => tree.remove());

const ROUTING = "products/db_routing.yaml";

/** The findings of the tree but the warnings about its legacy tach.toml leaks (see clean-tree.test.ts). */
async function findingsButLeaks(): Promise<Awaited<ReturnType<RealCodeTree["findings"]>>> {
  return (await tree.findings()).filter((finding) => finding.rule !== "no-legacy-interface-leak");
}

describe("a partly invalid products/db_routing.yaml", () => {
  it("an entry without a database: reported in db_routing.yaml once, the valid routes are used elsewhere", async () => {
    tree.write(ROUTING, `${tree.read(ROUTING)}    - app_label: orchestra\n`);
    expect(await findingsButLeaks()).toEqual([
      { file: ROUTING, line: 7, column: 7, rule: "valid-db-routing", messageId: "missingKey" },
      { file: ROUTING, line: 7, column: 18, rule: "valid-db-routing", messageId: "unknownApp" },
    ]);
  });

  it("an app routed to two databases: one message, in db_routing.yaml; its models are not checked, and nothing names the file", async () => {
    tree.write(ROUTING, `${tree.read(ROUTING)}    - app_label: visual_review\n      database: visual_review_v2\n`);
    expect(await findingsButLeaks()).toEqual([{ file: ROUTING, line: 7, column: 18, rule: "valid-db-routing", messageId: "routedTwice" }]);
    const [message] = (await tree.messages(ROUTING)).map((m) => m.message);
    expect(message).toBe('App "visual_review" is routed to "visual_review_v2" here and to "visual_review" on line 3: route it to one database (posthog.E003).');
  });
});

describe("a broken tach.toml", () => {
  it("is reported once, in tach.toml, and in no package.json", async () => {
    tree.write("tach.toml", `${tree.read("tach.toml")}\n[[interfaces]\n`);
    const findings = await tree.findings();
    expect(findings).toEqual([{ file: "tach.toml", line: 103, column: 1, rule: "(parser)", messageId: expect.stringMatching(/^Parsing error: /u) }]);
  });
});

describe("product package.json scripts", () => {
  const PACKAGE = "products/actions/package.json";
  const TEST = "pytest -c ../../pytest.ini --rootdir ../.. backend/ -v --tb=short";
  const original = tree.read(PACKAGE);
  const withTest = (script: string): string => original.replace(`"backend:test": "${TEST}"`, `"backend:test": ${JSON.stringify(script)}`);

  it("`|| true` swallows failures: the fix removes it", async () => {
    tree.write(PACKAGE, withTest(`${TEST} --no-header -q || true`));
    expect(await tree.findings([PACKAGE])).toEqual([{ file: PACKAGE, line: 4, column: 107, rule: "no-swallowed-test-failures", messageId: "swallowedFailure" }]);
    expect(await tree.fixed(PACKAGE)).toContain(`"backend:test": "${TEST} --no-header -q"`);
  });

  it("a pipe into tee, a trailing echo and a background run hide pytest's status", async () => {
    tree.write(PACKAGE, withTest(`${TEST} | tee out.log`));
    expect((await tree.findings([PACKAGE])).map((finding) => finding.messageId)).toEqual(["pipedStatus"]);
    tree.write(PACKAGE, withTest(`${TEST}; echo done`));
    expect((await tree.findings([PACKAGE])).map((finding) => finding.messageId)).toEqual(["swallowedFailure"]);
    expect(await tree.fixed(PACKAGE)).toContain(`"backend:test": "${TEST}"`);
    tree.write(PACKAGE, withTest(`${TEST} & wait`));
    expect((await tree.findings([PACKAGE])).map((finding) => finding.messageId)).toEqual(["backgroundStatus"]);
    // Suggestions only: --fix leaves the script as it is.
    expect(await tree.fixed(PACKAGE)).toContain(`"backend:test": "${TEST} & wait"`);
  });

  it("adding backend:contract-check is a suggestion, never applied by --fix", async () => {
    const file = "products/visual_review/package.json";
    tree.write(file, tree.read(file).replace(/\n\s*"backend:contract-check": "echo 'Contract files unchanged'",/u, ""));
    const messages = await tree.messages(file);
    expect(messages.map(({ messageId, fix, suggestions }) => ({ messageId, fixable: fix !== undefined, suggestions: suggestions?.length }))).toEqual([
      { messageId: "missingContractCheck", fixable: false, suggestions: 1 },
    ]);
    expect(await tree.fixed(file)).not.toContain("backend:contract-check");
  });
});

describe("bad plugin settings are one configuration error (exit code 2, no stack trace)", () => {
  const configWith = (settings: string): string =>
    `import posthogProducts from "eslint-plugin-posthog-products";\n\nexport default [...posthogProducts.configs.recommended, { settings: { "posthog-products": ${settings} } }];\n`;

  it.each([
    ["a root of the wrong type", "{ root: 42 }", 'settings["posthog-products"].root must be a folder path (a non-empty string), got 42.'],
    ["a root that does not exist", '{ root: "missing" }', 'settings["posthog-products"].root is "missing" ('],
    ["a root that is not a repository", '{ root: "posthog" }', 'which has no products/ tree (products/db_routing.yaml, or products/<p>/backend/apps.py or package.json).'],
    ["an unknown setting", '{ rooot: "." }', 'Unknown setting settings["posthog-products"].rooot: the settings are root, authUserModel, repositoryFingerprint.'],
    ["a user model that is not a label", '{ authUserModel: "User" }', 'settings["posthog-products"].authUserModel must be a model label like "posthog.User", got "User".'],
  ])("%s", async (_what, settings, expected) => {
    tree.write("eslint.config.js", configWith(settings));
    const run = await runEslintCli(tree.dir, ["products/actions/backend/models/action.py"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(expected);
    expect(run.stderr).not.toMatch(/^\s+at /mu);
  });
});
