/**
 * The bench's command line: usage on `--help`, a usage error (exit 2) on a bad option, before any
 * tree is generated. Its recommended run's memory figures. Its counted run: the same figure from
 * run to run of a build. The bound it sets on concurrency2 from a single-thread run, and its runs
 * that show what splitting the work costs: one ESLint worker, two lints at once.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { DIST_ENTRY } from "../support/paths.js";

const bench = path.resolve(import.meta.dirname, "../../scripts/bench.js");
const run = (...args: string[]) => spawnSync(process.execPath, [bench, ...args], { encoding: "utf8" });

describe("npm run bench's options", () => {
  it("prints its usage on --help", () => {
    const result = run("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: node scripts\/bench\.js /u);
    expect(result.stdout).toContain("--plugin PATH");
  });

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["--rounds", "0"], "--rounds must be a number >= 1, got 0"],
    [["--seed", "many"], "--seed must be a number >= 0, got many"],
  ])("exits 2 with the problem and the usage on %j", (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Usage: node scripts/bench.js");
    expect(result.stdout).toBe("");
  });
});

/** A small generated tree with the config file the bench writes for its recommended runs. */
async function withBenchTree(use: (tree: string) => void): Promise<void> {
  const { generateTree } = (await import(path.resolve(import.meta.dirname, "../../scripts/bench/generate-tree.js"))) as {
    generateTree(dir: string, options: { files: number; mb: number; seed: number }): unknown;
  };
  const tree = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "posthog-products-bench-")));
  try {
    generateTree(tree, { files: 40, mb: 1, seed: 7 });
    fs.mkdirSync(path.join(tree, "node_modules"));
    fs.writeFileSync(path.join(tree, "bench-recommended.config.js"), `import plugin from ${JSON.stringify(pathToFileURL(DIST_ENTRY).href)};\nexport default plugin.configs.recommended;\n`);
    use(tree);
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}

/** A script of the bench's measurements (scripts/bench/lint-run.js, or lint-pair.js that runs two) on the tree. */
function runBenchScript(kind: string, tree: string, options?: object, script = "lint-run.js", env = process.env) {
  return spawnSync(process.execPath, [path.join(path.dirname(bench), "bench", script), kind, tree, DIST_ENTRY, ...(options ? [JSON.stringify(options)] : [])], { cwd: tree, encoding: "utf8", env });
}

/** One measurement of the bench (or the pair of them of lint-pair.js) in the tree; its figures. */
function measure<Figures>(kind: string, tree: string, options?: object, script = "lint-run.js"): Figures {
  const result = runBenchScript(kind, tree, options, script);
  // ESLint warns that workers do not pay on a tree this small.
  expect(result.stderr.replaceAll(/^\(node:\d+\) ESLintPoorConcurrencyWarning: .*\n\(Use `node --trace-warnings \.\.\.` .*\n/gmu, "")).toBe("");
  return JSON.parse(result.stdout) as Figures;
}

interface LintFigures {
  ms: number;
  problems: number;
  threadCpuMs?: { main: number; workers: number; helpers: number };
}

describe("the bench's recommended run", () => {
  it("reports its wall and CPU time, its peak RSS, its heap at the end and its number of full collections", async () => {
    await withBenchTree((tree) => {
      const run = measure<{ ms: number; cpuMs: number; problems: number; peakRssMb: number; endMb: { heapTotal: number; heapUsed: number; external: number }; majorCollections: number }>("recommended", tree);
      // concurrency2Bound divides one by the other.
      expect(run.ms).toBeGreaterThan(0);
      expect(run.cpuMs).toBeGreaterThan(0);
      expect(run.problems).toBeGreaterThan(0);
      expect(run.endMb.heapUsed).toBeGreaterThan(0);
      expect(run.endMb.heapTotal).toBeGreaterThanOrEqual(run.endMb.heapUsed);
      expect(run.peakRssMb).toBeGreaterThan(run.endMb.heapTotal);
      expect(Number.isInteger(run.majorCollections) && run.majorCollections >= 0).toBe(true);
    });
  }, 60_000);
});

describe("the bench's measurements of what splitting the work costs", () => {
  it("lints in exactly one ESLint worker when asked for one, with the same findings", async () => {
    await withBenchTree((tree) => {
      const single = measure<LintFigures>("recommended", tree);
      // ESLint's debug log says how many workers it starts.
      const result = runBenchScript("recommended", tree, { workers: 1 }, "lint-run.js", { ...process.env, DEBUG: "eslint:eslint" });
      expect(result.stderr).toMatch(/Linting using 1 worker thread\(s\)\./u);
      const oneWorker = JSON.parse(result.stdout) as LintFigures;
      expect(oneWorker.problems).toBe(single.problems);
      if (process.platform === "linux") {
        // The worker loaded ESLint, the config and the plugin and linted every file: more CPU than the main thread, which only listed them.
        expect(oneWorker.threadCpuMs!.workers).toBeGreaterThan(oneWorker.threadCpuMs!.main);
        expect(single.threadCpuMs!.workers).toBeLessThan(single.threadCpuMs!.main);
      }
    });
  }, 60_000);

  it("runs two lints at once, each in its own process, with the same findings", async () => {
    await withBenchTree((tree) => {
      const single = measure<LintFigures>("recommended", tree);
      const pair = measure<[LintFigures, LintFigures]>("recommended", tree, undefined, "lint-pair.js");
      expect(pair.map((run) => run.problems)).toEqual([single.problems, single.problems]);
      expect(pair.every((run) => run.ms > 0)).toBe(true);
    });
  }, 60_000);
});

describe("the bench's bound on what two workers can give", () => {
  const bound = async () =>
    ((await import(path.resolve(import.meta.dirname, "../../scripts/bench/concurrency-bound.js"))) as { concurrencyBound(run: { ms: number; cpuMs: number }, workers: number, cores: number): number }).concurrencyBound;

  it("is the cores' share of a single-thread run that already keeps more than one core busy", async () => {
    const concurrencyBound = await bound();
    // 10.6 s of wall time, 12.3 s of CPU with V8's helper threads: 1.16 cores busy.
    expect(concurrencyBound({ ms: 10_600, cpuMs: 12_300 }, 2, 2)).toBeCloseTo(1.724, 3);
    expect(concurrencyBound({ ms: 8_500, cpuMs: 9_200 }, 2, 2)).toBeCloseTo(1.848, 3);
  });

  it("is the number of workers when the cores leave room for the helpers, or when the run waits more than it computes", async () => {
    const concurrencyBound = await bound();
    expect(concurrencyBound({ ms: 10_600, cpuMs: 12_300 }, 2, 4)).toBe(2);
    expect(concurrencyBound({ ms: 10_000, cpuMs: 4_000 }, 2, 2)).toBe(2);
  });

  it.each([
    [{ ms: 0, cpuMs: 100 }, 2, 2],
    [{ ms: 100, cpuMs: Number.NaN }, 2, 2],
    [{ ms: 100, cpuMs: 100 }, 0, 2],
    [{ ms: 100, cpuMs: 100 }, 2, 0],
  ])("throws a RangeError on %j with %d workers and %d cores", async (run, workers, cores) => {
    const concurrencyBound = await bound();
    expect(() => concurrencyBound(run, workers, cores)).toThrow(RangeError);
  });
});

describe("the bench's counted run", () => {
  it("counts the recommended run's calls into web-tree-sitter's node API, the same on every run with the index snapshot", async () => {
    await withBenchTree((tree) => {
      const count = () => measure<{ problems: number; total: number; byName: Record<string, number> }>("counted", tree);
      // The first run builds the index from the files and writes its snapshot, as the bench's first run does.
      const cold = count();
      const warm = count();
      expect(warm.problems).toBeGreaterThan(0);
      expect(warm.problems).toBe(cold.problems);
      expect(warm.byName.parent).toBeGreaterThan(0);
      expect(warm.total).toBe(Object.values(warm.byName).reduce((sum, n) => sum + n, 0));
      expect(warm.total).toBeLessThan(cold.total);
      expect(count()).toEqual(warm);
    });
  }, 60_000);
});
