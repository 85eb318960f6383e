/**
 * The real-code tree (PostHog's shapes, written for these tests) lints with no finding: every
 * idiom it holds is one real code has and the plugin must accept. Its Python files are also the
 * undefined-name checker's own test: they define every name they use.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { undefinedNames } from "../support/undefined-names.js";
import plugin from "../../src/index.js";
import { RealCodeTree, REAL_CODE } from "./support.js";

const tree = new RealCodeTree("real-code-clean");
afterAll(() => tree.remove());

function pythonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".py"))
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

describe("the real-code tree", () => {
  it("gives no finding with the recommended config, reverse accessors aside, but the warnings about its legacy tach.toml leaks", async () => {
    // PostHog's tach.toml keeps legacy-leak blocks, on which hogli prints ⚠: warnings, not errors.
    expect(await tree.findings()).toEqual([
      { file: "tach.toml", line: 89, column: 11, rule: "no-legacy-interface-leak", messageId: "legacyLeak" },
      { file: "tach.toml", line: 95, column: 11, rule: "no-legacy-interface-leak", messageId: "legacyLeak" },
      { file: "tach.toml", line: 99, column: 11, rule: "no-legacy-interface-leak", messageId: "legacyLeak" },
    ]);
  });

  it("reports the reverse accessors PostHog's model-crossing baseline counts: product models into core, core into dashboards (and the legacy leaks)", async () => {
    const reported = (await tree.findings(["."], plugin.configs.recommended)).map(({ file, line, rule }) => `${file}:${line} ${rule}`);
    const accessor = (file: string, ...lines: number[]): string[] => lines.map((line) => `${file}:${line} no-cross-product-reverse-accessor`);
    expect(reported.sort()).toEqual(
      [
        ...accessor("posthog/models/team/team.py", 13),
        ...accessor("products/actions/backend/models/action.py", 5),
        ...accessor("products/dashboards/backend/models/dashboard.py", 5),
        ...accessor("products/early_access_features/backend/models.py", 8, 10, 17),
        ...accessor("products/error_tracking/backend/models.py", 10, 19, 20, 28),
        ...accessor("products/experiments/backend/models/experiment.py", 17, 18, 23, 34, 39),
        ...accessor("products/experiments/backend/models/team_experiments_config.py", 7),
        ...accessor("products/feature_flags/backend/models/feature_flag.py", 17, 18, 19, 21, 42),
        ...accessor("products/feature_flags/backend/models/team_feature_flag_defaults_config.py", 5),
        "tach.toml:89 no-legacy-interface-leak",
        "tach.toml:95 no-legacy-interface-leak",
        "tach.toml:99 no-legacy-interface-leak",
      ].sort(),
    );
  });

  it("leaves alone the reverse accessors hogli's baseline freezes, and only those", async () => {
    const baselined = new RealCodeTree("real-code-baseline");
    try {
      // A fresh copy (no index built yet): the new file needs no restore.
      baselined.tree.write(
        "products/model_crossing_uses_baseline.txt",
        [
          "# Disallowed uses of product model classes in consumer code.",
          "feature_flags.FeatureFlag experiments.Experiment.feature_flag reverse-accessor(experiment_set) 1",
          "posthog.Team experiments.Experiment.team reverse-accessor(experiment_set) 1",
          "",
        ].join("\n"),
      );
      const reported = (await baselined.findings(["products/experiments/backend/models/experiment.py"], plugin.configs.recommended)).map(({ line }) => line);
      expect(reported).toEqual([23, 34, 39]);
    } finally {
      baselined.remove();
    }
  });

  it("holds the shapes the suite is about", () => {
    const files = pythonFiles(REAL_CODE);
    expect(files.filter((file) => /\/migrations\/\d{4}_/u.test(file)).length).toBeGreaterThanOrEqual(6);
    const text = (file: string): string => fs.readFileSync(path.join(REAL_CODE, file), "utf8");
    // Same-file class targets, as in PostHog's visual_review.
    expect(text("products/visual_review/backend/models.py").match(/ForeignKey\((?:Repo|Run|Artifact),/gu)?.length).toBeGreaterThanOrEqual(5);
    // Models packages whose __init__.py binds only a config model.
    expect(text("products/feature_flags/backend/models/__init__.py")).not.toContain("FeatureFlag,");
    expect(text("products/experiments/backend/models/__init__.py")).not.toContain("import Experiment");
    expect(text("products/early_access_features/backend/migrations/0001_initial_migration.py")).toContain('to="posthog.featureflag"');
    expect(text("products/error_tracking/backend/models.py")).toContain("ForeignKey(settings.AUTH_USER_MODEL");
    expect(text("posthog/settings/web.py")).toContain('AUTH_USER_MODEL = "posthog.User"');
  });

  it("defines every name its Python files use (pyflakes F821), which the fix checks rely on", () => {
    const undefinedByFile = pythonFiles(REAL_CODE)
      .map((file) => [file, [...(undefinedNames(fs.readFileSync(path.join(REAL_CODE, file), "utf8"))?.keys() ?? [])]] as const)
      .filter(([, names]) => names.length > 0);
    expect(undefinedByFile).toEqual([]);
  });

  it("the checker sees undefined names: in code, in string annotations, across scopes", () => {
    expect([...undefinedNames('def f(team: "Team") -> None:\n    return helper(team)\n')!.keys()].sort()).toEqual(["Team", "helper"]);
    expect([...undefinedNames("class A:\n    X = 1\n    def f(self):\n        return X\n")!.keys()]).toEqual(["X"]);
    expect([...undefinedNames("if TYPE_CHECKING:\n    from x import T\n")!.keys()]).toEqual(["TYPE_CHECKING"]);
    expect(undefinedNames("from x import *\nanything\n")).toBeNull();
  });
});
