#!/usr/bin/env node
// Benchmark, all figures from one run: generates a PostHog-shaped tree (scripts/bench/generate-tree.js;
// by default 2,000 Python files, 42 MB, seed 1337) and measures, in fresh processes, interleaved
// over several rounds (medians):
//   - the raw web-tree-sitter parse of every .py file;
//   - ESLint with the minimal-shallow anchor language (scripts/bench/minimal-language.js);
//   - ESLint with the plugin's Python language and no rule;
//   - ESLint with plugin.configs.recommended, single-thread and with concurrency 2 (both with the
//     index snapshot a previous run left in the tree's node_modules/.cache, as a developer's second
//     run has it; one run without it is reported beside);
//   - the anchor with concurrency 2: the speed-up ESLint's workers reach on this machine with a
//     language that costs nothing beyond the parse, to read the plugin's concurrency2 against;
//     and, for both, the most two workers could reach on this machine's cores (concurrency2Bound);
//   - in the first three rounds, what ESLint's split of the work costs: the recommended run with
//     one ESLint worker, and two single-thread recommended runs at once in two processes (what the
//     machine's cores give two lints that share nothing);
//   - the editor: ESLint#lintText of the models file closest to 2,000 lines after one character typed in a field
//     line, against a full raw parse of the same text;
//   - --cache: a cold run, then a warm run after an edit inside a models file that changes no model
//     class, label or relation; the cache file's size;
//   - peak RSS of the single-thread recommended run;
//   - on Linux, each run's CPU by group of threads: the main thread, ESLint's workers, and the
//     helpers (V8's garbage collection and compiler, libuv's pool);
//   - once, the calls the recommended run makes into web-tree-sitter's node API, counted: a figure
//     that does not move with the machine's speed, to compare builds by.
// Ends with one `ratios: ...` line (numbers only) to compare runs. Nothing here asserts on time.
//
// Usage: node scripts/bench.js --help

import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { concurrencyBound } from "./bench/concurrency-bound.js";
import { DEFAULTS, MiB, defaultTreeDir, generateTree } from "./bench/generate-tree.js";

const USAGE = `Usage: node scripts/bench.js [--files N] [--mb N] [--seed N] [--rounds N] [--edits N]
                              [--plugin PATH] [--tree DIR] [--keep] [--json]
  --files, --mb, --seed  the generated tree (defaults: ${DEFAULTS.files} Python files, ${DEFAULTS.mb} MB, seed ${DEFAULTS.seed})
  --rounds N             interleaved rounds; figures are medians (default 5)
  --edits N              one-character edits measured in the editor (default 40)
  --plugin PATH          the plugin build to measure (default: this repository's dist/index.js), e.g.
                         an older build to compare with (a dist/ copied elsewhere needs node_modules beside it)
  --tree DIR             use (or generate into, when empty) DIR instead of a temporary one; kept
  --keep                 keep the generated tree
  --json                 print the ratios inside the JSON figures too`;

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, "..");
const log = (...args) => console.error(...args);

function parseCli() {
  const { values } = parseArgs({
    options: {
      files: { type: "string", default: String(DEFAULTS.files) },
      mb: { type: "string", default: String(DEFAULTS.mb) },
      seed: { type: "string", default: String(DEFAULTS.seed) },
      rounds: { type: "string", default: "5" },
      edits: { type: "string", default: "40" },
      plugin: { type: "string", default: path.join(repoRoot, "dist", "index.js") },
      tree: { type: "string" },
      keep: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
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
    rounds: Math.floor(number("rounds", 1)),
    edits: Math.floor(number("edits", 2)),
    plugin: path.resolve(values.plugin),
    tree: values.tree ? path.resolve(values.tree) : undefined,
    keep: values.keep || Boolean(values.tree),
    json: values.json,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const round = (value, digits = 2) => +value.toFixed(digits);

/** Runs a script of scripts/bench/ with a measurement's arguments; the JSON it prints. */
function runBenchScript(script, kind, tree, plugin, options) {
  const output = execFileSync(process.execPath, [path.join(scriptDir, "bench", script), kind, tree, plugin, JSON.stringify(options)], {
    cwd: tree,
    encoding: "utf8",
    maxBuffer: 64 * MiB,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(output);
}

/** Runs one measurement in a fresh process (scripts/bench/lint-run.js). */
const measure = (kind, tree, plugin, options = {}) => runBenchScript("lint-run.js", kind, tree, plugin, options);

/** Two measurements at once, each in a process of its own (scripts/bench/lint-pair.js). */
const measurePair = (kind, tree, plugin, options = {}) => runBenchScript("lint-pair.js", kind, tree, plugin, options);

function writeConfigs(tree, plugin) {
  const pluginUrl = pathToFileURL(plugin).href;
  const minimalUrl = pathToFileURL(path.join(scriptDir, "bench", "minimal-language.js")).href;
  writeFileSync(path.join(tree, "bench-minimal.config.js"), `export { minimalConfig as default } from ${JSON.stringify(minimalUrl)};\n`);
  writeFileSync(
    path.join(tree, "bench-norules.config.js"),
    `import plugin from ${JSON.stringify(pluginUrl)};\nexport default [{ files: ["**/*.py"], plugins: { "posthog-products": plugin }, language: "posthog-products/python" }];\n`,
  );
  writeFileSync(path.join(tree, "bench-recommended.config.js"), `import plugin from ${JSON.stringify(pluginUrl)};\nexport default plugin.configs.recommended;\n`);
}

function prepareTree(options) {
  const dir = options.tree ?? defaultTreeDir();
  const listing = path.join(dir, ".bench-files.json");
  if (existsSync(listing)) {
    log(`using the tree in ${dir}`);
    return dir;
  }
  log(`generating ${options.files}+ Python files, ~${options.mb} MB into ${dir} ...`);
  const tree = generateTree(dir, options);
  const bigFiles = tree.bigFiles.map((file) => file.path);
  writeFileSync(listing, JSON.stringify({ pyFiles: tree.pyFiles, pyBytes: tree.pyBytes, products: tree.products, bigFiles }));
  // A repository has its node_modules (where the plugin keeps its index snapshot).
  mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  return dir;
}

/** The models file closest to 2,000 lines: the editor measurement's file. */
function editorModelsFile(tree) {
  const { pyFiles } = JSON.parse(readFileSync(path.join(tree, ".bench-files.json"), "utf8"));
  const models = pyFiles.filter((file) => /\/models(\/[^/]+)?\.py$/u.test(file) && !file.endsWith("__init__.py"));
  const lines = (file) => readFileSync(path.join(tree, file), "utf8").split("\n").length;
  return models.map((file) => ({ file, distance: Math.abs(lines(file) - 2000) })).sort((a, b) => a.distance - b.distance)[0].file;
}

/** A cold `--cache` run, an edit inside a models file that changes no fact, a warm run; the file is restored. */
function measureCache(tree, plugin, modelsFile) {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "posthog-products-bench-cache-"));
  const cacheLocation = path.join(cacheDir, ".eslintcache");
  const target = path.join(tree, modelsFile);
  const backup = path.join(cacheDir, "models.py");
  copyFileSync(target, backup);
  try {
    const cold = measure("recommended", tree, plugin, { cache: true, cacheLocation });
    const cacheMb = statSync(cacheLocation).size / MiB;
    const text = readFileSync(target, "utf8");
    writeFileSync(target, text.replace(/max_length=(\d+)/u, (_, n) => `max_length=${Number(n) + 1}`));
    const warm = measure("recommended", tree, plugin, { cache: true, cacheLocation });
    return { coldMs: cold.ms, warmMs: warm.ms, cacheMb };
  } finally {
    copyFileSync(backup, target);
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function main() {
  let options;
  try {
    options = parseCli();
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (!existsSync(options.plugin)) throw new Error(`${options.plugin} does not exist: run npm run build first`);
  const tree = prepareTree(options);
  writeConfigs(tree, options.plugin);
  const runs = { parse: [], minimal: [], norules: [], recommended: [], concurrency2: [], minimalConcurrency2: [], cache: [], oneWorker: [], twoAtOnce: [] };
  const modelsFile = editorModelsFile(tree);
  try {
    // Once, from nothing: the index is built from the files and its snapshot written.
    log("recommended without an index snapshot ...");
    rmSync(path.join(tree, "node_modules", ".cache"), { recursive: true, force: true });
    const withoutSnapshot = measure("recommended", tree, options.plugin);
    for (let r = 0; r < options.rounds; r++) {
      log(`round ${r + 1}/${options.rounds} ...`);
      const order = ["parse", "minimal", "norules", "recommended", "concurrency2", "minimalConcurrency2"];
      for (let i = 0; i < order.length; i++) {
        const kind = order[(i + r) % order.length];
        if (kind === "concurrency2") runs.concurrency2.push(measure("recommended", tree, options.plugin, { concurrency: 2 }));
        else if (kind === "minimalConcurrency2") runs.minimalConcurrency2.push(measure("minimal", tree, options.plugin, { concurrency: 2 }));
        else runs[kind].push(measure(kind, tree, options.plugin));
      }
      if (r < 3) {
        runs.cache.push(measureCache(tree, options.plugin, modelsFile));
        runs.oneWorker.push(measure("recommended", tree, options.plugin, { workers: 1 }));
        runs.twoAtOnce.push(measurePair("recommended", tree, options.plugin));
      }
    }
    log("editor ...");
    const editor = measure("editor", tree, options.plugin, { file: modelsFile, edits: options.edits });
    log("counting tree-sitter calls ...");
    const counted = measure("counted", tree, options.plugin);
    report(options, tree, modelsFile, runs, editor, withoutSnapshot, counted);
  } finally {
    if (!options.keep) rmSync(tree, { recursive: true, force: true });
  }
}

const MEASURED = ["parse", "minimal", "norules", "recommended", "concurrency2", "minimalConcurrency2"];

function report(options, tree, modelsFile, runs, editor, withoutSnapshot, counted) {
  const ms = (list) => median(list.map((run) => run.ms));
  const problems = runs.recommended[0]?.problems;
  const otherwise = [...runs.recommended, ...runs.concurrency2, ...runs.oneWorker, ...runs.twoAtOnce.flat()].filter((run) => run.problems !== problems);
  if (otherwise.length > 0) log(`warning: ${otherwise.length} recommended runs found another number of problems than ${problems}: ${otherwise.map((run) => run.problems).join(", ")}`);
  const cores = os.availableParallelism();
  const figures = {
    tree: { dir: tree, kept: options.keep, files: options.files, mb: options.mb, seed: options.seed, modelsFile, editorFileLines: editor.lines },
    plugin: options.plugin,
    rounds: options.rounds,
    medianSeconds: Object.fromEntries(MEASURED.map((kind) => [kind, round(ms(runs[kind]) / 1000, 3)])),
    medianCpuSeconds: Object.fromEntries(MEASURED.map((kind) => [kind, round(median(runs[kind].map((run) => run.cpuMs)) / 1000, 3)])),
    /**
     * The anchor's speed-up with two workers: what ESLint's concurrency reaches on this machine when
     * the language costs nothing beyond the parse (concurrency2 of the ratios is the plugin's).
     */
    minimalConcurrency2SpeedUp: round(ms(runs.minimal) / ms(runs.minimalConcurrency2)),
    /**
     * The most two workers could give each language on this machine's cores if splitting the
     * work cost nothing, from its single-thread runs' wall and CPU (scripts/bench/concurrency-bound.js):
     * compare concurrency2 with `recommended`, minimalConcurrency2SpeedUp with `minimal`.
     */
    concurrency2Bound: {
      cores,
      recommended: round(median(runs.recommended.map((run) => concurrencyBound(run, 2, cores)))),
      minimal: round(median(runs.minimal.map((run) => concurrencyBound(run, 2, cores)))),
    },
    /**
     * What ESLint's split of the work costs (first three rounds, recommended runs), to read
     * concurrency2 by: `twoLintsAtOnceSpeedUp`, two single-thread runs of the whole tree at once in
     * two processes, as 2 × that round's single-thread run / the later of the two to finish: what
     * the machine's cores give this work with nothing split or loaded twice; `oneWorkerSlowdown`,
     * the run with one ESLint worker / that round's single-thread run: what linting inside a worker
     * costs before the work is split (the worker loads ESLint, the config and the plugin again, and
     * reads its files one at a time, where the single-thread run reads ahead while it lints).
     */
    workerSplit: {
      twoLintsAtOnceSpeedUp: round(median(runs.twoAtOnce.map((pair, r) => (2 * runs.recommended[r].ms) / Math.max(...pair.map((run) => run.ms))))),
      oneWorkerSlowdown: round(median(runs.oneWorker.map((run, r) => run.ms / runs.recommended[r].ms))),
      oneWorkerSeconds: runs.oneWorker.map((run) => round(run.ms / 1000, 3)),
      twoAtOnceSeconds: runs.twoAtOnce.map((pair) => pair.map((run) => round(run.ms / 1000, 3))),
    },
    /**
     * Median CPU seconds by group of threads (Linux only): the main thread, ESLint's workers, and
     * the helpers (V8's garbage collection and compiler, libuv's pool). With two workers on two
     * cores, the helpers' CPU is taken from the workers.
     */
    medianThreadCpuSeconds: Object.fromEntries(
      MEASURED.filter((kind) => runs[kind].every((run) => run.threadCpuMs)).map((kind) => [
        kind,
        Object.fromEntries(["main", "workers", "helpers"].map((group) => [group, round(median(runs[kind].map((run) => run.threadCpuMs[group])) / 1000, 2)])),
      ]),
    ),
    /**
     * Each round's ratios, from that round's runs: a machine whose speed drifts during the bench
     * shows here as a spread, which the medians alone hide.
     */
    roundRatios: {
      "recommended/minimal": runs.recommended.map((run, r) => round(run.ms / runs.minimal[r].ms)),
      "norules/minimal": runs.norules.map((run, r) => round(run.ms / runs.minimal[r].ms)),
      concurrency2: runs.concurrency2.map((run, r) => round(runs.recommended[r].ms / run.ms)),
      minimalConcurrency2: runs.minimalConcurrency2.map((run, r) => round(runs.minimal[r].ms / run.ms)),
    },
    recommendedWithoutIndexSnapshotSeconds: round(withoutSnapshot.ms / 1000, 3),
    /** Peak RSS of each single-thread recommended run: it depends on when V8's collections fall, so it varies from run to run. */
    recommendedPeakRssMb: runs.recommended.map((run) => Math.round(run.peakRssMb)),
    /**
     * The same runs' JavaScript heap at their end (reserved, and in use before any further
     * collection) and their number of full collections: a round with a high peak is one whose
     * heap V8 let grow further, typically with one full collection fewer.
     */
    recommendedEndHeap: runs.recommended.map((run) => ({ ...run.endMb, majorCollections: run.majorCollections })),
    problems,
    fatal: runs.recommended[0]?.fatal,
    cache: { coldSeconds: round(median(runs.cache.map((c) => c.coldMs)) / 1000, 3), warmSeconds: round(median(runs.cache.map((c) => c.warmMs)) / 1000, 3) },
    /**
     * The recommended run's calls into web-tree-sitter's node API, by method (counted, so the same
     * from run to run of a build; zero when the plugin loads another copy of web-tree-sitter).
     */
    treeSitterNodeCalls: { total: counted.total, ...counted.byName },
  };
  const parseMedian = median(editor.parseMs);
  const ratios = {
    "recommended/minimal": round(ms(runs.recommended) / ms(runs.minimal)),
    "norules/minimal": round(ms(runs.norules) / ms(runs.minimal)),
    concurrency2: round(ms(runs.recommended) / ms(runs.concurrency2)),
    "editor/parse": round(median(editor.lintMs) / parseMedian),
    "editor_p95/parse": round(percentile(editor.lintMs, 95) / parseMedian),
    editor_median_ms: round(median(editor.lintMs), 1),
    "cache_warm_after_model_edit/cold": round(median(runs.cache.map((c) => c.warmMs / c.coldMs))),
    peak_rss_mb: Math.round(Math.max(...runs.recommended.map((run) => run.peakRssMb))),
    cache_mb: round(median(runs.cache.map((c) => c.cacheMb))),
  };
  figures.editor = { medianMs: ratios.editor_median_ms, p95Ms: round(percentile(editor.lintMs, 95), 1), parseMedianMs: round(parseMedian, 1) };
  if (options.json) console.log(JSON.stringify({ ...figures, ratios }, null, 2));
  else console.log(JSON.stringify(figures, null, 2));
  console.log(`ratios: ${Object.entries(ratios).map(([name, value]) => `${name}=${value}`).join(" ")}`);
}

main();
