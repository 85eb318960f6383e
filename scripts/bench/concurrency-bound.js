// The most a run could gain from ESLint's workers on this machine, from its single-thread figures.
//
// A single-thread run already keeps more than one core busy: V8's garbage collection and compiler
// work on helper threads beside the main thread (its CPU over its wall time, `cpuMs / ms`, is above
// 1). Split over workers, the same work needs at least that CPU again, now shared by the workers
// and their helpers on the machine's cores. So even if splitting cost nothing (no worker loading
// ESLint, the plugin and the index, no JIT warming up twice), `workers` workers on `cores` cores
// give at most `min(workers, cores * ms / cpuMs)`.

/**
 * @param {{ ms: number, cpuMs: number }} singleThreadRun wall and CPU (all threads) milliseconds
 * @param {number} workers
 * @param {number} cores
 * @returns {number} the largest speed-up the workers could reach
 */
export function concurrencyBound({ ms, cpuMs }, workers, cores) {
  if (!(ms > 0) || !(cpuMs > 0) || !(workers >= 1) || !(cores >= 1)) throw new RangeError(`no bound for ms=${ms} cpuMs=${cpuMs} workers=${workers} cores=${cores}`);
  return Math.min(workers, (cores * ms) / cpuMs);
}
