#!/usr/bin/env node
// Benchmark: generates a PostHog-shaped tree (scripts/bench/generate-tree.js) into
// os.tmpdir()/posthog-products-bench-<pid> and measures, in one run:
//   - raw tree-sitter parse throughput over every .py file (getPythonParser, parse + delete);
//   - ESLint wall time with the python language and no rules;
//   - ESLint wall time with plugin.configs.recommended (the .py files + products/*/package.json);
//   - their ratio;
//   - repository index build time (getRepoIndex after clearRepoIndexCache), when dist/project exists;
//   - peak memory (maxRSS).
// Prints a table, or the same figures as JSON with --json. Nothing here asserts on time.
//
// Usage: node scripts/bench.js [--files N] [--mb N] [--seed N] [--keep] [--json] [--out DIR] [--generate-only]
//   --files N        at least N Python files (default 1500)
//   --mb N           about N MB of Python source (1 MB = 2^20 bytes; default 30)
//   --seed N         PRNG seed (default 1337); same seed and sizes → identical tree
//   --keep           keep the generated tree (its path is printed)
//   --out DIR        generate into DIR instead of the temp dir (kept)
//   --generate-only  only generate the tree and print its figures (kept; needs no build)
//   --json           print the results as JSON on stdout (progress goes to stderr)

import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULTS, MiB, defaultTreeDir, generateTree } from "./bench/generate-tree.js";

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, "..");
const dist = (relative) => path.join(repoRoot, "dist", relative);

function parseCli() {
  const { values } = parseArgs({
    options: {
      files: { type: "string", default: String(DEFAULTS.files) },
      mb: { type: "string", default: String(DEFAULTS.mb) },
      seed: { type: "string", default: String(DEFAULTS.seed) },
      keep: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      out: { type: "string" },
      "generate-only": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      "Usage: node scripts/bench.js [--files N] [--mb N] [--seed N] [--keep] [--json] [--out DIR] [--generate-only]",
    );
    process.exit(0);
  }
  const number = (name, min) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number >= ${min}, got ${values[name]}`);
    return value;
  };
  return {
    files: Math.floor(number("files", 1)),
    mb: number("mb", 0),
    seed: Math.floor(number("seed", 0)),
    keep: values.keep || Boolean(values.out) || values["generate-only"],
    json: values.json,
    out: values.out ? path.resolve(values.out) : undefined,
    generateOnly: values["generate-only"],
  };
}

const seconds = (ms) => +(ms / 1000).toFixed(3);
const mib = (bytes) => +(bytes / MiB).toFixed(2);
const peakRssMiB = () => +(process.resourceUsage().maxRSS / 1024).toFixed(1); // maxRSS is in KiB

async function timed(fn) {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

function summarizeResults(results) {
  const byRule = {};
  let fatal = 0;
  let problems = 0;
  let filesWithProblems = 0;
  for (const result of results) {
    if (result.messages.length) filesWithProblems++;
    for (const message of result.messages) {
      problems++;
      if (message.fatal) fatal++;
      const rule = message.ruleId ?? (message.fatal ? "(fatal)" : "(no rule)");
      byRule[rule] = (byRule[rule] ?? 0) + 1;
    }
  }
  return { files: results.length, problems, fatal, filesWithProblems, byRule };
}

async function main() {
  const options = parseCli();
  const log = (...args) => console.error(...args); // progress on stderr, results on stdout
  const report = {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    options: { files: options.files, mb: options.mb, seed: options.seed },
  };
  const errors = [];

  // 1. The tree.
  const treeDir = options.out ?? defaultTreeDir();
  log(`generating ${options.files}+ Python files, ~${options.mb} MB into ${treeDir} ...`);
  const gen = await timed(() => generateTree(treeDir, options));
  const tree = gen.value;
  report.tree = {
    dir: treeDir,
    kept: options.keep,
    pythonFiles: tree.pyFiles.length,
    pythonMiB: mib(tree.pyBytes),
    totalFiles: tree.totalFiles,
    totalMiB: mib(tree.totalBytes),
    products: tree.products,
    productsWithBackend: tree.productsWithBackend,
    routedProducts: tree.routed,
    isolatedProducts: tree.isolated,
    bigFiles: tree.bigFiles.map((f) => ({ path: f.path, KiB: Math.round(f.bytes / 1024) })),
    generateSeconds: seconds(gen.ms),
  };

  const cleanup = () => {
    if (!options.keep) rmSync(treeDir, { recursive: true, force: true });
  };

  try {
    if (!options.generateOnly) await measure(options, report, errors, treeDir, tree, log);
  } finally {
    cleanup();
  }
  report.peakRssMiB = peakRssMiB();
  if (errors.length) report.errors = errors;

  if (options.json) console.log(JSON.stringify(report, null, 2));
  else printTable(report);
  if (errors.length) process.exitCode = 1;
}

async function measure(options, report, errors, treeDir, tree, log) {
  if (!existsSync(dist("index.js"))) {
    errors.push("dist/index.js is missing: run `npm run build` first (or use --generate-only).");
    return;
  }
  const plugin = (await import(pathToFileURL(dist("index.js")).href)).default;
  const { getPythonParser } = await import(pathToFileURL(dist("languages/python/tree-sitter.js")).href);

  // 2. Raw tree-sitter throughput: sources read up front, only parse + delete is timed.
  log("parsing every .py file with tree-sitter ...");
  const sources = tree.pyFiles.map((relative) => readFileSync(path.join(treeDir, relative), "utf8"));
  const parser = getPythonParser();
  parser.parse("import os\n")?.delete(); // warm-up
  let parseErrors = 0;
  const parse = await timed(() => {
    for (const text of sources) {
      const parsed = parser.parse(text);
      if (parsed.rootNode.hasError) parseErrors++;
      parsed.delete();
    }
  });
  report.parse = {
    files: sources.length,
    MiB: mib(tree.pyBytes),
    seconds: seconds(parse.ms),
    MiBPerSecond: +(tree.pyBytes / MiB / (parse.ms / 1000)).toFixed(1),
    filesWithSyntaxErrors: parseErrors,
  };
  sources.length = 0;

  const { ESLint } = await import("eslint");
  const lintWith = async (label, overrideConfig) => {
    log(`ESLint (${label}) ...`);
    try {
      const eslint = new ESLint({ cwd: treeDir, overrideConfigFile: true, overrideConfig, cache: false });
      const run = await timed(() => eslint.lintFiles(["."]));
      return { seconds: seconds(run.ms), ...summarizeResults(run.value) };
    } catch (error) {
      errors.push(`ESLint (${label}) threw: ${error?.stack ?? error}`);
      return null;
    }
  };

  // Warm-up (not timed): ESLint's own code paths and the JIT, so the first timed run is not penalised.
  try {
    const warm = new ESLint({
      cwd: treeDir,
      overrideConfigFile: true,
      overrideConfig: [{ files: ["**/*.py"], plugins: { "posthog-products": plugin }, language: "posthog-products/python" }],
      cache: false,
    });
    await warm.lintFiles(tree.pyFiles.slice(0, 30));
  } catch {
    // reported by the timed runs below
  }

  // 3. Language only, no rules.
  report.eslintNoRules = await lintWith("python language, no rules", [
    {
      files: ["**/*.py"],
      plugins: { "posthog-products": plugin },
      language: "posthog-products/python",
    },
  ]);

  // 4. The recommended config (includes building the repository index once).
  report.eslintRecommended = await lintWith("recommended", plugin.configs.recommended);
  if (report.eslintRecommended) {
    report.eslintRecommended.rules = Object.keys(
      Object.assign({}, ...plugin.configs.recommended.map((config) => config.rules ?? {})),
    );
  }
  if (report.eslintNoRules && report.eslintRecommended) {
    report.recommendedOverNoRules = +(report.eslintRecommended.seconds / report.eslintNoRules.seconds).toFixed(2);
  }

  // 5. Repository index build, cold.
  if (existsSync(dist("project/index.js"))) {
    try {
      const project = await import(pathToFileURL(dist("project/index.js")).href);
      if (typeof project.getRepoIndex === "function") {
        project.clearRepoIndexCache?.();
        const file = path.join(treeDir, tree.pyFiles.find((p) => p.endsWith("/models.py")) ?? tree.pyFiles[0]);
        const build = await timed(() => project.getRepoIndex(file, { cwd: treeDir, settings: {} }));
        const index = build.value;
        const size = (value) => (value instanceof Map ? value.size : Array.isArray(value) ? value.length : undefined);
        report.index = {
          seconds: seconds(build.ms),
          products: size(index?.products),
          apps: size(index?.apps),
          modelNames: size(index?.modelsByName),
          dbRoutes: size(index?.dbRoutes),
          problems: size(index?.problems),
        };
        const warm = await timed(() => project.getRepoIndex(file, { cwd: treeDir, settings: {} }));
        report.index.cachedSeconds = seconds(warm.ms);
      } else {
        report.index = { skipped: "dist/project/index.js has no getRepoIndex export" };
      }
    } catch (error) {
      errors.push(`getRepoIndex threw: ${error?.stack ?? error}`);
    }
  } else {
    report.index = { skipped: "dist/project/index.js does not exist" };
  }
}

function printTable(report) {
  const rows = [];
  const row = (label, value) => rows.push([label, value === undefined || value === null ? "-" : String(value)]);
  const t = report.tree;
  row("tree", `${t.dir}${t.kept ? " (kept)" : " (removed)"}`);
  row("python files / MB", `${t.pythonFiles} / ${t.pythonMiB}`);
  row("all files / MB", `${t.totalFiles} / ${t.totalMiB}`);
  row("products (backend, routed, isolated)", `${t.products} (${t.productsWithBackend}, ${t.routedProducts}, ${t.isolatedProducts})`);
  row("big files (KiB)", t.bigFiles.map((f) => `${f.path.split("/")[1]}: ${f.KiB}`).join(", ") || "none");
  row("generate time (s)", t.generateSeconds);
  if (report.parse) {
    row("tree-sitter parse (s)", report.parse.seconds);
    row("tree-sitter throughput (MB/s)", report.parse.MiBPerSecond);
    row("files with syntax errors", report.parse.filesWithSyntaxErrors);
  }
  const lint = (label, r) => {
    if (!r) return row(label, "failed");
    row(`${label} (s)`, r.seconds);
    row(`${label} files / problems / fatal`, `${r.files} / ${r.problems} / ${r.fatal}`);
  };
  if ("eslintNoRules" in report) lint("ESLint, no rules", report.eslintNoRules);
  if ("eslintRecommended" in report) {
    lint("ESLint, recommended", report.eslintRecommended);
    if (report.eslintRecommended) {
      const byRule = Object.entries(report.eslintRecommended.byRule).map(([rule, n]) => `${rule.replace("posthog-products/", "")}: ${n}`);
      row("  problems by rule", byRule.join(", ") || "none");
      row("  rules on", report.eslintRecommended.rules.length);
    }
  }
  if ("recommendedOverNoRules" in report) row("recommended / no rules", `${report.recommendedOverNoRules}x`);
  if (report.index) {
    if (report.index.skipped) row("index build", `skipped: ${report.index.skipped}`);
    else {
      row("index build, cold (s)", report.index.seconds);
      row("index lookup, cached (s)", report.index.cachedSeconds);
      row("index products / apps / model names", `${report.index.products} / ${report.index.apps} / ${report.index.modelNames}`);
    }
  }
  row("peak memory, maxRSS (MB)", report.peakRssMiB);
  row("node", `${report.node} ${report.platform}`);

  const width = Math.max(...rows.map(([label]) => label.length));
  console.log("posthog-products benchmark (1 MB = 2^20 bytes)");
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  for (const error of report.errors ?? []) console.log(`  error: ${error.split("\n")[0]}`);
}

try {
  await main();
} catch (error) {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
}
