/**
 * Runs fast-check properties with a budget: small and time-bounded in `npm test`, large in
 * `npm run fuzz` (FUZZ=1). Each run's counts go to the FUZZ_REPORT file (one JSON line per
 * property) for scripts/fuzz.js to sum up. A failure throws fast-check's report, which names
 * the seed and path that replay it (`FUZZ_SEED=<seed> FUZZ_PATH=<path>`).
 */
import fs from "node:fs";
import fc from "fast-check";

export const FUZZ = process.env.FUZZ === "1";
/** FUZZ_SCALE=0.1: a tenth of the fuzzing runs (quick check of the fuzz setup); 2: twice as many. */
const SCALE = Number(process.env.FUZZ_SCALE ?? "1") || 1;

export interface Budget {
  /** Runs in `npm test`. */
  runs: number;
  /** Runs in `npm run fuzz`. */
  fuzzRuns: number;
  /** `npm test` only: stop early (without failing) past this many milliseconds. */
  timeLimitMs?: number;
}

/** Vitest timeout for a property test. */
export function testTimeout(budget: Budget): number {
  return FUZZ ? 60 * 60_000 : (budget.timeLimitMs ?? 20_000) + 40_000;
}

let cases = 0;
let stats: Record<string, number> = {};

/** Counts one linted input (a run may lint several). */
export function countCase(n = 1): void {
  cases += n;
}

/** Counts something worth reporting (fixes applied, suggestions checked...): shows the runs are not vacuous. */
export function countStat(name: string, n = 1): void {
  stats[name] = (stats[name] ?? 0) + n;
}

interface PropertyRecord {
  category: string;
  name: string;
  runs: number;
  cases: number;
  stats: Record<string, number>;
  failed: boolean;
  seed: number;
  path?: string;
  message?: string;
  ms: number;
}

function record(entry: PropertyRecord): void {
  const file = process.env.FUZZ_REPORT;
  if (file) fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

export async function checkProperty<Ts>(
  category: string,
  name: string,
  property: fc.IAsyncProperty<Ts>,
  budget: Budget,
): Promise<void> {
  const started = Date.now();
  const casesBefore = cases;
  stats = {};
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  const replayPath = process.env.FUZZ_PATH;
  const details = await fc.check(property, {
    numRuns: FUZZ ? Math.max(1, Math.ceil(budget.fuzzRuns * SCALE)) : budget.runs,
    includeErrorInReport: true,
    ...(seed !== undefined ? { seed } : {}),
    ...(replayPath ? { path: replayPath } : {}),
    ...(!FUZZ && budget.timeLimitMs ? { interruptAfterTimeLimit: budget.timeLimitMs, markInterruptAsFailure: false } : {}),
  });
  const message = details.failed ? fc.defaultReportMessage(details) : undefined;
  record({
    category,
    name,
    runs: details.numRuns,
    cases: cases - casesBefore,
    stats,
    failed: details.failed,
    seed: details.seed,
    ...(details.counterexamplePath ? { path: details.counterexamplePath } : {}),
    ...(message ? { message: message.slice(0, 4000) } : {}),
    ms: Date.now() - started,
  });
  if (message) throw new Error(message);
}

/**
 * Runs a fixed (not generated) case and records it like a property: for the huge inputs, which
 * are too slow to generate by the thousand. `run` throws on failure.
 */
export async function checkCase(category: string, name: string, run: () => Promise<void>): Promise<void> {
  const started = Date.now();
  let message: string | undefined;
  try {
    await run();
  } catch (error) {
    message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw error;
  } finally {
    record({ category, name, runs: 1, cases: 1, stats: {}, failed: message !== undefined, seed: 0, ...(message ? { message: message.slice(0, 4000) } : {}), ms: Date.now() - started });
  }
}
