import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  appOfFile,
  appOfModule,
  clearRepoIndexCache,
  getRepoIndex,
  moduleOfFile,
  factsFingerprint,
  resolveModelImport,
  resolveRelativeImport,
  setIndexRefreshInterval,
  type RepoIndex,
} from "../../src/project/index.js";
import { Confiner } from "../../src/project/confine.js";
import { isWithinModule } from "../../src/languages/python/syntax/index.js";
import { moduleReadFromLargeFile, retainedHeapBytes } from "../support/heap.js";

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "repo-basic");
const cwd = process.cwd();

const tempDirs: string[] = [];

/** A fresh directory under the OS temp dir (realpath: macOS' /var is a symlink). */
function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "posthog-products-index-")));
  tempDirs.push(dir);
  return dir;
}

/** A writable copy of the fixture. */
function copyFixture(): string {
  const dir = tempDir();
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function write(root: string, relative: string, text: string): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function indexOf(root: string, file = "products/feature_flags/backend/models.py"): RepoIndex {
  const index = getRepoIndex(path.join(root, file), { cwd: root });
  expect(index).not.toBeNull();
  return index!;
}

function problemsOf(index: RepoIndex): string[] {
  return index.problems.map((problem) => problem.message);
}

beforeEach(() => {
  clearRepoIndexCache();
  setIndexRefreshInterval(200);
});

afterEach(() => {
  setIndexRefreshInterval(200);
  clearRepoIndexCache();
});

afterAll(() => {
  for (const dir of tempDirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
});

describe("repository root", () => {
  it("is the nearest ancestor with a products/ directory", () => {
    const fromPython = getRepoIndex(path.join(FIXTURE, "products/experiments/backend/models/experiment.py"), { cwd });
    expect(fromPython?.root).toBe(FIXTURE);
    const fromPackageJson = getRepoIndex(path.join(FIXTURE, "products/web_vitals/package.json"), { cwd });
    expect(fromPackageJson).toBe(fromPython);
    const fromRootFile = getRepoIndex(path.join(FIXTURE, "manage.py"), { cwd });
    expect(fromRootFile).toBe(fromPython);
  });

  it("resolves a relative filename against cwd", () => {
    const index = getRepoIndex("products/feature_flags/backend/models.py", { cwd: FIXTURE });
    expect(index?.root).toBe(FIXTURE);
  });

  it("a file deeper than a folder already looked up still finds a nearer repository, and the walk does not check a folder twice", () => {
    const outer = tempDir();
    write(outer, "products/db_routing.yaml", "routes: []\n");
    write(outer, "tools/vendored/products/db_routing.yaml", "routes: []\n");
    const statSync = vi.spyOn(fs, "statSync");
    try {
      expect(getRepoIndex(path.join(outer, "tools/a/b/c.py"), { cwd: outer })?.root).toBe(outer);
      const checked = (dir: string): number => statSync.mock.calls.filter(([target]) => target === path.join(dir, "products")).length;
      expect(checked(path.join(outer, "tools"))).toBe(1);
      // Its sibling's walk stops at tools/a, whose root the first walk found: nothing above it is checked again.
      expect(getRepoIndex(path.join(outer, "tools/a/d/e.py"), { cwd: outer })?.root).toBe(outer);
      expect(checked(path.join(outer, "tools/a/d"))).toBe(1);
      expect(checked(path.join(outer, "tools/a"))).toBe(1);
      expect(checked(path.join(outer, "tools"))).toBe(1);
      // tools/ was looked up with the outer root, but a folder below it that holds its own products tree is the nearer root.
      expect(getRepoIndex(path.join(outer, "tools/vendored/x.py"), { cwd: outer })?.root).toBe(path.join(outer, "tools/vendored"));
    } finally {
      statSync.mockRestore();
    }
  });

  it("is null when no ancestor has products/", () => {
    const dir = tempDir();
    write(dir, "src/app/models.py", "class A: pass\n");
    expect(getRepoIndex(path.join(dir, "src/app/models.py"), { cwd: dir })).toBeNull();
  });

  it("uses settings.root, resolved against cwd", () => {
    const outside = tempDir();
    const index = getRepoIndex(path.join(outside, "x.py"), {
      cwd: path.dirname(FIXTURE),
      settings: { root: "repo-basic" },
    });
    expect(index?.root).toBe(FIXTURE);
  });

  it("a root setting that is not a folder, or not a repository with a products tree, is a configuration error", () => {
    const file = path.join(FIXTURE, "posthog/apps.py");
    expect(() => getRepoIndex(file, { cwd: FIXTURE, settings: { root: "does-not-exist" } })).toThrow(
      `settings["posthog-products"].root is "does-not-exist" (${path.join(FIXTURE, "does-not-exist")}): no such folder.`,
    );
    const notARepository = tempDir();
    fs.mkdirSync(path.join(notARepository, "products"));
    expect(() => getRepoIndex(file, { cwd: FIXTURE, settings: { root: notARepository } })).toThrow(
      `settings["posthog-products"].root is "${notARepository}", which has no products/ tree (products/db_routing.yaml, or products/<p>/backend/apps.py or package.json).`,
    );
  });

  it("an empty or unrelated products/ folder below the repository root does not become the root", () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, "products", "alpha", "backend"), { recursive: true });
    fs.writeFileSync(path.join(root, "products", "alpha", "backend", "apps.py"), "");
    fs.mkdirSync(path.join(root, "ee", "clickhouse", "products"), { recursive: true });
    const nested = path.join(root, "ee", "clickhouse", "products", "queries.py");
    expect(getRepoIndex(nested, { cwd: root })?.root).toBe(root);
    // A products/ folder with only a db_routing.yaml is a products tree too.
    const routed = tempDir();
    fs.mkdirSync(path.join(routed, "products"));
    fs.writeFileSync(path.join(routed, "products", "db_routing.yaml"), "routes: []\n");
    expect(getRepoIndex(path.join(routed, "x.py"), { cwd: routed })?.root).toBe(routed);
  });

  it("builds once per root and reuses the index", () => {
    const first = indexOf(FIXTURE);
    const second = indexOf(FIXTURE, "posthog/models/user.py");
    expect(second).toBe(first);
  });
});

describe("the fixture index", () => {
  const index = (): RepoIndex => indexOf(FIXTURE);

  it("has no problems", () => {
    expect(index().problems).toEqual([]);
  });

  it("lists every product folder", () => {
    expect([...index().products.keys()]).toEqual(["experiments", "feature_flags", "surveys", "visual_review", "web_vitals"]);
  });

  it("reads product apps with their AppConfig", () => {
    const app = index().apps.get("feature_flags")!;
    expect(app).toMatchObject({
      label: "feature_flags",
      module: "products.feature_flags.backend",
      dir: path.join(FIXTURE, "products/feature_flags/backend"),
      product: "feature_flags",
      modelsModule: "products.feature_flags.backend.models",
      config: {
        file: path.join(FIXTURE, "products/feature_flags/backend/apps.py"),
        className: "FeatureFlagsConfig",
        line: 4,
        name: { value: "products.feature_flags.backend", line: 5 },
        label: { value: "feature_flags", line: 6 },
      },
    });
    expect(index().apps.get("visual_review")?.config).toMatchObject({
      name: { value: "products.visual_review.backend", line: 6 },
      label: { value: "visual_review", line: 7 },
    });
  });

  it("reads the core apps posthog and ee", () => {
    const posthog = index().apps.get("posthog")!;
    expect(posthog).toMatchObject({ label: "posthog", module: "posthog", modelsModule: "posthog.models" });
    expect(posthog.product).toBeUndefined();
    expect(posthog.config).toMatchObject({ className: "PostHogConfig", name: { value: "posthog", line: 5 } });
    expect(posthog.config?.label).toBeUndefined();
    expect(index().apps.get("ee")).toMatchObject({ label: "ee", module: "ee", modelsModule: "ee.models" });
    expect([...index().apps.keys()].sort()).toEqual(["ee", "experiments", "feature_flags", "posthog", "surveys", "visual_review"]);
    expect(index().appsByModule.get("products.experiments.backend")).toBe(index().apps.get("experiments"));
    expect(index().appsByModule.get("posthog")).toBe(posthog);
  });

  it("reads the models of models.py", () => {
    const models = index().apps.get("feature_flags")!.models;
    expect([...models.keys()]).toEqual(["FeatureFlag", "FeatureFlagHashKeyOverride"]);
    expect(models.get("FeatureFlag")).toMatchObject({
      name: "FeatureFlag",
      appLabel: "feature_flags",
      definingModule: "products.feature_flags.backend.models",
      importModule: "products.feature_flags.backend.models",
      // The relation fields of its class body, as written.
      relations: [
        { name: "team", kind: "ForeignKey", target: { kind: "string", value: "posthog.Team" } },
        { name: "created_by", kind: "ForeignKey", target: { kind: "string", value: "posthog.User" } },
      ],
    });
    expect(models.has("FeatureFlagHashKeyOverride")).toBe(true);
  });

  it("gives the relations of a models file that name the same label one target object (the index keeps them for the run)", () => {
    const models = index().apps.get("feature_flags")!.models;
    const [flagTeam] = models.get("FeatureFlag")!.relations;
    const [overrideTeam] = models.get("FeatureFlagHashKeyOverride")!.relations;
    expect(overrideTeam).toMatchObject({ name: "team", target: { kind: "string", value: "posthog.Team" } });
    expect(overrideTeam!.target).toBe(flagTeam!.target);
  });

  it("reads the models of a models/ package, with their real submodule", () => {
    const models = index().apps.get("experiments")!.models;
    expect(models.get("Experiment")).toMatchObject({
      name: "Experiment",
      appLabel: "experiments",
      definingModule: "products.experiments.backend.models.experiment",
      // The package's __init__.py imports it: it is imported from the package.
      importModule: "products.experiments.backend.models",
      // Its own module is the shallowest one below the package that binds it.
      submoduleImport: "products.experiments.backend.models.experiment",
      relations: expect.arrayContaining([{ name: "feature_flag", kind: "ForeignKey", target: { kind: "string", value: "feature_flags.FeatureFlag" } }]),
    });
    // Not imported by __init__.py: imported from its own module.
    expect(models.get("ExperimentMetricResult")?.importModule).toBe("products.experiments.backend.models.experiment");
    // Decorated top-level classes count.
    expect(models.has("ExperimentMetricResult")).toBe(true);
    expect(models.has("ExperimentHoldout")).toBe(true);
  });

  it("reads posthog/models and ee/models recursively", () => {
    const posthog = index().apps.get("posthog")!.models;
    expect(posthog.get("Team")).toMatchObject({ definingModule: "posthog.models.team.team", importModule: "posthog.models", appLabel: "posthog" });
    expect(posthog.get("User")).toMatchObject({ definingModule: "posthog.models.user" });
    expect(posthog.get("Organization")?.definingModule).toBe("posthog.models.organization");
    // posthog/models/__init__.py only re-exports: the product models stay in their products.
    expect(posthog.has("FeatureFlag")).toBe(false);
    const ee = index().apps.get("ee")!.models;
    expect(ee.get("Role")).toMatchObject({ definingModule: "ee.models.rbac.role", appLabel: "ee" });
    expect(ee.get("License")?.definingModule).toBe("ee.models.license");
  });

  it("indexes models by name", () => {
    expect(index().modelsByName.get("FeatureFlag")?.map((model) => model.appLabel)).toEqual(["feature_flags"]);
    expect(index().modelsByName.get("Team")?.map((model) => model.appLabel)).toEqual(["posthog"]);
    expect(index().modelsByName.has("Nope")).toBe(false);
  });

  it("reads the product fields", () => {
    const visualReview = index().products.get("visual_review")!;
    expect(visualReview).toMatchObject({
      name: "visual_review",
      dir: path.join(FIXTURE, "products/visual_review"),
      hasBackend: true,
      isolated: true,
      facadeApiFunctions: ["_to_run_dto", "get_run", "list_runs", "get_repo", "get_latest_run"],
      backendTestFiles: ["backend/tests/logic_test.py", "backend/tests/test_api.py"],
    });
    expect(visualReview.app).toBe(index().apps.get("visual_review"));
    expect(visualReview.packageJson).toEqual({
      file: path.join(FIXTURE, "products/visual_review/package.json"),
      name: "@posthog/products-visual-review",
      scripts: {
        "backend:test": "pytest -c ../../pytest.ini --rootdir ../.. backend/tests -v --tb=short",
        "backend:test:unit": "pytest -c ../../pytest.ini --rootdir ../.. backend/tests -v -m 'not integration' --tb=short",
        "backend:contract-check": "echo 'Contract files unchanged'",
      },
    });

    const featureFlags = index().products.get("feature_flags")!;
    expect(featureFlags).toMatchObject({ isolated: false, facadeApiFunctions: [], backendTestFiles: ["backend/tests/test_feature_flag.py"] });

    const experiments = index().products.get("experiments")!;
    expect(experiments).toMatchObject({ isolated: true, facadeApiFunctions: ["get_experiment_summary"] });
  });

  it("knows a frontend-only product", () => {
    const product = index().products.get("web_vitals")!;
    expect(product).toMatchObject({ hasBackend: false, isolated: false, facadeApiFunctions: [], backendTestFiles: [] });
    expect(product.app).toBeUndefined();
    expect(product.packageJson).toMatchObject({ name: "@posthog/products-web-vitals", scripts: {} });
  });

  it("reads db_routing.yaml", () => {
    expect(index().dbRoutingFile).toBe(path.join(FIXTURE, "products/db_routing.yaml"));
    expect([...index().dbRoutes.values()]).toEqual([
      { appLabel: "visual_review", database: "visual_review", line: 3 },
      { appLabel: "warehouse_sources_queue", database: "warehouse_sources_queue", line: 5 },
    ]);
  });

  it("reads the [[interfaces]] of tach.toml with their lines", () => {
    const tach = index().tach;
    expect(tach.file).toBe(path.join(FIXTURE, "tach.toml"));
    expect(tach.interfaces).toHaveLength(3);
    expect(tach.interfaces[0]).toMatchObject({
      from: ["products\\.(experiments|visual_review)"],
      expose: ["backend\\.facade.*", "backend\\.presentation\\.views.*", "backend\\.routes.*"],
      line: 69,
      exposeLines: [71, 72, 73],
      permanent: false,
    });
    const leak = tach.interfaces[1]!;
    expect(leak).toMatchObject({
      from: ["products.experiments"],
      // A literal string keeps its backslash as written; basic strings decode `\\` to `\`.
      expose: ["backend\\.facade.*", "backend\\.models.*", "backend\\.experiment_service.*"],
      line: 84,
      exposeLines: [86, 87, 88],
    });
    expect(tach.interfaces[2]).toMatchObject({ from: ["products.visual_review"], fromLines: [102], line: 100, exposeLines: [101, 101] });
  });

  it("reads the [[modules]] of tach.toml: path, depends_on and lines, in file order", () => {
    const { modules, exists, unreadable } = index().tach;
    expect({ exists, unreadable }).toEqual({ exists: true, unreadable: false });
    expect(modules.map((module) => module.path)).toEqual([
      "<root>",
      "ee",
      "posthog",
      "products.experiments",
      "products.feature_flags",
      "products.surveys",
      "products.visual_review",
    ]);
    expect(modules[1]).toEqual({ path: "ee", line: 20, dependsOn: ["posthog", "products.experiments", "products.feature_flags"], dependsOnLines: [23, 24, 25], hasInterfaces: false });
    expect(modules[6]).toEqual({ path: "products.visual_review", line: 94, dependsOn: ["posthog"], dependsOnLines: [97], hasInterfaces: false });
  });

  it("knows which products have Python files besides __init__.py", () => {
    const products = index().products;
    expect([...products.values()].filter((product) => product.hasPythonFiles).map((product) => product.name)).toEqual([
      "experiments",
      "feature_flags",
      "surveys",
      "visual_review",
    ]);
  });

});

describe("resolution helpers", () => {
  it("moduleOfFile", () => {
    const root = FIXTURE;
    expect(moduleOfFile(root, path.join(root, "products/x/backend/models.py"))).toBe("products.x.backend.models");
    expect(moduleOfFile(root, path.join(root, "posthog/models/__init__.py"))).toBe("posthog.models");
    expect(moduleOfFile(root, "posthog/models/team/team.py")).toBe("posthog.models.team.team");
    expect(moduleOfFile(root, path.join(root, "products/x/package.json"))).toBeNull();
    expect(moduleOfFile(root, path.join(root, "products/my-product/backend/models.py"))).toBeNull();
    expect(moduleOfFile(root, path.join(path.dirname(root), "elsewhere.py"))).toBeNull();
  });

  it("isWithinModule", () => {
    expect(isWithinModule("posthog.models", "posthog")).toBe(true);
    expect(isWithinModule("posthog", "posthog")).toBe(true);
    expect(isWithinModule("posthogx.models", "posthog")).toBe(false);
    expect(isWithinModule("posthog", "posthog.models")).toBe(false);
    expect(isWithinModule("products.x.backend.models.team", "products.x.backend.models")).toBe(true);
  });

  it("resolveRelativeImport", () => {
    expect(resolveRelativeImport("products.x.backend.models", false, 1, "")).toBe("products.x.backend");
    expect(resolveRelativeImport("products.x.backend.models", false, 1, "apps")).toBe("products.x.backend.apps");
    expect(resolveRelativeImport("products.x.backend.models", false, 2, "y")).toBe("products.x.y");
    expect(resolveRelativeImport("posthog.models", true, 1, "team")).toBe("posthog.models.team");
    expect(resolveRelativeImport("posthog.models", true, 2, "")).toBe("posthog");
    expect(resolveRelativeImport("posthog.models.user", false, 3, "x")).toBe("");
    expect(resolveRelativeImport("anything", false, 0, "a.b")).toBe("a.b");
  });

  it("resolveModelImport", () => {
    const index = indexOf(FIXTURE);
    const featureFlag = index.apps.get("feature_flags")!.models.get("FeatureFlag")!;
    const team = index.apps.get("posthog")!.models.get("Team")!;
    expect(resolveModelImport(index, "products.feature_flags.backend.models", "FeatureFlag")).toEqual({
      model: featureFlag,
      candidates: [featureFlag],
    });
    // Re-export site: the model is defined in exactly one app.
    expect(resolveModelImport(index, "posthog.models", "FeatureFlag").model).toBe(featureFlag);
    expect(resolveModelImport(index, "posthog.models", "Team").model).toBe(team);
    expect(resolveModelImport(index, "posthog.models.team", "Team").model).toBe(team);
    expect(resolveModelImport(index, "products.experiments.backend.models.experiment", "Experiment").model?.appLabel).toBe(
      "experiments",
    );
    expect(resolveModelImport(index, "products.surveys.models", "Survey").model?.appLabel).toBe("surveys");
    expect(resolveModelImport(index, "posthog.models", "Nope")).toEqual({ candidates: [] });
    // Third-party modules never resolve to repository models.
    expect(resolveModelImport(index, "django.contrib.auth.models", "User")).toEqual({ candidates: [] });
  });

  it("resolveModelImport with a name defined in two apps", () => {
    const root = copyFixture();
    write(root, "products/surveys/backend/models.py", "class Survey:\n    pass\n\n\nclass FeatureFlag:\n    pass\n");
    const index = indexOf(root);
    const fromSurveys = resolveModelImport(index, "products.surveys.backend.models", "FeatureFlag");
    expect(fromSurveys.model?.appLabel).toBe("surveys");
    expect(fromSurveys.candidates.map((model) => model.appLabel).sort()).toEqual(["feature_flags", "surveys"]);
    const ambiguous = resolveModelImport(index, "posthog.models", "FeatureFlag");
    expect(ambiguous.model).toBeUndefined();
    expect(ambiguous.candidates).toHaveLength(2);
  });

  it("appOfModule and appOfFile", () => {
    const index = indexOf(FIXTURE);
    expect(appOfModule(index, "posthog.models.team.team")?.label).toBe("posthog");
    expect(appOfModule(index, "products.feature_flags.backend")?.label).toBe("feature_flags");
    expect(appOfModule(index, "products.feature_flags.backend.api.views")?.label).toBe("feature_flags");
    expect(appOfModule(index, "products.feature_flags")).toBeUndefined();
    expect(appOfModule(index, "posthogx.models")).toBeUndefined();
    expect(appOfFile(index, path.join(FIXTURE, "products/visual_review/backend/facade/api.py"))?.label).toBe("visual_review");
    expect(appOfFile(index, path.join(FIXTURE, "ee/models/rbac/role.py"))?.label).toBe("ee");
    expect(appOfFile(index, path.join(FIXTURE, "products/surveys/models.py"))).toBeUndefined();
    expect(appOfFile(index, "ee/models/rbac/role.py")?.label).toBe("ee");
    expect(appOfFile(index, path.join(FIXTURE, "ee"))?.label).toBe("ee");
    expect(appOfFile(index, path.join(FIXTURE, "eex", "models.py"))).toBeUndefined();
    expect(appOfFile(index, path.join(path.dirname(FIXTURE), "ee", "models.py"))).toBeUndefined();
    expect(resolveModelImport(index, "posthogx.models", "Team").candidates).toEqual([]);
    // Asked again (the answers are remembered per index): the same.
    expect(appOfModule(index, "posthog.models.team.team")?.label).toBe("posthog");
    expect(appOfFile(index, "ee/models/rbac/role.py")?.label).toBe("ee");
  });

  it("remembers an answer without keeping alive the file text its module name was read from", () => {
    const index = indexOf(FIXTURE);
    const { bytes, value } = retainedHeapBytes(() => appOfModule(index, moduleReadFromLargeFile(16, "posthog.models.asked_once_here"))?.label);
    expect(value).toBe("posthog");
    expect(bytes).toBeLessThan(1_048_576);
  });
});

describe("apps and products edge cases", () => {
  it("labels apps without apps.py or without label", () => {
    const root = copyFixture();
    fs.rmSync(path.join(root, "products/surveys/backend/apps.py"));
    write(root, "products/feature_flags/backend/apps.py", 'from django import apps\n\nclass C(apps.AppConfig):\n    name = "products.flags2.backend"\n');
    fs.rmSync(path.join(root, "posthog/apps.py"));
    write(root, "common/apps.py", 'from django.apps import AppConfig\n\n\nclass CommonConfig(AppConfig):\n    name = "common"\n    label = \'shared\'\n');
    write(root, "common/models.py", "class Thing:\n    pass\n");
    write(root, "frontend/src/index.ts", "export {}\n");
    const index = indexOf(root);
    expect(index.apps.get("surveys")?.config).toBeUndefined();
    expect(index.apps.get("surveys")?.module).toBe("products.surveys.backend");
    // Django's default: the last component of `name` (here a label the app-config-label rule flags).
    expect(index.appsByModule.get("products.feature_flags.backend")).toMatchObject({
      label: "backend",
      config: { className: "C", name: { value: "products.flags2.backend", line: 4 } },
    });
    expect(index.apps.get("posthog")?.config).toBeUndefined();
    expect(index.apps.get("shared")).toMatchObject({ module: "common", modelsModule: "common.models" });
    expect(index.apps.get("shared")?.models.get("Thing")?.definingModule).toBe("common.models");
    expect(index.appsByModule.has("frontend")).toBe(false);
  });

  it("finds an AppConfig that extends a local AppConfig base", () => {
    const root = copyFixture();
    write(
      root,
      "products/surveys/backend/apps.py",
      [
        "from django.apps import AppConfig",
        "",
        "",
        "class BaseProductConfig(AppConfig):",
        '    default_auto_field = "django.db.models.BigAutoField"',
        "",
        "",
        "class SurveysConfig(BaseProductConfig):",
        '    name: str = "products.surveys.backend"',
        "    label = 'surveys_app'",
        "",
      ].join("\n"),
    );
    const app = indexOf(root).appsByModule.get("products.surveys.backend")!;
    expect(app.label).toBe("surveys_app");
    expect(app.config).toMatchObject({ className: "SurveysConfig", line: 8, name: { line: 9 }, label: { value: "surveys_app", line: 10 } });
  });

  it("reports a duplicate app label", () => {
    const root = copyFixture();
    write(root, "products/surveys/backend/apps.py", 'from django.apps import AppConfig\n\n\nclass SurveysConfig(AppConfig):\n    name = "products.surveys.backend"\n    label = "feature_flags"\n');
    const index = indexOf(root);
    expect(problemsOf(index)).toEqual([
      'products/surveys/backend/apps.py:6:1: Duplicate Django app label "feature_flags": products.surveys.backend and products.feature_flags.backend (the label of products.surveys.backend is ignored).',
    ]);
    expect(index.apps.get("feature_flags")?.module).toBe("products.feature_flags.backend");
    expect(index.appsByModule.get("products.surveys.backend")?.label).toBe("feature_flags");
  });

  it("survives Python syntax errors and skips ERROR subtrees", () => {
    const root = copyFixture();
    write(
      root,
      "products/feature_flags/backend/models.py",
      "from django.db import models\n\n\nclass FeatureFlag(models.Model):\n    key = models.CharField(\n\n\nclass Other(models.Model):\n    pass\n\n)))\nclass Third:\n    pass\n",
    );
    const index = indexOf(root);
    expect(index.problems).toEqual([]);
    const models = index.apps.get("feature_flags")!.models;
    expect(models.has("Third")).toBe(true);
  });

  it("skips hidden folders, __pycache__ and files under products/", () => {
    const root = copyFixture();
    write(root, "products/.hidden/package.json", "{}");
    write(root, "products/__pycache__/x.pyc", "");
    write(root, "products/README.md", "# products\n");
    const index = indexOf(root);
    expect([...index.products.keys()]).toEqual(["experiments", "feature_flags", "surveys", "visual_review", "web_vitals"]);
  });

  it("reads a contracts/ package and a models/ re-export folder", () => {
    const root = copyFixture();
    fs.rmSync(path.join(root, "products/visual_review/backend/facade/contracts.py"));
    write(root, "products/visual_review/backend/facade/contracts/__init__.py", "");
    fs.rmSync(path.join(root, "products/surveys/models.py"));
    write(root, "products/surveys/models/__init__.py", "from products.surveys.backend.models import Survey\n");
    const index = indexOf(root);
    expect(index.products.get("visual_review")?.isolated).toBe(true);
  });

  it("keeps scripts null for an invalid package.json", () => {
    const root = copyFixture();
    write(root, "products/surveys/package.json", '{ "name": "@posthog/products-surveys", "scripts": { ');
    write(root, "products/web_vitals/package.json", '\ufeff{ "name": 3, "scripts": { "a": "x", "b": 1 } }');
    const index = indexOf(root);
    expect(index.products.get("surveys")?.packageJson).toEqual({ file: path.join(root, "products/surveys/package.json"), scripts: null });
    expect(index.products.get("web_vitals")?.packageJson).toEqual({ file: path.join(root, "products/web_vitals/package.json"), scripts: { a: "x" } });
    expect(index.problems).toEqual([]);
  });

  it("has no tach interfaces and no routes when the files are missing", () => {
    const root = copyFixture();
    fs.rmSync(path.join(root, "tach.toml"));
    fs.rmSync(path.join(root, "products/db_routing.yaml"));
    const index = indexOf(root);
    expect(index.tach).toMatchObject({ exists: false, unreadable: false, modules: [], interfaces: [] });
    expect(index.dbRoutes.size).toBe(0);
    expect(index.dbRouting.unreadable).toBe(false);
    expect(index.problems).toEqual([]);
  });
});

describe("configuration problems", () => {
  function routing(text: string): RepoIndex {
    const root = copyFixture();
    write(root, "products/db_routing.yaml", text);
    return indexOf(root);
  }

  it("an empty db_routing.yaml has no routes and no problem", () => {
    for (const text of ["", "# nothing routed yet\n", "routes:\n", "routes: []\n"]) {
      const index = routing(text);
      expect(index.dbRoutes.size).toBe(0);
      expect(index.problems).toEqual([]);
    }
  });

  it("invalid YAML: the file is unreadable, no routes, no problem of the index (the YAML language reports it in the file)", () => {
    for (const text of ["routes:\n  - app_label: visual_review\n    database: visual_review: x\n", "routes:\n\t- app_label: a\n"]) {
      const index = routing(text);
      expect(index.dbRouting.unreadable).toBe(true);
      expect(index.dbRoutes.size).toBe(0);
      expect(index.problems).toEqual([]);
    }
  });

  it("a wrong shape keeps the valid entries and names the labels whose entry is invalid (valid-db-routing reports each)", () => {
    const index = routing(
      [
        "routes:",
        "  - app_label: visual_review",
        "    database: visual_review",
        "  - app_label: logs",
        "  - database: x",
        "    app_label: 3",
        "  - app_label: visual_review",
        "    database: other",
        "  - app_label: links",
        "    database: links",
        "    optional: yes",
        "  - just-a-string",
        "  - app_label: ok",
        "    database: ok_db",
        "    optional: true",
        "    owner: team-ok",
        "",
      ].join("\n"),
    );
    expect(index.problems).toEqual([]);
    // visual_review is routed to two databases (posthog.E003): its database is unknown.
    expect([...index.dbRoutes.values()]).toEqual([{ appLabel: "ok", database: "ok_db", line: 13 }]);
    expect([...index.dbRouting.invalidLabels]).toEqual(["logs", "visual_review", "links"]);
    expect(index.dbRouting.unreadable).toBe(false);
  });

  it("the same label routed twice to the same database is one route", () => {
    const index = routing("routes:\n  - app_label: a\n    database: a\n  - app_label: a\n    database: a\n");
    expect([...index.dbRoutes.keys()]).toEqual(["a"]);
    expect(index.dbRouting.invalidLabels.size).toBe(0);
  });

  it("routes that are not a list, a document that is not a mapping, or several documents: unreadable", () => {
    for (const text of ["routes: visual_review\n", "- app_label: a\n  database: a\n", "routes: []\n---\nroutes: []\n"]) {
      const index = routing(text);
      expect(index.dbRouting.unreadable).toBe(true);
      expect(index.dbRoutes.size).toBe(0);
    }
  });

  it("invalid TOML: tach.toml is unreadable, no block known, no problem of the index", () => {
    const root = copyFixture();
    const text = fs.readFileSync(path.join(root, "tach.toml"), "utf8");
    // Line 77 of the fixture is `]` closing the `from` array of the first [[interfaces]].
    const lines = text.split("\n");
    expect(lines[76]).toBe("]");
    lines[75] = '    "products.experiments" "products.visual_review",';
    write(root, "tach.toml", lines.join("\n"));
    const index = indexOf(root);
    expect(index.problems).toEqual([]);
    expect(index.tach).toMatchObject({ exists: true, unreadable: true, modules: [], interfaces: [] });
  });

  it("finds the lines in CRLF files with comments, literal strings and multi-line strings", () => {
    const root = copyFixture();
    const text = [
      'description = """',
      "[[interfaces]] is not a header here",
      '"""',
      "[[interfaces]]  # first",
      "# inside the block",
      "expose = [ # comment after the bracket",
      "    'backend\\.models.*', # a literal string",
      "",
      '    "backend\\\\.logic.*"',
      "    ,",
      '    """backend\\\\.multi',
      'line.*""",',
      "]",
      'from = ["products.x"]',
      "",
      "[[ interfaces ]]",
      'expose = []',
      'from = "products.y"',
      "",
    ].join("\r\n");
    write(root, "tach.toml", text);
    const index = indexOf(root);
    expect(index.problems).toEqual([]);
    expect(index.tach.interfaces).toEqual([
      {
        from: ["products.x"],
        fromLines: [14],
        // A multi-line string's line break reads as "\n" (TOML lets parsers normalize it).
        expose: ["backend\\.models.*", "backend\\.logic.*", "backend\\.multi\nline.*"],
        line: 4,
        exposeLines: [7, 9, 11],
        permanent: false,
        fromPatterns: ["products.x"],
        exclusive: false,
        dataTypes: "all",
      },
      { from: ["products.y"], fromLines: [18], expose: [], line: 16, exposeLines: [], permanent: false, fromPatterns: ["products.y"], exclusive: false, dataTypes: "all" },
    ]);
  });
});

describe("refresh", () => {
  it("rebuilds when a file it read changes", () => {
    setIndexRefreshInterval(0);
    const root = copyFixture();
    const first = indexOf(root);
    expect(indexOf(root)).toBe(first);
    const modelsFile = path.join(root, "products/feature_flags/backend/models.py");
    fs.appendFileSync(modelsFile, "\n\nclass FeatureFlagDashboards(models.Model):\n    pass\n");
    const second = indexOf(root);
    expect(second).not.toBe(first);
    expect(second.apps.get("feature_flags")?.models.has("FeatureFlagDashboards")).toBe(true);
  });

  it("rebuilds when a file appears or disappears", () => {
    setIndexRefreshInterval(0);
    const root = copyFixture();
    expect(indexOf(root).products.has("logs")).toBe(false);
    write(root, "products/logs/backend/apps.py", 'from django.apps import AppConfig\n\n\nclass LogsConfig(AppConfig):\n    name = "products.logs.backend"\n    label = "logs"\n');
    expect(indexOf(root).apps.get("logs")?.product).toBe("logs");
    write(root, "products/logs/backend/tests/unit/test_logs.py", "def test_x():\n    pass\n");
    expect(indexOf(root).products.get("logs")?.backendTestFiles).toEqual(["backend/tests/unit/test_logs.py"]);
    fs.rmSync(path.join(root, "products/visual_review/backend/facade/contracts.py"));
    expect(indexOf(root).products.get("visual_review")?.isolated).toBe(false);
    fs.rmSync(path.join(root, "products/db_routing.yaml"));
    expect(indexOf(root).dbRoutes.size).toBe(0);
    write(root, "products/db_routing.yaml", "routes:\n  - app_label: logs\n    database: logs\n");
    expect([...indexOf(root).dbRoutes.keys()]).toEqual(["logs"]);
  });

  it("does not rebuild when an unrelated file in a listed folder is saved atomically", () => {
    setIndexRefreshInterval(0);
    const root = copyFixture();
    const first = indexOf(root);
    const target = path.join(root, "products/feature_flags/backend/models.py");
    const temp = path.join(root, "products/feature_flags/backend/.logic.py.tmp");
    fs.writeFileSync(temp, "x = 1\n");
    fs.renameSync(temp, path.join(root, "products/feature_flags/backend/logic.py"));
    // logic.py is new: the listing changed, so this one does rebuild...
    const second = indexOf(root);
    expect(second).not.toBe(first);
    // ...but replacing it again (same listing) does not.
    fs.writeFileSync(temp, "x = 2\n");
    fs.renameSync(temp, path.join(root, "products/feature_flags/backend/logic.py"));
    expect(indexOf(root)).toBe(second);
    expect(fs.existsSync(target)).toBe(true);
  });

  it("re-checks at most once per refresh interval", () => {
    setIndexRefreshInterval(60_000);
    const root = copyFixture();
    const first = indexOf(root);
    fs.rmSync(path.join(root, "products/db_routing.yaml"));
    expect(indexOf(root)).toBe(first);
    setIndexRefreshInterval(0);
    expect(indexOf(root)).not.toBe(first);
  });
});

describe("file-system hazards", () => {
  it("survives symlink loops and ignores symlinks leading outside the root", () => {
    const root = copyFixture();
    const outside = tempDir();
    write(outside, "backend/apps.py", 'from django.apps import AppConfig\n\nclass X(AppConfig):\n    label = "outside"\n');
    write(outside, "backend/tests/test_outside.py", "");
    write(outside, "models.py", "class Secret:\n    pass\n");
    fs.symlinkSync(outside, path.join(root, "products/outside"));
    fs.symlinkSync(path.join(outside, "models.py"), path.join(root, "products/feature_flags/models.py"));
    // A directory loop inside backend/, a self-referencing link, and a dangling link.
    fs.symlinkSync("..", path.join(root, "products/visual_review/backend/tests/loop"));
    fs.symlinkSync("self", path.join(root, "products/self"));
    fs.symlinkSync("../nowhere", path.join(root, "products/dangling"));
    fs.symlinkSync("models_loop", path.join(root, "posthog/models/models_loop"));
    // A product folder that is a symlink to a folder inside the root is fine.
    write(root, "vendor/linked_product/package.json", '{ "name": "@posthog/products-linked" }');
    fs.symlinkSync("../vendor/linked_product", path.join(root, "products/linked"));

    const index = indexOf(root);
    expect(index.problems).toEqual([]);
    expect(index.products.has("outside")).toBe(false);
    expect(index.apps.has("outside")).toBe(false);
    expect(index.modelsByName.has("Secret")).toBe(false);
    expect(index.products.has("self")).toBe(false);
    expect(index.products.has("dangling")).toBe(false);
    expect(index.products.get("visual_review")?.backendTestFiles).toEqual([
      "backend/tests/logic_test.py",
      "backend/tests/test_api.py",
    ]);
    expect(index.products.get("linked")?.packageJson?.name).toBe("@posthog/products-linked");
    expect(factsFingerprint(index)).toMatch(/^[0-9a-f]{16}$/u);

    // The index stays valid: nothing it read changes between two checks.
    setIndexRefreshInterval(0);
    expect(indexOf(root)).toBe(index);
  });

  it("reports EACCES on a file and skips an unreadable folder (simulated, works as root too)", () => {
    const root = copyFixture();
    const appsPy = path.join(root, "products/feature_flags/backend/apps.py");
    const modelsDir = path.join(root, "products/experiments/backend/models");
    const eacces = (target: string): Error =>
      Object.assign(new Error(`EACCES: permission denied, open '${target}'`), { code: "EACCES" });
    const readFile = fs.readFileSync;
    const readDir = fs.readdirSync;
    const readSpy = vi.spyOn(fs, "readFileSync").mockImplementation(((target: fs.PathOrFileDescriptor, options?: unknown) => {
      if (target === appsPy) throw eacces(appsPy);
      return (readFile as (...args: unknown[]) => unknown)(target, options);
    }) as typeof fs.readFileSync);
    const dirSpy = vi.spyOn(fs, "readdirSync").mockImplementation(((target: fs.PathLike, options?: unknown) => {
      if (target === modelsDir) throw eacces(modelsDir);
      return (readDir as (...args: unknown[]) => unknown)(target, options);
    }) as typeof fs.readdirSync);
    try {
      const index = indexOf(root);
      expect(problemsOf(index)).toEqual([
        `products/feature_flags/backend/apps.py:1:1: Cannot read the file: EACCES: permission denied, open '${appsPy}'`,
      ]);
      expect(index.apps.get("feature_flags")?.config).toBeUndefined();
      expect(index.apps.get("feature_flags")?.label).toBe("feature_flags");
      expect(index.apps.get("experiments")?.models.size).toBe(0);
    } finally {
      readSpy.mockRestore();
      dirSpy.mockRestore();
    }
  });

  it("a path longer than PATH_MAX is confined to nothing at once (found by the property tests: one recursion per component overflowed)", () => {
    const confiner = new Confiner(FIXTURE);
    expect(confiner.resolve(path.join(FIXTURE, "a/".repeat(100_000), "models.py"))).toBeNull();
    expect(confiner.resolve(path.join(FIXTURE, "products/feature_flags/backend/models.py"))?.stats.isFile()).toBe(true);
  });

  it("a confiner answers from what it resolved until it forgets it", () => {
    const root = copyFixture();
    const confiner = new Confiner(root);
    const added = path.join(root, "products/feature_flags/backend/added.py");
    expect(confiner.resolve(added)).toBeNull();
    write(root, "products/feature_flags/backend/added.py", "X = 1\n");
    expect(confiner.resolve(added)).toBeNull();
    confiner.forget();
    expect(confiner.resolve(added)?.stats.isFile()).toBe(true);
  });

  it.skipIf(process.platform === "win32" || process.getuid?.() === 0)("reports an unreadable apps.py", () => {
    const root = copyFixture();
    const file = path.join(root, "products/feature_flags/backend/apps.py");
    fs.chmodSync(file, 0o000);
    fs.chmodSync(path.join(root, "products/experiments/backend/models"), 0o000);
    try {
      const index = indexOf(root);
      expect(problemsOf(index)).toEqual([
        expect.stringMatching(/^products\/feature_flags\/backend\/apps\.py:1:1: Cannot read the file: EACCES/u),
      ]);
      expect(index.apps.get("feature_flags")?.config).toBeUndefined();
      expect(index.apps.get("experiments")?.models.size).toBe(0);
    } finally {
      fs.chmodSync(file, 0o644);
      fs.chmodSync(path.join(root, "products/experiments/backend/models"), 0o755);
    }
  });
});

describe("the facts fingerprint", () => {
  const fingerprint = (root: string): string => factsFingerprint(indexOf(root));

  it("is stable and changes when a fact the rules read changes", () => {
    setIndexRefreshInterval(0);
    const root = copyFixture();
    const first = fingerprint(root);
    expect(fingerprint(root)).toBe(first);

    fs.appendFileSync(path.join(root, "products/db_routing.yaml"), "    - app_label: logs\n      database: logs\n");
    const second = fingerprint(root);
    expect(second).not.toBe(first);

    fs.appendFileSync(path.join(root, "posthog/models/team/team.py"), "\n\nclass Project:\n    pass\n");
    const third = fingerprint(root);
    expect(third).not.toBe(second);

    write(root, "products/web_vitals/backend/tests/test_vitals.py", "");
    const fourth = fingerprint(root);
    expect(fourth).not.toBe(third);

    write(root, "products/visual_review/backend/facade/api.py", "def only():\n    pass\n");
    expect(fingerprint(root)).not.toBe(fourth);
  });

  it("does not change when an edit changes no fact: a new field, a comment, a file the index does not read", () => {
    setIndexRefreshInterval(0);
    const root = copyFixture();
    const first = fingerprint(root);
    fs.appendFileSync(path.join(root, "products/feature_flags/backend/models.py"), "\n# a comment\n");
    const models = path.join(root, "products/experiments/backend/models/experiment.py");
    fs.writeFileSync(models, fs.readFileSync(models, "utf8").replace("class Experiment(", "# moved\nclass Experiment("));
    write(root, "products/feature_flags/backend/helpers.py", "x = 1\n");
    write(root, "products/feature_flags/frontend/Other.tsx", "export {}\n");
    expect(fingerprint(root)).toBe(first);
  });

  it("changes with the reverse-accessor lines of hogli's crossing baseline, not with its other lines", () => {
    setIndexRefreshInterval(0);
    const root = copyFixture();
    const without = fingerprint(root);
    write(root, "products/model_crossing_uses_baseline.txt", "# header\ncanvas.Canvas products.tasks.backend.logic get_model 1\n");
    const otherKinds = indexOf(root);
    expect(otherKinds.crossingBaseline?.reverseAccessors).toEqual([]);
    const empty = factsFingerprint(otherKinds);
    expect(empty).not.toBe(without);
    fs.appendFileSync(path.join(root, "products/model_crossing_uses_baseline.txt"), "canvas.Canvas products.tasks.backend.facade.api facade-returns 1\n");
    expect(fingerprint(root)).toBe(empty);
    fs.appendFileSync(path.join(root, "products/model_crossing_uses_baseline.txt"), "posthog.Team experiments.Experiment.team reverse-accessor(experiment_set) 1\n");
    expect(indexOf(root).crossingBaseline?.reverseAccessors).toEqual(["experiments.Experiment.team posthog.Team"]);
    expect(fingerprint(root)).not.toBe(empty);
  });

  it("is the same for two checkouts of the same files in different folders", () => {
    setIndexRefreshInterval(0);
    expect(fingerprint(copyFixture())).toBe(fingerprint(copyFixture()));
  });
});
