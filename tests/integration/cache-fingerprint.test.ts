/**
 * ESLint's `--cache` keys a file's result on that file and a hash of its config. The rules also
 * read other files (db_routing.yaml, tach.toml, apps.py, models modules, product package.json),
 * so the recommended config carries a fingerprint of those in its settings: a change to one
 * changes the config hash and invalidates the cache. Also: `--concurrency 2` gives the same
 * findings as a single thread.
 */
import { ESLint } from "eslint";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin, { repoFingerprint } from "../../src/index.js";
import { createConfigs } from "../../src/configs/index.js";
import { setIndexRefreshInterval } from "../../src/project/index.js";
import { NO_REPOSITORY, repositoryFingerprintFor } from "../../src/configs/fingerprint-setting.js";
import { copyExampleTree, findingsOf, runEslintCli, type CliRun, type ExampleTree } from "../support/example-tree.js";
import { TMP_ROOT } from "../support/paths.js";

/** The recommended config without the fingerprint: what `--cache` would see without it. */
const NO_FINGERPRINT_CONFIG = `import posthogProducts from "eslint-plugin-posthog-products";

export default posthogProducts.configs.recommended.map(({ settings, ...config }) => config);
`;

const EXPERIMENTS_ROUTE = "  - app_label: experiments\n    database: experiments\n";
const CROSS_DB_IN_EXPERIMENTS = [
  "products/experiments/backend/models.py:12 posthog-products/no-cross-db-fk",
  "products/experiments/backend/models.py:26 posthog-products/no-cross-db-fk",
  "products/experiments/backend/models.py:29 posthog-products/no-cross-db-fk",
  "products/experiments/backend/models.py:57 posthog-products/no-cross-db-fk",
  // Queries that join experiments to feature_flags now cross databases too.
  "products/experiments/backend/api.py:29 posthog-products/no-cross-db-query",
  "products/experiments/backend/logic.py:25 posthog-products/no-cross-db-query",
];

const trees: ExampleTree[] = [];
// The fingerprints below are computed in this process, right after an edit: no stale index.
beforeAll(() => setIndexRefreshInterval(0));
afterAll(() => {
  setIndexRefreshInterval(200);
  trees.forEach((tree) => tree.remove());
});

function tree(prefix: string, config?: string): ExampleTree {
  const created = copyExampleTree(prefix, config);
  trees.push(created);
  return created;
}

function findings(run: CliRun, dir: string): string[] {
  expect(run.stderr.replace(/^.*ESLintPoorConcurrencyWarning.*\n|^\(Use `node --trace-warnings.*\n/gmu, "")).toBe("");
  expect(run.code).toBe(1);
  return findingsOf(JSON.parse(run.stdout), dir);
}

// Not the default `.eslintcache`: a run without --cache deletes that file, and the control
// below runs one concurrently.
const CACHE_FILE = ".cache/eslint.json";
const lintCached = (dir: string): Promise<CliRun> => runEslintCli(dir, [".", "--format", "json", "--cache", "--cache-location", CACHE_FILE]);

/** Adds the experiments route to db_routing.yaml (its size changes, so any stat notices). */
function routeExperiments(target: ExampleTree): void {
  target.write("products/db_routing.yaml", target.read("products/db_routing.yaml") + EXPERIMENTS_ROUTE);
}

describe("--cache with the recommended config", () => {
  it("re-lints when products/db_routing.yaml changes (and, without the fingerprint, would not)", async () => {
    const withFingerprint = tree("cache");
    const without = tree("cache-nofp", NO_FINGERPRINT_CONFIG);

    const [before, beforeControl] = await Promise.all([lintCached(withFingerprint.dir), lintCached(without.dir)]);
    const baseline = findings(before, withFingerprint.dir);
    expect(findings(beforeControl, without.dir)).toEqual(baseline);
    expect(baseline).not.toEqual(expect.arrayContaining(CROSS_DB_IN_EXPERIMENTS));
    const cacheFile = path.join(withFingerprint.dir, CACHE_FILE);
    expect(fs.readFileSync(cacheFile, "utf8")).toContain("products/experiments/backend/models.py");

    routeExperiments(withFingerprint);
    routeExperiments(without);
    const [after, afterControl, uncachedControl] = await Promise.all([
      lintCached(withFingerprint.dir),
      lintCached(without.dir),
      runEslintCli(without.dir, [".", "--format", "json"]),
    ]);

    // The fingerprint changed the config hash: cached results were dropped, the new route is seen.
    const changed = findings(after, withFingerprint.dir);
    expect(changed).toEqual([...baseline, ...CROSS_DB_IN_EXPERIMENTS].sort());
    // Control: the same change with a config that does not carry the fingerprint leaves
    // ESLint's cache serving the stale results (no linted file changed). This is the problem
    // the fingerprint solves, and it shows that the cache was really used.
    expect(findings(afterControl, without.dir)).toEqual(baseline);
    // Linting the control without --cache sees the change: the stale result was the cache's.
    expect(findings(uncachedControl, without.dir)).toEqual(changed);
  }, 60_000);
});

/** Lints a tree with --cache, applies `edit`, lints again: the findings before and after. */
async function cachedBeforeAfter(prefix: string, edit: (target: ExampleTree) => void): Promise<{ before: string[]; after: string[]; uncached: string[] }> {
  const target = tree(prefix);
  const before = findings(await lintCached(target.dir), target.dir);
  edit(target);
  const after = findings(await lintCached(target.dir), target.dir);
  const uncached = findings(await runEslintCli(target.dir, [".", "--format", "json"]), target.dir);
  return { before, after, uncached };
}

describe("--cache and the config files", () => {
  it("re-lints a product package.json when tach.toml changes", async () => {
    // A legacy leak of visual_review: its package.json no longer needs backend:contract-check.
    const leak = '\n[[interfaces]]\nexpose = ["backend\\\\.models.*"]\nfrom = ["products.visual_review"]\n';
    const { before, after, uncached } = await cachedBeforeAfter("cache-tach", (target) => target.write("tach.toml", target.read("tach.toml") + leak));
    expect(before).toContain("products/visual_review/package.json:3 posthog-products/contract-check-consistency");
    expect(after).not.toContain("products/visual_review/package.json:3 posthog-products/contract-check-consistency");
    expect(after).toContain("tach.toml:139 posthog-products/no-legacy-interface-leak");
    expect(after).toEqual(uncached);
  }, 60_000);

  it("re-lints db_routing.yaml and tach.toml when a file they read changes (a new product app), though neither changed", async () => {
    const apps = 'from django.apps import AppConfig\n\n\nclass EarlyAccessFeatureConfig(AppConfig):\n    name = "products.early_access_feature.backend"\n    label = "early_access_feature"\n';
    const { before, after, uncached } = await cachedBeforeAfter("cache-config-files", (target) => {
      fs.mkdirSync(target.file("products/early_access_feature/backend"), { recursive: true });
      target.write("products/early_access_feature/__init__.py", "");
      target.write("products/early_access_feature/backend/__init__.py", "");
      target.write("products/early_access_feature/backend/apps.py", apps);
    });
    // The route of early_access_feature names an app now; the new product has no [[modules]] block.
    expect(before).toContain("products/db_routing.yaml:11 posthog-products/valid-db-routing");
    expect(after).not.toContain("products/db_routing.yaml:11 posthog-products/valid-db-routing");
    expect(before).not.toContain("tach.toml:1 posthog-products/valid-tach-toml");
    expect(after).toContain("tach.toml:1 posthog-products/valid-tach-toml");
    expect(after).toEqual(uncached);
  }, 60_000);
});

describe("the repository fingerprint in the recommended config", () => {
  const fingerprintOf = (dir: string): unknown => {
    const configs = createConfigs(plugin, { cwd: dir }).recommended;
    const values = configs.map((config) => (config.settings?.["posthog-products"] as { repositoryFingerprint?: unknown }).repositoryFingerprint);
    expect(new Set(values).size).toBe(1);
    // Computed when ESLint serializes the config to hash it (only --cache does).
    return JSON.parse(JSON.stringify(values[0]));
  };

  it("is in the settings of both recommended config objects, computed from ESLint's working directory", () => {
    const example = tree("fingerprint");
    const value = fingerprintOf(example.dir);
    expect(value).toMatch(/^[0-9a-f]{16}$/u);
    // What the README tells users to compute themselves when ESLint runs outside the repository.
    expect(repoFingerprint(example.dir)).toBe(value);
    // A working directory inside the repository finds the same root.
    expect(fingerprintOf(example.file("products/experiments"))).toBe(value);
    // The plugin's own config was computed from process.cwd() when the module loaded.
    expect(JSON.parse(JSON.stringify(plugin.configs.recommended[0].settings?.["posthog-products"]))).toEqual({ repositoryFingerprint: repositoryFingerprintFor(process.cwd()) });
  });

  it("is computed when the config is serialized, not when it is built", () => {
    const example = tree("fingerprint-lazy");
    const [config] = createConfigs(plugin, { cwd: example.dir }).recommended;
    const value = (config!.settings?.["posthog-products"] as { repositoryFingerprint: unknown }).repositoryFingerprint;
    const before = repoFingerprint(example.dir);
    const models = "products/experiments/backend/models.py";
    example.write(models, `${example.read(models)}\n\nclass ExperimentNote(models.Model):\n    text = models.TextField()\n`);
    const serialized = JSON.parse(JSON.stringify(value));
    expect(serialized).not.toBe(before);
    expect(serialized).toBe(repoFingerprint(example.dir));
  });

  it("survives ESLint's merge of the settings of several config objects", async () => {
    const example = tree("fingerprint-merge");
    const eslint = new ESLint({
      cwd: example.dir,
      overrideConfigFile: true,
      overrideConfig: [...createConfigs(plugin, { cwd: example.dir }).recommended, { settings: { "posthog-products": { root: "." } } }],
    });
    const config = (await eslint.calculateConfigForFile(example.file("products/experiments/backend/models.py"))) as { settings: Record<string, unknown> };
    expect(JSON.parse(JSON.stringify(config.settings["posthog-products"]))).toEqual({ root: ".", repositoryFingerprint: repoFingerprint(example.dir) });
  });

  it("is 'no-repository' outside a repository with products/", () => {
    fs.mkdirSync(TMP_ROOT, { recursive: true });
    const empty = fs.mkdtempSync(path.join(TMP_ROOT, "empty-"));
    trees.push({ dir: empty, file: (r) => path.join(empty, r), read: () => "", write: () => {}, remove: () => fs.rmSync(empty, { recursive: true, force: true }) });
    expect(fingerprintOf(empty)).toBe(NO_REPOSITORY);
  });

  it.each([
    ["products/db_routing.yaml", (text: string) => text + EXPERIMENTS_ROUTE],
    ["tach.toml", (text: string) => text.replace('"backend\\\\.facade.*"', '"backend\\\\.facade.*",\n    "backend\\\\.logic.*"')],
    ["tach.toml", (text: string) => text.replace('path = "products.web_analytics"', 'path = "products.web_analytics"\nlayer = "modules"\n\n[[modules]]\npath = "products.web_analytics.backend"')],
    ["pyproject.toml", (text: string) => text.replace('"products.**.backend.routes -> products.**.backend.presentation.**",', '"products.**.backend.routes -> products.**.backend.presentation.**",\n    "products.experiments.backend.routes -> products.experiments.backend.api",')],
    ["products/feature_flags/backend/apps.py", (text: string) => text.replace('label = "feature_flags"', 'label = "flags"')],
    ["products/feature_flags/backend/models.py", (text: string) => `${text}\n\nclass Extra(models.Model):\n    pass\n`],
    ["ee/models/license.py", (text: string) => text.replace("class License(", "class EnterpriseLicense(")],
    ["products/web_analytics/package.json", (text: string) => text.replace('"frontend:typegen"', '"backend:lint": "ruff check backend",\n        "frontend:typegen"')],
    ["products/visual_review/turbo.json", (text: string) => text.replace('"backend/migrations/**"', '"backend/migrations/**", "backend/routes.py"')],
    ["posthog/settings/web.py", (text: string) => text.replace('    "products.experiments.backend.apps.ExperimentsConfig",\n', "")],
    ["frontend/package.json", (text: string) => text.replace('        "@posthog/products-experiment": "workspace:*",\n', "")],
    ["products/early_access_features/backend/facade/queries.py", (text: string) => text.replace("from ..models import EarlyAccessFeature", "from .contracts import EarlyAccessFeatureSummary as EarlyAccessFeature")],
    ["products/early_access_features/backend/facade/api.py", (text: string) => text.replace("def list_features(", "def list_features(:")],
    // The orphaned test module no longer defines a test (no-orphaned-test-files drops its suggestion).
    ["products/early_access_features/backend/tests/test_logic.py", (text: string) => text.replaceAll("def test_", "def check_")],
    // The same names bound; what the module hands out changes (a name re-imported from contracts).
    ["products/early_access_features/backend/facade/api.py", (text: string) => text.replace("from ..models import EarlyAccessFeature", "from .contracts import EarlyAccessFeature")],
  ])("changes when a fact of %s changes", (relative, edit) => {
    const example = tree("fingerprint-edit");
    const before = fingerprintOf(example.dir);
    const text = example.read(relative);
    expect(edit(text)).not.toBe(text);
    example.write(relative, edit(text));
    expect(fingerprintOf(example.dir)).not.toBe(before);
  });

  it.each([
    ["a new test file", (example: ExampleTree) => example.write("products/experiments/backend/tests/test_new.py", "def test_new() -> None:\n    pass\n")],
    ["a new migrations package", (example: ExampleTree) => {
      fs.mkdirSync(example.file("products/experiments/backend/migrations"));
      example.write("products/experiments/backend/migrations/__init__.py", "");
    }],
    ["a product.yaml removed", (example: ExampleTree) => fs.rmSync(example.file("products/web_analytics/product.yaml"))],
    ["a module at the backend root", (example: ExampleTree) => example.write("products/visual_review/backend/views.py", "")],
  ])("changes with %s", (_, change) => {
    const example = tree("fingerprint-layout");
    const before = fingerprintOf(example.dir);
    change(example);
    expect(fingerprintOf(example.dir)).not.toBe(before);
  });

  it("changes when the package an AppConfig name points at appears (product-naming's fix becomes a suggestion)", () => {
    const example = tree("fingerprint-app-name");
    const apps = "products/experiments/backend/apps.py";
    example.write(apps, example.read(apps).replace('name = "products.experiments.backend"', 'name = "posthog.experiments"'));
    const before = fingerprintOf(example.dir);
    // A folder nothing else of the index reads: only where the name leads changes.
    fs.mkdirSync(example.file("posthog/experiments"));
    expect(fingerprintOf(example.dir)).not.toBe(before);
  });

  it("is the same on another checkout of the same files (contents, not mtimes: a CI cache survives a fresh clone)", () => {
    const first = tree("fingerprint-a");
    const second = tree("fingerprint-b");
    const later = new Date(Date.now() + 60_000);
    for (const relative of ["products/db_routing.yaml", "tach.toml", "products/experiments/backend/models.py", "products/experiments/package.json"]) {
      fs.utimesSync(second.file(relative), later, later);
    }
    expect(fingerprintOf(second.dir)).toBe(fingerprintOf(first.dir));
  });

  it.each([
    ["products/feature_flags/backend/apps.py", (text: string) => `${text}\n# touched\n`],
    ["products/early_access_features/backend/tests/test_logic.py", (text: string) => `${text}\n# touched\n`],
    ["products/feature_flags/backend/models.py", (text: string) => text.replace("class FeatureFlag(", "# flags\nclass FeatureFlag(")],
    ["ee/models/license.py", (text: string) => `${text}\n# touched\n`],
    ["products/web_analytics/package.json", (text: string) => text.replace("{", '{\n    "private": true,')],
    ["pyproject.toml", (text: string) => text.replace("line-length = 120", "line-length = 100")],
    // The rules read product.yaml and the rest of turbo.json as linted files, not as facts.
    ["products/web_analytics/product.yaml", (text: string) => text.replace("team-CHANGEME", "team-web-analytics")],
    ["products/visual_review/turbo.json", (text: string) => text.replace('"cache": true', '"cache": false')],
  ])("does not change when an edit of %s changes no fact", (relative, edit) => {
    const example = tree("fingerprint-same-fact");
    const before = fingerprintOf(example.dir);
    const text = example.read(relative);
    expect(edit(text)).not.toBe(text);
    example.write(relative, edit(text));
    expect(fingerprintOf(example.dir)).toBe(before);
  });

  it("does not change when a linted file that the rules do not index changes", () => {
    const example = tree("fingerprint-same");
    const before = fingerprintOf(example.dir);
    example.write("products/experiments/backend/logic.py", `${example.read("products/experiments/backend/logic.py")}\n# touched\n`);
    expect(fingerprintOf(example.dir)).toBe(before);
  });
});

describe("--concurrency 2", () => {
  it("reports exactly what a single thread reports", async () => {
    const example = tree("concurrency");
    const [single, parallel] = await Promise.all([
      runEslintCli(example.dir, [".", "--format", "json", "--concurrency", "off"]),
      runEslintCli(example.dir, [".", "--format", "json", "--concurrency", "2"]),
    ]);
    const strip = (run: CliRun): unknown =>
      (JSON.parse(run.stdout) as Array<{ filePath: string; messages: unknown[] }>).map(({ filePath, messages }) => ({ filePath, messages }));
    expect(findings(parallel, example.dir).length).toBeGreaterThan(0);
    expect(strip(parallel)).toEqual(strip(single));
    expect(findings(single, example.dir)).toEqual(findings(parallel, example.dir));
  }, 60_000);
});
