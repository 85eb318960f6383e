#!/usr/bin/env node
// One measurement of the bench, in a fresh process (so no index, parser or JIT state carries over
// from another measurement). Prints one JSON object on stdout.
//
// Usage: node scripts/bench/lint-run.js <kind> <tree> <plugin dist/index.js> [options as JSON]
// (ESLint runs use the config files the bench writes into the tree: bench-<kind>.config.js.)
//   parse        raw web-tree-sitter parse of every .py file (sources read first; only parse + delete timed)
//   minimal      ESLint with the minimal-shallow anchor language (scripts/bench/minimal-language.js);
//                options: { concurrency }
//   norules      ESLint with the plugin's Python language and no rule
//   recommended  ESLint with plugin.configs.recommended; options: { concurrency, cache, cacheLocation },
//                or { workers }: exactly that many ESLint workers, one included (see forceWorkerCount)
//   editor       ESLint#lintText of one file after one-character edits; options: { file, edits }
//   counted      the recommended run (single thread), counting the calls it makes into web-tree-sitter's
//                node API instead of timing them: a figure that does not move with the machine's speed

import { readdirSync, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { ESLint } from "eslint";

const [kind, tree, pluginEntry, optionsJson] = process.argv.slice(2);
const options = optionsJson ? JSON.parse(optionsJson) : {};
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const loadPlugin = async () => (await import(pathToFileURL(pluginEntry).href)).default;

/** CPU milliseconds of each thread of this process, by thread id; undefined without Linux's /proc. */
function threadCpu() {
  try {
    const byThread = new Map();
    for (const id of readdirSync("/proc/self/task")) {
      // After the command name's closing parenthesis: state, then utime and stime at 12 and 13 (clock ticks of 10 ms).
      const fields = readFileSync(`/proc/self/task/${id}/stat`, "utf8").split(") ")[1].split(" ");
      byThread.set(Number(id), (Number(fields[11]) + Number(fields[12])) * 10);
    }
    return byThread;
  } catch {
    return undefined;
  }
}

/**
 * A run's CPU (`totalMs`, all threads) by group of threads (Linux only): the main thread; the
 * threads that were there before the run, V8's helpers (garbage collection, the optimizing
 * compiler) and libuv's pool; and the rest, the threads made during the run: ESLint's workers with
 * `--concurrency`, which may have ended, and so are counted by what is left of the total. On two
 * cores the helpers take CPU from the lint threads.
 */
function threadCpuSplit(before, after, totalMs) {
  if (!before || !after) return undefined;
  let main = 0;
  let helpers = 0;
  for (const [id, ms] of after) {
    const spent = ms - (before.get(id) ?? 0);
    if (id === process.pid) main += spent;
    else if (before.has(id)) helpers += spent;
  }
  return { main, workers: Math.max(0, Math.round(totalMs - main - helpers)), helpers };
}

/**
 * Counts the main thread's full (mark-compact) collections from now until `count` is called. V8
 * sets the size the heap may grow to before the next one from what the last one kept, so how many
 * there were, and when, explains most of a run's peak heap.
 */
function countMajorCollections() {
  let major = 0;
  const tally = (entries) => {
    for (const entry of entries) if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++;
  };
  const observer = new PerformanceObserver((list) => tally(list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  return () => {
    tally(observer.takeRecords());
    observer.disconnect();
    return major;
  };
}

/**
 * Makes ESLint lint with exactly `count` workers. Its `concurrency` option turns a count of one
 * into the single-thread mode, so the count is set through the hook ESLint's own tests use:
 * `calculateWorkerCount` on the module of its ESLint class, which `lintFiles` calls through the
 * module's exports. Throws when this ESLint has no such hook rather than measure something else.
 */
function forceWorkerCount(count) {
  const eslintModule = createRequire(createRequire(import.meta.url).resolve("eslint"))("./eslint/eslint.js");
  if (typeof eslintModule.calculateWorkerCount !== "function") throw new Error("this ESLint has no calculateWorkerCount to set its number of workers with");
  eslintModule.calculateWorkerCount = () => count;
}

/** A lint of the whole tree with one of the config files the bench wrote into it (`bench-<name>.config.js`). */
async function lint(name, extra = {}) {
  // libuv starts its pool on the first asynchronous file operation: started here, its threads are not taken for ESLint's workers.
  await stat(tree);
  const majorCollections = countMajorCollections();
  const threadsBefore = threadCpu();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const eslint = new ESLint({ cwd: tree, overrideConfigFile: path.join(tree, `bench-${name}.config.js`), ...extra });
  const results = await eslint.lintFiles(["."]);
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const threadCpuMs = threadCpuSplit(threadsBefore, threadCpu(), (user + system) / 1000);
  const problems = results.reduce((sum, result) => sum + result.messages.length, 0);
  const fatal = results.reduce((sum, result) => sum + result.messages.filter((message) => message.fatal).length, 0);
  // At the end of the run, before any further collection: heapTotal is the JavaScript heap V8 had reserved by then.
  const memory = process.memoryUsage();
  const mb = (bytes) => Math.round(bytes / 1048576);
  return {
    ms,
    cpuMs: (user + system) / 1000,
    files: results.length,
    problems,
    fatal,
    peakRssMb: peakRssMb(),
    threadCpuMs,
    endMb: { heapTotal: mb(memory.heapTotal), heapUsed: mb(memory.heapUsed), external: mb(memory.external) },
    majorCollections: majorCollections(),
  };
}

/** A web-tree-sitter parser of the Python grammar the plugin uses. */
async function pythonParser() {
  const { Language, Parser } = await import("web-tree-sitter");
  const { createRequire } = await import("node:module");
  await Parser.init();
  const wasm = createRequire(import.meta.url).resolve("@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm");
  const parser = new Parser();
  parser.setLanguage(Language.loadSync(new WebAssembly.Module(readFileSync(wasm))));
  return parser;
}

async function rawParse() {
  const { pyFiles } = JSON.parse(readFileSync(path.join(tree, ".bench-files.json"), "utf8"));
  const sources = pyFiles.map((relative) => readFileSync(path.join(tree, relative), "utf8"));
  const parser = await pythonParser();
  parser.parse("import os\n").delete();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const text of sources) parser.parse(text).delete();
  const { user, system } = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (user + system) / 1000, files: sources.length };
}

/** `median`/`p95` of the lint latency after each edit, and of a full raw parse of the same text. */
async function editor() {
  const plugin = await loadPlugin();
  const eslint = new ESLint({ cwd: tree, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
  const filePath = path.join(tree, options.file);
  let text = readFileSync(filePath, "utf8");
  const parser = await pythonParser();
  await eslint.lintText(text, { filePath }); // the file is open: its first lint is not an edit
  // One character typed at a time into the name of a field in the middle of the file.
  const lines = text.split("\n");
  const fieldLine = lines.findIndex((line, i) => i > lines.length / 2 && /^ {4}[a-z_]+ = models\.\w+Field\(/u.test(line));
  let at = lines.slice(0, fieldLine).reduce((sum, line) => sum + line.length + 1, 0) + 4 + /^ {4}([a-z_]+)/u.exec(lines[fieldLine])[1].length;
  const lintMs = [];
  const parseMs = [];
  for (let i = 0; i < options.edits; i++) {
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    at++;
    let started = performance.now();
    await eslint.lintText(text, { filePath });
    lintMs.push(performance.now() - started);
    started = performance.now();
    parser.parse(text).delete();
    parseMs.push(performance.now() - started);
  }
  return { lintMs, parseMs, lines: lines.length, fieldLine: fieldLine + 1 };
}

/**
 * Counts each call the plugin makes to a method or getter of web-tree-sitter's `Node` (calls the
 * library makes to itself inside one are not counted), by name. Each is a crossing into WASM or a
 * node made from it. The plugin must load the same copy of web-tree-sitter as this script.
 */
async function counted() {
  const { Node } = await import("web-tree-sitter");
  const calls = new Map();
  let depth = 0;
  const counting = (name, call) =>
    function (...args) {
      if (depth === 0) calls.set(name, (calls.get(name) ?? 0) + 1);
      depth++;
      try {
        return call.apply(this, args);
      } finally {
        depth--;
      }
    };
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(Node.prototype))) {
    if (name === "constructor") continue;
    if (descriptor.get) Object.defineProperty(Node.prototype, name, { ...descriptor, get: counting(name, descriptor.get) });
    else if (typeof descriptor.value === "function") Object.defineProperty(Node.prototype, name, { ...descriptor, value: counting(name, descriptor.value) });
  }
  const run = await lint("recommended", { concurrency: "off" });
  const byName = Object.fromEntries([...calls].sort((a, b) => b[1] - a[1]));
  return { problems: run.problems, total: [...calls.values()].reduce((sum, n) => sum + n, 0), byName };
}

let result;
if (kind === "parse") result = await rawParse();
else if (kind === "minimal") result = await lint(kind, { concurrency: options.concurrency ?? "off" });
else if (kind === "norules" || kind.startsWith("custom-")) result = await lint(kind);
else if (kind === "recommended") {
  const extra = { concurrency: options.concurrency ?? "off" };
  if (options.workers) {
    forceWorkerCount(options.workers);
    // Any number of workers: ESLint hands its options to workers only when concurrency is on.
    extra.concurrency = Math.max(2, options.workers);
  }
  if (options.cache) Object.assign(extra, { cache: true, cacheLocation: options.cacheLocation });
  result = await lint(kind, extra);
} else if (kind === "editor") result = await editor();
else if (kind === "counted") result = await counted();
else throw new Error(`unknown kind ${kind}`);
process.stdout.write(JSON.stringify(result));
