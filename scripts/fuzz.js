#!/usr/bin/env node
/**
 * `npm run fuzz`: the property tests of tests/property/ with fuzzing budgets (FUZZ=1), at least
 * 10,000 generated cases in all. Prints the cases per category and per property, every failure
 * with the seed and path that replay it, and the duration; exits non-zero on any failure.
 *
 *   npm run fuzz                          # the whole run
 *   FUZZ_SCALE=0.1 npm run fuzz           # a tenth of the runs (FUZZ_SCALE=2: twice as many)
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npm run fuzz -- -t "<property>"   # replay one failure
 *
 * Extra arguments go to vitest.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MIN_CASES = 10_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
const report = path.join(os.tmpdir(), `posthog-products-fuzz-${process.pid}-${Date.now()}.jsonl`);

const started = Date.now();
const run = spawnSync(process.execPath, [vitest, "run", "tests/property", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, FUZZ: "1", FUZZ_REPORT: report },
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);

const records = fs.existsSync(report)
  ? fs
      .readFileSync(report, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
fs.rmSync(report, { force: true });

const byCategory = new Map();
for (const record of records) {
  const entry = byCategory.get(record.category) ?? { runs: 0, cases: 0, failed: 0 };
  entry.runs += record.runs;
  entry.cases += record.cases;
  entry.failed += record.failed ? 1 : 0;
  byCategory.set(record.category, entry);
}
const total = records.reduce((sum, record) => sum + record.cases, 0);
const failures = records.filter((record) => record.failed);
const pad = (value, width) => String(value).padStart(width);

console.log("\n=== npm run fuzz ===");
console.log("Per property (cases: inputs linted; runs: fast-check runs):");
for (const record of records) {
  const stats = Object.entries(record.stats ?? {})
    .map(([name, value]) => `${name} ${value}`)
    .join(", ");
  console.log(
    `  ${record.failed ? "FAIL" : "ok  "} ${record.category} / ${record.name}: ${pad(record.cases, 6)} cases, ${pad(record.runs, 5)} runs, ${(record.ms / 1000).toFixed(1)} s${stats ? ` (${stats})` : ""}`,
  );
}
console.log("Per category:");
for (const [category, entry] of byCategory) {
  console.log(`  ${category}: ${entry.cases} cases (${entry.runs} runs)${entry.failed ? `, ${entry.failed} failing properties` : ""}`);
}
console.log(`Total: ${total} cases in ${seconds} s.`);
for (const failure of failures) {
  console.log(`\nFAILED ${failure.category} / ${failure.name}: seed ${failure.seed}, path ${failure.path ?? "-"}`);
  console.log(`  replay: FUZZ_SEED=${failure.seed} FUZZ_PATH=${failure.path ?? ""} npm run fuzz -- -t ${JSON.stringify(failure.name)}`);
  console.log(
    (failure.message ?? "")
      .split("\n")
      .slice(0, 30)
      .map((line) => `  ${line}`)
      .join("\n"),
  );
}

const scale = Number(process.env.FUZZ_SCALE ?? "1");
const tooFew = total < MIN_CASES && scale >= 1 && !process.env.FUZZ_PATH && process.argv.length <= 2;
if (tooFew) console.log(`\nOnly ${total} cases ran (at least ${MIN_CASES} expected).`);
process.exit(run.status !== 0 || failures.length > 0 || tooFew || records.length === 0 ? 1 : 0);
