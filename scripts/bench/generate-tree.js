// Generates a deterministic PostHog-shaped monorepo for the benchmark: products/<p>/ vertical
// slices (Django app with models, logic, views, tasks, migrations, tests, facade/contracts for
// isolated ones, package.json, manifest.tsx, frontend), posthog/ and ee/ core apps with many model
// files, products/db_routing.yaml, tach.toml and pytest.ini.
//
// Same options → byte-identical tree (seeded PRNG, one forked stream per file).
//
// Also runnable on its own:
//   node scripts/bench/generate-tree.js [--out DIR] [--files N] [--mb N] [--seed N]

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createRng } from "./prng.js";
import {
  appsFile,
  conftestFile,
  contractsFile,
  facadeApiFile,
  logicFile,
  migrationFile,
  modelsFile,
  pascal,
  snakeCase,
  tasksFile,
  testsFile,
  viewsFile,
} from "./python-templates.js";
import { CORE_MODEL_NAMES, EE_MODEL_NAMES, MODEL_NOUNS, PRODUCT_PREFIXES, PRODUCT_SUFFIXES, VERBS, WORDS } from "./words.js";

export const DEFAULTS = Object.freeze({ files: 2000, mb: 42, seed: 1337 });
export const MiB = 1024 * 1024;

const clamp = (value, min, max) => Math.max(min, Math.min(max, value));

/** Size weight of each kind of Python file when spreading the byte budget. */
const KIND_WEIGHTS = {
  models: 5,
  migration: 3,
  views: 3,
  logic: 3,
  tests: 2,
  tasks: 1.5,
  facadeApi: 0.8,
  contracts: 0.6,
};
const MIN_TARGET = 400;

function renderKind(entry, rng, targetBytes) {
  const { ctx } = entry;
  switch (entry.kind) {
    case "models":
      return modelsFile(rng, ctx, entry.models, targetBytes, entry.paddingPrefix);
    case "migration":
      return migrationFile(rng, ctx, entry.number, targetBytes);
    case "views":
      return viewsFile(rng, ctx, targetBytes);
    case "logic":
      return logicFile(rng, ctx, targetBytes);
    case "tests":
      return testsFile(rng, ctx, targetBytes);
    case "tasks":
      return tasksFile(rng, ctx, targetBytes);
    case "facadeApi":
      return facadeApiFile(rng, ctx, targetBytes);
    case "contracts":
      return contractsFile(rng, ctx, targetBytes);
    default:
      throw new Error(`unknown kind ${entry.kind}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Planning

function planWorld(rng, { files }) {
  const productCount = clamp(Math.round(files / 30), 8, 600);
  const names = new Set();
  const combos = PRODUCT_PREFIXES.flatMap((p) => PRODUCT_SUFFIXES.map((s) => `${p}_${s}`));
  rng.shuffle(combos);
  for (const name of combos) {
    if (names.size >= productCount) break;
    names.add(name);
  }
  for (let k = 2; names.size < productCount; k++) names.add(`${combos[k % combos.length]}_${k}`);

  const products = [...names].sort().map((name, index) => {
    const hasBackend = index < 4 || rng.chance(0.93);
    const isolated = hasBackend && rng.chance(0.35);
    const routed = hasBackend && rng.chance(0.28);
    const modelCount = hasBackend && rng.chance(0.95) ? rng.int(4, 12) : 0;
    const prefix = pascal(name);
    const models = rng.sample(MODEL_NOUNS, modelCount).map((noun) => `${prefix}${noun}`);
    return {
      label: name,
      module: `products.${name}.backend`,
      product: name,
      hasBackend,
      isolated,
      routed,
      database: routed ? name : undefined,
      modelsPackage: hasBackend && models.length > 0 && rng.chance(0.2),
      legacyLeak: isolated && rng.chance(0.25),
      models,
    };
  });

  const coreModelFileCount = clamp(Math.round(files * 0.07), 30, 1000);
  const coreNames = new Set(["Team", "User", "Organization", "OrganizationMembership", ...CORE_MODEL_NAMES]);
  while (coreNames.size < coreModelFileCount * 2) {
    coreNames.add(`${pascal(rng.pick(WORDS))}${pascal(rng.pick(WORDS))}${rng.pick(MODEL_NOUNS)}`);
  }
  const coreApp = { label: "posthog", module: "posthog", models: [...coreNames] };
  const eeApp = { label: "ee", module: "ee", models: [...EE_MODEL_NAMES] };

  const legacyExports = [];
  for (const product of products) {
    if (!product.isolated && product.models.length && rng.chance(0.4)) {
      for (const name of rng.sample(product.models, rng.int(1, 3))) legacyExports.push({ name, app: product });
    }
  }
  const apps = new Map([[coreApp.label, coreApp], [eeApp.label, eeApp], ...products.map((p) => [p.label, p])]);
  return { products, coreApp, eeApp, apps, legacyExports, coreModelFileCount };
}

/** The list of files: fixed content, or a kind to render to a size target later. */
function planFiles(rng, world, { files }) {
  const plan = [];
  const fixed = (p, content) => plan.push({ path: p, content });
  const code = (p, kind, ctx, extra = {}) => plan.push({ path: p, kind, ctx, ...extra });

  // --- posthog core app
  const core = { app: world.coreApp, world };
  fixed("posthog/__init__.py", "");
  fixed("posthog/apps.py", appsFile(core));
  fixed(
    "posthog/models/utils.py",
    [
      "import uuid",
      "",
      "from django.db import models",
      "",
      "",
      "class UUIDModel(models.Model):",
      "    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)",
      "",
      "    class Meta:",
      "        abstract = True",
      "",
      "",
      "class CreatedMetaFields(models.Model):",
      '    created_by = models.ForeignKey("posthog.User", on_delete=models.SET_NULL, null=True, blank=True)',
      "    created_at = models.DateTimeField(auto_now_add=True)",
      "",
      "    class Meta:",
      "        abstract = True",
      "",
    ].join("\n"),
  );
  // Core models: Team in models/team/team.py (a package, as in PostHog), the rest two per file.
  const coreFiles = [];
  const rest = world.coreApp.models.filter((m) => m !== "Team");
  coreFiles.push({ path: "posthog/models/team/team.py", module: "posthog.models.team.team", models: ["Team"] });
  for (let i = 0; i < rest.length; i += 2) {
    const models = rest.slice(i, i + 2);
    const base = snakeCase(models[0]);
    coreFiles.push({ path: `posthog/models/${base}.py`, module: `posthog.models.${base}`, models });
  }
  fixed("posthog/models/team/__init__.py", "from .team import Team\n\n__all__ = [\"Team\"]\n");
  for (const [index, file] of coreFiles.entries()) {
    code(file.path, "models", core, { models: file.models, paddingPrefix: `Core${index}` });
  }
  const initLines = [];
  const byModule = new Map();
  for (const { name, app } of world.legacyExports) {
    const module = `${app.module}.models`;
    if (!byModule.has(module)) byModule.set(module, []);
    byModule.get(module).push(name);
  }
  for (const [module, names] of [...byModule].sort(([a], [b]) => a.localeCompare(b))) {
    initLines.push(`from ${module} import ${names.sort().join(", ")}`);
  }
  initLines.push("");
  for (const file of coreFiles) {
    initLines.push(`from ${file.module.replace("posthog.models", "")} import ${file.models.join(", ")}`);
  }
  initLines.push("", "__all__ = [");
  for (const name of [...world.legacyExports.map((e) => e.name), ...world.coreApp.models].sort()) initLines.push(`    "${name}",`);
  initLines.push("]", "");
  fixed("posthog/models/__init__.py", initLines.join("\n"));
  fixed("posthog/api/__init__.py", "");
  fixed("posthog/tasks/__init__.py", "");
  const coreApiCount = clamp(Math.round(files * 0.04), 10, 400);
  for (let i = 0; i < coreApiCount; i++) code(`posthog/api/${rng.pick(WORDS)}_${i}.py`, "views", core);
  const coreLogicCount = clamp(Math.round(files * 0.03), 8, 300);
  for (let i = 0; i < coreLogicCount; i++) code(`posthog/tasks/${rng.pick(VERBS)}_${rng.pick(WORDS)}_${i}.py`, i % 3 ? "logic" : "tasks", core);

  // --- ee app
  const ee = { app: world.eeApp, world };
  fixed("ee/__init__.py", "");
  fixed("ee/apps.py", appsFile(ee));
  fixed(
    "ee/models/__init__.py",
    `${world.eeApp.models.map((m) => `from .${snakeCase(m)} import ${m}`).join("\n")}\n`,
  );
  for (const [index, model] of world.eeApp.models.entries()) {
    code(`ee/models/${snakeCase(model)}.py`, "models", ee, { models: [model], paddingPrefix: `Ee${index}` });
  }
  fixed("ee/api/__init__.py", "");
  for (let i = 0; i < clamp(Math.round(files * 0.01), 4, 100); i++) code(`ee/api/${rng.pick(WORDS)}_${i}.py`, "views", ee);

  // --- products
  fixed("products/__init__.py", "");
  const extraTargets = [];
  for (const product of world.products) {
    const ctx = { app: product, world };
    const dir = `products/${product.label}`;
    if (!product.hasBackend) continue;
    fixed(`${dir}/__init__.py`, "");
    fixed(`${dir}/backend/__init__.py`, "");
    fixed(`${dir}/backend/apps.py`, appsFile(ctx));
    if (product.models.length) {
      if (product.modelsPackage) {
        const chunks = [];
        const chunkCount = clamp(Math.ceil(product.models.length / 3), 2, 4);
        for (let c = 0; c < chunkCount; c++) chunks.push(product.models.filter((_, i) => i % chunkCount === c));
        const init = [];
        chunks.forEach((models, c) => {
          const base = snakeCase(models[0].slice(pascal(product.label).length) || "core");
          code(`${dir}/backend/models/${base}.py`, "models", ctx, { models, paddingPrefix: `${pascal(product.label)}P${c}` });
          init.push(`from .${base} import ${models.join(", ")}`);
        });
        fixed(`${dir}/backend/models/__init__.py`, `${init.join("\n")}\n`);
      } else {
        code(`${dir}/backend/models.py`, "models", ctx, { models: product.models, paddingPrefix: `${pascal(product.label)}Pad`, big: true });
      }
    }
    code(`${dir}/backend/logic.py`, "logic", ctx);
    if (product.isolated) {
      fixed(`${dir}/backend/presentation/__init__.py`, "");
      code(`${dir}/backend/presentation/views.py`, "views", ctx);
      fixed(`${dir}/backend/facade/__init__.py`, "from . import api, contracts\n\n__all__ = [\"api\", \"contracts\"]\n");
      code(`${dir}/backend/facade/api.py`, "facadeApi", ctx);
      code(`${dir}/backend/facade/contracts.py`, "contracts", ctx);
    } else {
      code(`${dir}/backend/api.py`, "views", ctx);
    }
    fixed(`${dir}/backend/tasks/__init__.py`, "");
    code(`${dir}/backend/tasks/tasks.py`, "tasks", ctx);
    if (product.models.length) {
      fixed(`${dir}/backend/migrations/__init__.py`, "");
      const migrations = rng.int(1, 4);
      for (let n = 1; n <= migrations; n++) {
        code(`${dir}/backend/migrations/${String(n).padStart(4, "0")}_${n === 1 ? "initial" : `auto_${rng.pick(WORDS)}`}.py`, "migration", ctx, { number: n });
      }
    }
    fixed(`${dir}/backend/tests/__init__.py`, "");
    fixed(`${dir}/backend/tests/conftest.py`, conftestFile(rng, ctx));
    for (let t = rng.int(1, 3); t > 0; t--) code(`${dir}/backend/tests/test_${rng.pick(WORDS)}_${t}.py`, "tests", ctx);
    extraTargets.push({ dir, ctx });
  }

  // Top up to the requested number of Python files: more service modules and tests per product.
  const extraTargetsCore = [{ dir: "posthog", ctx: core }];
  const all = [...extraTargets, ...extraTargetsCore];
  for (let k = 0; plan.length < files; k++) {
    const { dir, ctx } = all[k % all.length];
    const n = Math.floor(k / all.length);
    if (dir === "posthog") code(`posthog/api/extra_${rng.pick(WORDS)}_${n}.py`, "views", ctx);
    else if (k % 2 === 0) code(`${dir}/backend/tests/test_${rng.pick(WORDS)}_extra_${n}.py`, "tests", ctx);
    else code(`${dir}/backend/${rng.pick(VERBS)}_${rng.pick(WORDS)}_${n}.py`, "logic", ctx);
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Non-Python files

function packageJson(rng, product) {
  const scripts = {};
  const conventional = "pytest -c ../../pytest.ini --rootdir ../.. backend/tests -v --tb=short";
  const violations = [];
  if (product.hasBackend) {
    const testScript = rng.weighted({ ok: 90, swallow: 3, missing: 2, badPath: 3, noop: 2 });
    if (testScript === "ok") scripts["backend:test"] = conventional;
    else if (testScript === "swallow") scripts["backend:test"] = `${conventional} || true`;
    else if (testScript === "badPath") scripts["backend:test"] = conventional.replace("backend/tests", "backend/test");
    else if (testScript === "noop") scripts["backend:test"] = "echo 'No backend tests'";
    if (testScript !== "ok") violations.push(`backend:test ${testScript}`);
    if (rng.chance(0.2)) scripts["backend:test:unit"] = `${conventional} -m 'not integration'`;
    const required = product.isolated && !product.legacyLeak;
    const has = rng.chance(0.92) ? required : !required;
    if (has) scripts["backend:contract-check"] = "echo 'Contract files unchanged'";
    if (has !== required) violations.push(`contract-check ${has ? "forbidden" : "missing"}`);
  }
  scripts["frontend:typegen"] = "kea-typegen write .";
  const pkg = {
    name: `@posthog/products-${product.label.replace(/_/g, "-")}`,
    scripts,
    dependencies: { kea: "catalog:", "kea-loaders": "catalog:", "kea-router": "catalog:" },
    peerDependencies: { "@posthog/icons": "catalog:", react: "*" },
  };
  return { text: `${JSON.stringify(pkg, null, 4)}\n`, violations };
}

function manifest(product) {
  const scene = pascal(product.label);
  return `import { ProductManifest } from '~/types'

export const manifest: ProductManifest = {
    name: '${scene.replace(/([a-z])([A-Z])/g, "$1 $2")}',
    scenes: {
        ${scene}: { import: () => import('./frontend/${scene}Scene'), projectBased: true, name: '${scene}' },
    },
    routes: { '/${product.label}': ['${scene}', '${product.label}'] },
    urls: { ${product.label}: (): string => '/${product.label}' },
}
`;
}

function frontendScene(product) {
  const scene = pascal(product.label);
  return `export function ${scene}Scene(): JSX.Element {
    return <div className="${scene}Scene">${scene}</div>
}

export default ${scene}Scene
`;
}

function tachToml(world) {
  const lines = ['layers = [\n    "modules",\n]', 'exclude = [\n    "**/*__pycache__",\n    "docs",\n    "tests",\n]', 'source_roots = [\n    ".",\n]', ""];
  const module = (p, deps) => {
    lines.push("[[modules]]", `path = "${p}"`, "depends_on = [", ...deps.map((d) => `    "${d}",`), "]", 'layer = "modules"', "");
  };
  const productModules = world.products.map((p) => `products.${p.label}`);
  module("posthog", ["ee", ...productModules]);
  module("ee", ["posthog", ...productModules.slice(0, 20)]);
  for (const p of world.products) module(`products.${p.label}`, ["posthog"]);
  const isolated = world.products.filter((p) => p.isolated);
  if (isolated.length) {
    lines.push("# Facade + views: the canonical public surface for all isolated products.", "");
    lines.push("[[interfaces]]", "expose = [", '    "backend\\\\.facade.*",', '    "backend\\\\.presentation\\\\.views.*",', '    "backend\\\\.routes.*",', "]");
    lines.push("from = [", `    "products\\\\.(${isolated.map((p) => p.label).join("|")})",`, "]", "");
  }
  for (const p of world.products.filter((q) => q.legacyLeak)) {
    lines.push(`# TODO: legacy leak — core still imports ${p.label} internals directly.`, "");
    lines.push("[[interfaces]]", "expose = [", '    "backend\\\\.models.*",', '    "backend\\\\.logic.*",', "]", `from = [\n    "products.${p.label}",\n]`, "");
  }
  for (const p of world.products.filter((q) => !q.isolated && q.hasBackend)) {
    lines.push("[[interfaces]]", 'expose = [\n    "backend\\\\.models.*",\n    "backend\\\\.api.*",\n]', `from = [\n    "products.${p.label}",\n]`, "");
  }
  return lines.join("\n");
}

function dbRoutingYaml(world) {
  const routed = world.products.filter((p) => p.routed);
  return [
    "# Products that live in their own Postgres database.",
    "routes:",
    ...routed.flatMap((p) => [`  - app_label: ${p.label}`, `    database: ${p.database}`]),
    "",
  ].join("\n");
}

const PYTEST_INI = `[pytest]
DJANGO_SETTINGS_MODULE = posthog.settings
addopts = -p no:warnings --reuse-db
python_files = test_*.py *_test.py
`;

// ---------------------------------------------------------------------------------------------

/**
 * Generates the tree into `dir` (created, or emptied first).
 * @returns {{ dir: string, pyFiles: string[], pyBytes: number, totalFiles: number, totalBytes: number,
 *   products: number, productsWithBackend: number, routed: number, isolated: number, bigFiles: {path: string, bytes: number}[],
 *   seededViolations: Record<string, number> }}
 */
export function generateTree(dir, options = {}) {
  const { files, mb, seed } = { ...DEFAULTS, ...options };
  const rng = createRng(seed);
  const world = planWorld(rng.fork("world"), { files });
  const plan = planFiles(rng.fork("plan"), world, { files });

  // Byte budget: a few big models files, the rest spread by kind weight.
  const budget = Math.round(mb * MiB);
  const sizeRng = rng.fork("sizes");
  const fixedBytes = plan.filter((e) => e.content !== undefined).reduce((sum, e) => sum + Buffer.byteLength(e.content), 0);
  const bigCandidates = plan.filter((e) => e.big);
  const bigCount = mb >= 4 ? clamp(Math.round(mb / 8), 1, 10) : 0;
  const bigEntries = sizeRng.sample(bigCandidates, bigCount);
  let bigBytes = 0;
  for (const entry of bigEntries) {
    entry.target = sizeRng.int(520_000, 1_000_000);
    bigBytes += entry.target;
  }
  const paddable = plan.filter((e) => e.kind && e.target === undefined);
  for (const entry of paddable) entry.weight = KIND_WEIGHTS[entry.kind] * (0.4 + 1.2 * sizeRng.next());
  const totalWeight = paddable.reduce((sum, e) => sum + e.weight, 0);
  const remaining = Math.max(0, budget - fixedBytes - bigBytes);
  for (const entry of paddable) {
    // Keep ordinary files under the big ones.
    entry.target = clamp(Math.round((remaining * entry.weight) / totalWeight), MIN_TARGET, 400_000);
  }

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const write = (relative, text) => {
    const full = path.join(dir, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    return Buffer.byteLength(text);
  };

  const pyFiles = [];
  let pyBytes = 0;
  let totalBytes = 0;
  let totalFiles = 0;
  const bigFiles = [];
  for (const entry of plan) {
    const text = entry.content ?? renderKind(entry, rng.fork(entry.path), entry.target);
    const bytes = write(entry.path, text);
    pyFiles.push(entry.path);
    pyBytes += bytes;
    totalBytes += bytes;
    totalFiles++;
    if (bigEntries.includes(entry)) bigFiles.push({ path: entry.path, bytes });
  }

  const seededViolations = {};
  const count = (key) => (seededViolations[key] = (seededViolations[key] ?? 0) + 1);
  const pkgRng = rng.fork("package.json");
  for (const product of world.products) {
    const pdir = `products/${product.label}`;
    const { text, violations } = packageJson(pkgRng, product);
    violations.forEach(count);
    totalBytes += write(`${pdir}/package.json`, text);
    totalBytes += write(`${pdir}/manifest.tsx`, manifest(product));
    totalBytes += write(`${pdir}/frontend/${pascal(product.label)}Scene.tsx`, frontendScene(product));
    totalFiles += 3;
  }
  totalBytes += write("products/db_routing.yaml", dbRoutingYaml(world));
  totalBytes += write("tach.toml", tachToml(world));
  totalBytes += write("pytest.ini", PYTEST_INI);
  totalFiles += 3;

  return {
    dir,
    seed,
    pyFiles,
    pyBytes,
    totalFiles,
    totalBytes,
    products: world.products.length,
    productsWithBackend: world.products.filter((p) => p.hasBackend).length,
    routed: world.products.filter((p) => p.routed).length,
    isolated: world.products.filter((p) => p.isolated).length,
    legacyExports: world.legacyExports.length,
    bigFiles,
    seededViolations,
  };
}

export function defaultTreeDir(n = process.pid) {
  return path.join(os.tmpdir(), `posthog-products-bench-${n}`);
}

// CLI: generate only.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      files: { type: "string", default: String(DEFAULTS.files) },
      mb: { type: "string", default: String(DEFAULTS.mb) },
      seed: { type: "string", default: String(DEFAULTS.seed) },
    },
  });
  const out = values.out ? path.resolve(values.out) : defaultTreeDir();
  const started = performance.now();
  const stats = generateTree(out, { files: Number(values.files), mb: Number(values.mb), seed: Number(values.seed) });
  const { pyFiles, ...rest } = stats;
  console.log(JSON.stringify({ ...rest, pyFileCount: pyFiles.length, pyMiB: +(stats.pyBytes / MiB).toFixed(2), seconds: +((performance.now() - started) / 1000).toFixed(2) }, null, 2));
}
