/**
 * The plugin reads only inside the repository root, follows no symlink out of it, never executes
 * Python or any other repository code, and survives symlink loops and unreadable files. Checked
 * end to end through the `ESLint` class (the index alone is covered in project-index.test.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import plugin from "../../src/index.js";
import { clearRepoIndexCache, setIndexRefreshInterval } from "../../src/project/index.js";

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "repo-basic");
const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "src");
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "posthog-products-bounds-")));
  tempDirs.push(dir);
  return dir;
}

function write(root: string, relative: string, text: string): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function copyFixture(): string {
  const root = tempDir();
  fs.cpSync(FIXTURE, root, { recursive: true });
  return root;
}

function eslintFor(root: string, fix = false): ESLint {
  return new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: plugin.configs.recommended, fix });
}

/** Every .py file and product package.json under the root (not following symlinks), as ESLint would pick them. */
function lintableFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const target = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(target);
      else if (entry.isFile() && (entry.name.endsWith(".py") || /\/products\/[^/]+\/package\.json$/u.test(target))) found.push(target);
    }
  };
  walk(root);
  return found.sort();
}

const FS_METHODS = ["readFileSync", "readdirSync", "statSync", "lstatSync", "existsSync", "openSync", "opendirSync", "accessSync"] as const;

/** Records the path of every synchronous fs call (the plugin's file access is synchronous) while `run` runs. */
async function recordFsAccess(run: () => Promise<void>): Promise<string[]> {
  const spies = FS_METHODS.map((method) => vi.spyOn(fs, method));
  try {
    await run();
    return spies.flatMap((spy) =>
      spy.mock.calls.flatMap(([target]: unknown[]) => {
        if (typeof target === "string") return [target];
        return target instanceof URL ? [fileURLToPath(target)] : [];
      }),
    );
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

beforeEach(() => {
  clearRepoIndexCache();
});

afterEach(() => {
  setIndexRefreshInterval(200);
  clearRepoIndexCache();
});

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("reads only inside the repository root", () => {
  it("follows no symlink out of the root, and a pytest path out of the root is not looked at", async () => {
    const root = copyFixture();
    const outside = tempDir();
    // A would-be product, a models module, config files and test folders, all outside the root.
    write(outside, "product/backend/apps.py", 'from django.apps import AppConfig\n\nclass X(AppConfig):\n    name = "products.leak.backend"\n    label = "leak"\n');
    write(outside, "product/backend/models.py", "class Secret:\n    pass\n");
    write(outside, "product/package.json", '{ "name": "@posthog/products-leak", "scripts": { "backend:test": "true" } }');
    write(outside, "secret_models.py", "class OutsideModel:\n    pass\n");
    write(outside, "db_routing.yaml", "routes:\n  - app_label: feature_flags\n    database: flags\n");
    write(outside, "tach.toml", '[[interfaces]]\nexpose = ["backend\\\\.logic"]\nfrom = ["products.visual_review"]\n');
    write(outside, "tests/test_outside.py", "def test_x():\n    pass\n");
    write(outside, "facade/contracts.py", "");
    write(outside, "facade/api.py", "def leak():\n    pass\n");

    fs.symlinkSync(path.join(outside, "product"), path.join(root, "products/leak"));
    fs.symlinkSync(path.join(outside, "secret_models.py"), path.join(root, "products/experiments/backend/models/secret.py"));
    fs.rmSync(path.join(root, "products/db_routing.yaml"));
    fs.symlinkSync(path.join(outside, "db_routing.yaml"), path.join(root, "products/db_routing.yaml"));
    fs.rmSync(path.join(root, "tach.toml"));
    fs.symlinkSync(path.join(outside, "tach.toml"), path.join(root, "tach.toml"));
    fs.rmSync(path.join(root, "products/web_vitals/backend/tests"), { recursive: true, force: true });
    fs.mkdirSync(path.join(root, "products/web_vitals/backend"), { recursive: true });
    fs.symlinkSync(path.join(outside, "tests"), path.join(root, "products/web_vitals/backend/tests"));
    fs.rmSync(path.join(root, "products/surveys/backend/facade"), { recursive: true, force: true });
    fs.symlinkSync(path.join(outside, "facade"), path.join(root, "products/surveys/backend/facade"));
    write(
      root,
      "products/surveys/package.json",
      JSON.stringify({
        name: "@posthog/products-surveys",
        scripts: { "backend:test": `pytest ${path.join(outside, "tests")} ../../../${path.basename(outside)}/tests backend/tests`, "backend:contract-check": "echo 'Contract files unchanged'" },
      }),
    );
    write(root, "products/feature_flags/backend/probe.py", "from posthog.models import Secret, OutsideModel\n");

    const files = lintableFiles(root);
    let results: ESLint.LintResult[] = [];
    const accessed = await recordFsAccess(async () => {
      results = await eslintFor(root).lintFiles(files);
    });

    const leaked = accessed.filter((target) => {
      const absolute = path.resolve(root, target);
      return absolute === outside || absolute.startsWith(outside + path.sep);
    });
    expect(leaked).toEqual([]);
    // Through a symlink inside the root, only the link itself may be looked at (lstat/realpath), never its target.
    for (const result of results) expect(result.messages.filter((message) => message.ruleId === null)).toEqual([]);
    const messages = results.flatMap((result) => result.messages.map((message) => `${path.relative(root, result.filePath)}: ${message.message}`));
    // Nothing from outside entered the index: no product "leak", no model Secret/OutsideModel, no routes, no tach leak.
    expect(messages.filter((message) => /products\/leak|"leak"|Secret|OutsideModel|has a legacy interface leak|database "flags"/u.test(message))).toEqual([]);
    // The surveys facade (a symlink out) does not count: the contract-check script is reported as not isolated.
    expect(messages.some((message) => message.startsWith("products/surveys/package.json") && message.includes("is not isolated"))).toBe(true);
  });

  it("survives symlink loops: a folder linking to itself or its parent, a self link, a link to the root", async () => {
    const root = copyFixture();
    fs.symlinkSync(".", path.join(root, "products/visual_review/backend/tests/loop"));
    fs.symlinkSync("..", path.join(root, "products/visual_review/backend/tests/up"));
    fs.symlinkSync("self", path.join(root, "products/self"));
    fs.symlinkSync(".", path.join(root, "products/experiments/backend/models/again"));
    fs.symlinkSync("../..", path.join(root, "products/feature_flags/backend/up"));
    fs.symlinkSync(root, path.join(root, "posthog/models/root_link"));
    write(
      root,
      "products/visual_review/package.json",
      JSON.stringify({
        name: "@posthog/products-visual-review",
        scripts: { "backend:test": "pytest backend/tests/loop/loop/loop backend/tests/up/up/tests backend/tests/loop/x", "backend:contract-check": "echo 'Contract files unchanged'" },
      }),
    );
    const started = Date.now();
    const results = await eslintFor(root).lintFiles(lintableFiles(root));
    expect(Date.now() - started).toBeLessThan(20_000);
    for (const result of results) expect(result.messages.filter((message) => message.ruleId === null)).toEqual([]);
    const visual = results.find((result) => result.filePath.endsWith("products/visual_review/package.json"))!;
    // loop/loop/loop is backend/tests itself (holds tests); up/up is products/visual_review/backend/.. (no tests/ there).
    expect(visual.messages.filter((message) => message.ruleId === "posthog-products/no-swallowed-test-failures").map((message) => message.message)).toEqual([
      '"backend:test" runs pytest on "backend/tests/up/up/tests", which does not exist (scripts run from products/visual_review/).',
      '"backend:test" runs pytest on "backend/tests/loop/x", which does not exist (scripts run from products/visual_review/).',
    ]);
  });
});

describe("unreadable files", () => {
  function eacces(target: string): Error {
    return Object.assign(new Error(`EACCES: permission denied, open '${target}'`), { code: "EACCES" });
  }

  it("an unreadable db_routing.yaml, tach.toml, apps.py, models folder or package.json: no crash, no copy of the problem elsewhere (simulated, works as root)", async () => {
    const root = copyFixture();
    setIndexRefreshInterval(0);
    write(root, "products/visual_review/backend/probe.py", 'from django.db import models\n\n\nclass Probe(models.Model):\n    team = models.ForeignKey("posthog.Team", on_delete=models.CASCADE)\n');
    const unreadable = new Set([
      path.join(root, "products/db_routing.yaml"),
      path.join(root, "tach.toml"),
      path.join(root, "products/feature_flags/backend/apps.py"),
      path.join(root, "products/experiments/package.json"),
    ]);
    const unlistable = path.join(root, "products/experiments/backend/models");
    const readFile = fs.readFileSync.bind(fs);
    const readDir = fs.readdirSync.bind(fs);
    const readSpy = vi.spyOn(fs, "readFileSync").mockImplementation(((target: fs.PathOrFileDescriptor, options?: unknown) => {
      if (typeof target === "string" && unreadable.has(target)) throw eacces(target);
      return (readFile as (...args: unknown[]) => unknown)(target, options);
    }) as typeof fs.readFileSync);
    const dirSpy = vi.spyOn(fs, "readdirSync").mockImplementation(((target: fs.PathLike, options?: unknown) => {
      if (target === unlistable) throw eacces(unlistable);
      return (readDir as (...args: unknown[]) => unknown)(target, options);
    }) as typeof fs.readdirSync);
    let results: ESLint.LintResult[];
    try {
      results = await eslintFor(root).lintFiles([
        path.join(root, "products/visual_review/backend/probe.py"),
        path.join(root, "products/visual_review/package.json"),
        path.join(root, "products/feature_flags/backend/models.py"),
      ]);
    } finally {
      readSpy.mockRestore();
      dirSpy.mockRestore();
    }
    // The rules that read db_routing.yaml and tach.toml (the product-layout rules read neither).
    const readers = new Set(["no-cross-db-fk", "string-fk-labels", "no-posthog-models-import", "contract-check-consistency"].map((rule) => `posthog-products/${rule}`));
    const byFile = (suffix: string) =>
      results
        .find((result) => result.filePath.endsWith(suffix))!
        .messages.filter((message) => message.ruleId === null || readers.has(message.ruleId))
        .map((message) => message.message);
    // The routing and tach.toml cannot be read: the checks that depend on them stay quiet (linting
    // the unreadable file itself is where it shows: ESLint cannot read it either).
    expect(byFile("probe.py")).toEqual([]);
    expect(byFile("visual_review/package.json")).toEqual([]);
    expect(byFile("feature_flags/backend/models.py").filter((message) => message.includes("db_routing.yaml")).length).toBeLessThanOrEqual(1);
  });

  it.skipIf(process.platform === "win32" || process.getuid?.() === 0)("really unreadable files (chmod 000) do not crash a lint run", async () => {
    const root = copyFixture();
    const targets = [path.join(root, "products/db_routing.yaml"), path.join(root, "tach.toml"), path.join(root, "products/experiments/backend/models")];
    for (const target of targets) fs.chmodSync(target, 0o000);
    try {
      const results = await eslintFor(root).lintFiles(lintableFiles(root).filter((file) => !file.startsWith(targets[2]!)));
      for (const result of results) expect(result.messages.filter((message) => message.ruleId === null)).toEqual([]);
    } finally {
      for (const target of targets) fs.chmodSync(target, 0o755);
    }
  });
});

describe("never executes repository code", () => {
  it("linting (with --fix) a repository whose Python files, package.json scripts and configs would leave a marker if run leaves none", async () => {
    const root = copyFixture();
    const marker = path.join(tempDir(), "executed");
    const python = `import pathlib\npathlib.Path(${JSON.stringify(marker)}).write_text("ran")\n`;
    for (const file of [
      "conftest.py",
      "setup.py",
      "manage.py",
      "products/feature_flags/backend/apps.py",
      "products/feature_flags/backend/__init__.py",
      "products/experiments/backend/models/__init__.py",
      "posthog/models/__init__.py",
      "products/visual_review/backend/facade/api.py",
      "products/visual_review/backend/tests/conftest.py",
    ]) {
      const existing = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), "utf8") : "";
      write(root, file, `${python}${existing}`);
    }
    const shell = `touch ${marker}`;
    write(
      root,
      "products/surveys/package.json",
      JSON.stringify(
        {
          name: "@posthog/products-surveys",
          scripts: { preinstall: shell, postinstall: shell, prepare: shell, "backend:test": `${shell} && pytest backend/tests || true`, "backend:contract-check": shell },
        },
        null,
        2,
      ),
    );
    // YAML tags and TOML values that some loaders would turn into code.
    write(root, "products/db_routing.yaml", `routes: !!js/function "function () { require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran') }"\n`);
    fs.appendFileSync(path.join(root, "tach.toml"), `\n[hooks]\nrun = "${shell}"\n`);
    write(root, "products/experiments/backend/probe.py", `from posthog.models import FeatureFlag\n__import__("os").system(${JSON.stringify(shell)})\n`);

    const results = await eslintFor(root, true).lintFiles(lintableFiles(root));
    expect(results.length).toBeGreaterThan(10);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it("src/ has no way to run code: no child_process, vm, worker threads, eval, new Function, dynamic import or computed require", () => {
    const offenders: string[] = [];
    // On the raw text: module specifiers.
    const forbiddenModules = /["'](?:node:)?(?:child_process|vm|worker_threads|cluster)["']/u;
    // On the text without comments and string contents: code that evaluates or loads code.
    const forbiddenCode: [RegExp, string][] = [
      [/\beval\s*\(/u, "eval"],
      [/\bnew\s+Function\s*\(/u, "new Function"],
      [/\bFunction\s*\(/u, "Function()"],
      [/\bimport\s*\(/u, "dynamic import()"],
      [/\brequire\s*\(\s*(?!"")/u, "require(<computed>)"],
    ];
    const stripped = (text: string): string =>
      text.replace(/(\/\*[\s\S]*?\*\/|\/\/[^\n]*)|(`(?:\\[\s\S]|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')/gu, (_, comment: string | undefined) =>
        comment ? "" : '""',
      );
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const target = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(target);
        else if (entry.name.endsWith(".ts")) {
          const raw = fs.readFileSync(target, "utf8");
          if (forbiddenModules.test(raw)) offenders.push(`${path.relative(SRC, target)}: imports a module that runs code`);
          const code = stripped(raw);
          for (const [pattern, what] of forbiddenCode) if (pattern.test(code)) offenders.push(`${path.relative(SRC, target)}: ${what}`);
        }
      }
    };
    walk(SRC);
    expect(offenders).toEqual([]);
  });
});
