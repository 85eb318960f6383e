/**
 * Generated repository trees: `products/<p>/backend/{apps.py,models.py|models/,__init__.py}`,
 * `posthog/models/...`, `ee/models/...`, `products/db_routing.yaml`, `tach.toml` and each
 * product's `package.json`. A spec is plain data (fast-check shrinks it); `writeRepo` puts it on disk.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";

/** Product folders (Python identifiers, as PostHog's are). */
const PRODUCT_FOLDERS = [
  "feature_flags",
  "experiments",
  "surveys",
  "visual_review",
  "error_tracking",
  "logs",
  "notebooks",
  "web_analytics",
] as const;

/**
 * Model class names. Drawn from one small pool for every app so that a name is often defined
 * in two products (ambiguous) or in a product and in core (stays in posthog.models). Two are
 * non-ASCII (valid Python 3 identifiers).
 */
export const MODEL_NAMES = [
  "FeatureFlag",
  "Experiment",
  "Survey",
  "Annotation",
  "Insight",
  "Cohort",
  "Notebook",
  "LogEntry",
  "Rollout",
  "Snapshot",
  "Café",
  "Straße",
] as const;

/** Core models (`posthog/models/`), some in submodules as in PostHog (`posthog.models.team.team`). */
export const CORE_MODELS = [
  { name: "Team", sub: "team/team" },
  { name: "User", sub: "user" },
  { name: "Organization", sub: "organization" },
  { name: "Project", sub: "project" },
  { name: "Person", sub: "person/person" },
  { name: "Annotation", sub: "annotation" },
] as const;

interface ModelSpec {
  name: string;
  /** Submodule of a `models/` package (`core`, `runs`); undefined in a `models.py`. */
  sub?: string;
}

export interface ProductSpec {
  folder: string;
  /** The AppConfig label; `label` differs from the folder in some specs. */
  label: string;
  /** `label`: AppConfig with name and label; `bare`: apps.py without an AppConfig; `none`: no apps.py. */
  config: "label" | "bare" | "none";
  layout: "module" | "package";
  /**
   * What a `models/` package's `__init__.py` binds: every model (`all`, PostHog's usual shape), the
   * models of its first submodule only (`some`), nothing (`none`), or `from .sub import *` (`star`).
   */
  exports: "all" | "some" | "none" | "star";
  models: ModelSpec[];
  /** A forbidden `products/<p>/models.py` re-export shim. */
  reexport: boolean;
  /** A route in db_routing.yaml (the product's own database). */
  database?: string;
  /** Contract-check layout, for package.json rules. */
  facade: "none" | "contracts" | "contracts+api";
  /** `backend/tests/test_<p>.py` exists. */
  tests: boolean;
}

export interface RepoSpec {
  products: ProductSpec[];
  core: { name: string; sub: string }[];
  ee: string[];
  /** `[[interfaces]]` blocks of tach.toml: product folder and exposed patterns. */
  interfaces: { product: string; expose: string[] }[];
}

const modelSpec = (layout: "module" | "package"): fc.Arbitrary<ModelSpec[]> =>
  fc
    .uniqueArray(fc.constantFrom(...MODEL_NAMES), { minLength: 1, maxLength: 4 })
    .chain((names) =>
      layout === "module"
        ? fc.constant(names.map((name) => ({ name })))
        : fc.tuple(...names.map(() => fc.constantFrom("core", "runs", "extra"))).map((subs) =>
            names.map((name, i) => ({ name, sub: subs[i]! })),
          ),
    );

const productSpec = (folder: string): fc.Arbitrary<ProductSpec> =>
  fc
    .record({
      labelStyle: fc.constantFrom("folder", "folder", "folder", "short"),
      config: fc.constantFrom<ProductSpec["config"]>("label", "label", "label", "bare", "none"),
      layout: fc.constantFrom<ProductSpec["layout"]>("module", "package"),
      exports: fc.constantFrom<ProductSpec["exports"]>("all", "all", "some", "none", "star"),
      reexport: fc.boolean(),
      routed: fc.boolean(),
      facade: fc.constantFrom<ProductSpec["facade"]>("none", "contracts", "contracts+api"),
      tests: fc.boolean(),
    })
    .chain((base) =>
      modelSpec(base.layout).map((models): ProductSpec => {
        // A label that differs from the folder only when the AppConfig sets it.
        const label = base.config === "label" && base.labelStyle === "short" ? `${folder}_app` : folder;
        return {
          folder,
          label,
          config: base.config,
          layout: base.layout,
          exports: base.exports,
          models,
          reexport: base.reexport,
          ...(base.routed ? { database: label } : {}),
          facade: base.facade,
          tests: base.tests,
        };
      }),
    );

export const repoSpec: fc.Arbitrary<RepoSpec> = fc
  .uniqueArray(fc.constantFrom(...PRODUCT_FOLDERS), { minLength: 1, maxLength: 4 })
  .chain((folders) =>
    fc.record({
      products: fc.tuple(...folders.map(productSpec)),
      core: fc.subarray([...CORE_MODELS], { minLength: 2 }).map((list) => [...list]),
      ee: fc.subarray(["License", "EnterpriseEventDefinition"]),
      interfaces: fc.array(
        fc.record({
          product: fc.constantFrom(...folders),
          expose: fc.array(fc.constantFrom("backend\\.facade", "backend\\.models", "backend\\.presentation.*", "backend\\.logic"), {
            minLength: 1,
            maxLength: 2,
          }),
        }),
        { maxLength: 2 },
      ),
    }),
  );

/** `products.<p>.backend.models`, `posthog.models`, `ee.models`: where an app's models are imported from. */
export function modelsModuleOf(product: ProductSpec): string {
  return `products.${product.folder}.backend.models`;
}

/** The submodules whose models a product's `models/__init__.py` binds. */
function exportedSubs(product: ProductSpec): Set<string> {
  const subs = [...new Set(product.models.map((model) => model.sub!))];
  switch (product.exports) {
    case "all":
    case "star":
      return new Set(subs);
    case "some":
      return new Set(subs.slice(0, 1));
    case "none":
      return new Set();
  }
}

/** Where a product model is imported from: the package when its `__init__.py` binds it, else its submodule. */
function importModuleOf(product: ProductSpec, model: ModelSpec): string {
  if (product.layout === "module" || exportedSubs(product).has(model.sub!)) return modelsModuleOf(product);
  return `${modelsModuleOf(product)}.${model.sub}`;
}

/** The entry of a models package a model's file sits under (`runs.py`, `team`): the index reads them in this order. */
function packageEntry(sub: string): string {
  const [first, ...rest] = sub.split("/");
  return rest.length > 0 ? first! : `${first}.py`;
}

/**
 * Name → every module it is imported from (products' models packages or their submodules,
 * posthog, ee). `extra` adds the classes of the generated file, read as module `module` of the
 * package `package` (`entry` is its file name): when an app defines a name twice, the index keeps
 * the definition it reads first (entries in name order), so one of the two wins.
 */
export function definingModules(
  spec: RepoSpec,
  extra: { module: string; names: string[]; package?: string; entry?: string }[] = [],
): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  const owners = new Map<string, { module: string; entry: string }>();
  /** Names a package's `__init__.py` binds: imported from the package whichever module defines them. */
  const bound = new Map<string, Set<string>>();
  for (const product of spec.products) {
    if (product.layout !== "package") continue;
    bound.set(modelsModuleOf(product), new Set(product.models.filter((model) => importModuleOf(product, model) === modelsModuleOf(product)).map((model) => model.name)));
  }
  const add = (name: string, module: string, pkg: string, entry: string): void => {
    const key = `${pkg}\0${name}`;
    const owner = owners.get(key);
    if (owner && owner.entry <= entry) return;
    if (owner) result.get(name)?.delete(owner.module);
    const imported = bound.get(pkg)?.has(name) ? pkg : module;
    owners.set(key, { module: imported, entry });
    let set = result.get(name);
    if (!set) result.set(name, (set = new Set()));
    set.add(imported);
  };
  for (const product of spec.products) {
    for (const model of product.models) add(model.name, importModuleOf(product, model), modelsModuleOf(product), model.sub ? packageEntry(model.sub) : "");
  }
  for (const model of spec.core) add(model.name, "posthog.models", "posthog.models", packageEntry(model.sub));
  for (const name of spec.ee) add(name, "ee.models", "ee.models", `${name.toLowerCase()}.py`);
  for (const { module, names, package: pkg, entry } of extra) for (const name of names) add(name, module, pkg ?? module, entry ?? "");
  return result;
}

function write(root: string, relative: string, text: string | Uint8Array): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function modelClass(name: string, extra = ""): string {
  return `class ${name}(models.Model):\n    name = models.CharField(max_length=100)${extra}\n`;
}

function appsPy(product: ProductSpec): string | undefined {
  const className = product.folder
    .split("_")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
  switch (product.config) {
    case "label":
      return `from django.apps import AppConfig\n\n\nclass ${className}Config(AppConfig):\n    name = "products.${product.folder}.backend"\n    label = "${product.label}"\n`;
    case "bare":
      return "# No AppConfig here: Django derives the label.\n";
    case "none":
      return undefined;
  }
}

export function dbRoutingYaml(spec: RepoSpec): string {
  const routed = spec.products.filter((product) => product.database);
  if (routed.length === 0) return "# No product has its own database yet.\nroutes: []\n";
  return [
    "# Products that live in their own database.",
    "routes:",
    ...routed.flatMap((product) => [`  - app_label: ${product.label}`, `    database: ${product.database}`]),
    "",
  ].join("\n");
}

export function tachToml(spec: RepoSpec): string {
  const lines = ['exclude = ["**/*__pycache__", "docs"]', 'source_roots = ["."]', ""];
  for (const name of ["posthog", "ee", ...spec.products.map((product) => `products.${product.folder}`)]) {
    lines.push("[[modules]]", `path = "${name}"`, 'depends_on = ["posthog"]', "");
  }
  for (const block of spec.interfaces) {
    lines.push("# TODO: legacy leaks", "[[interfaces]]");
    lines.push(`expose = [${block.expose.map((pattern) => `"${pattern.replace(/\\/gu, "\\\\")}"`).join(", ")}]`);
    lines.push(`from = ["products.${block.product}"]`, "");
  }
  return lines.join("\n");
}

export function packageJson(product: ProductSpec): string {
  const scripts: Record<string, string> = {
    "backend:test": "pytest -c ../../pytest.ini --rootdir ../.. backend/tests -v --tb=short",
  };
  if (product.facade !== "none") scripts["backend:contract-check"] = "echo 'Contract files unchanged'";
  const name = `@posthog/products-${product.folder.replace(/_/gu, "-")}`;
  return `${JSON.stringify({ name, version: "0.0.0", private: true, scripts }, null, 4)}\n`;
}

/** Writes the tree under `root` (which must exist and be empty). */
export function writeRepo(root: string, spec: RepoSpec): void {
  write(root, "products/__init__.py", "");
  write(root, "pytest.ini", "[pytest]\n");
  write(root, "posthog/__init__.py", "");
  write(root, "posthog/apps.py", 'from django.apps import AppConfig\n\n\nclass PostHogConfig(AppConfig):\n    name = "posthog"\n');
  const coreInit: string[] = [];
  for (const model of spec.core) {
    write(root, `posthog/models/${model.sub}.py`, `from django.db import models\n\n\n${modelClass(model.name)}`);
    const parts = model.sub.split("/");
    for (let i = 1; i < parts.length; i++) write(root, `posthog/models/${parts.slice(0, i).join("/")}/__init__.py`, "");
    coreInit.push(`from .${parts.join(".")} import ${model.name}`);
  }
  write(root, "posthog/models/__init__.py", `${coreInit.join("\n")}\n`);
  write(root, "ee/__init__.py", "");
  write(root, "ee/models/__init__.py", spec.ee.map((name) => `from .${name.toLowerCase()} import ${name}`).join("\n") + "\n");
  for (const name of spec.ee) write(root, `ee/models/${name.toLowerCase()}.py`, `from django.db import models\n\n\n${modelClass(name)}`);

  for (const product of spec.products) {
    const base = `products/${product.folder}`;
    write(root, `${base}/__init__.py`, "");
    write(root, `${base}/backend/__init__.py`, "");
    write(root, `${base}/package.json`, packageJson(product));
    const apps = appsPy(product);
    if (apps !== undefined) write(root, `${base}/backend/apps.py`, apps);
    if (product.layout === "module") {
      write(root, `${base}/backend/models.py`, `from django.db import models\n\n\n${product.models.map((m) => modelClass(m.name)).join("\n\n")}`);
    } else {
      const bySub = new Map<string, string[]>();
      for (const model of product.models) bySub.set(model.sub!, [...(bySub.get(model.sub!) ?? []), model.name]);
      const init: string[] = [];
      const exported = exportedSubs(product);
      for (const [sub, names] of bySub) {
        write(root, `${base}/backend/models/${sub}.py`, `from django.db import models\n\n\n${names.map((name) => modelClass(name)).join("\n\n")}`);
        if (!exported.has(sub)) continue;
        init.push(product.exports === "star" ? `from .${sub} import *  # noqa: F403` : `from .${sub} import ${names.join(", ")}`);
      }
      write(root, `${base}/backend/models/__init__.py`, `${init.join("\n")}\n`);
    }
    if (product.reexport) {
      write(root, `${base}/models.py`, `# Legacy shim.\nfrom ${modelsModuleOf(product)} import *  # noqa: F403\n`);
    }
    if (product.facade !== "none") {
      write(root, `${base}/backend/facade/__init__.py`, "");
      write(root, `${base}/backend/facade/contracts.py`, "from dataclasses import dataclass\n");
      write(root, `${base}/backend/facade/api.py`, product.facade === "contracts+api" ? "def get_thing(thing_id):\n    return thing_id\n" : "");
    }
    if (product.tests) write(root, `${base}/backend/tests/test_${product.folder}.py`, "def test_nothing():\n    pass\n");
  }
  write(root, "products/db_routing.yaml", dbRoutingYaml(spec));
  write(root, "tach.toml", tachToml(spec));
}

export { write as writeFile };
