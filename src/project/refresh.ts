/** How often (at most) a cached index or root lookup re-checks the file system. */
let refreshIntervalMs = 200;

/** Sets the minimum time between two staleness checks (0: check on every call). For tests and tools. */
export function setIndexRefreshInterval(ms: number): void {
  refreshIntervalMs = Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/** True when a check done at `checkedAt` is due again. */
export function isCheckDue(checkedAt: number, now: number): boolean {
  return refreshIntervalMs === 0 || now - checkedAt >= refreshIntervalMs;
}

/** Every call checks the file system itself (interval 0: tests and tools that change files and lint at once). */
export function checksEveryCall(): boolean {
  return refreshIntervalMs === 0;
}

/**
 * A products tree appearing or going away is rare: root lookups are re-checked every 5 seconds
 * (every call at interval 0).
 */
export function isRootCheckDue(checkedAt: number, now: number): boolean {
  return refreshIntervalMs === 0 || now - checkedAt >= Math.max(5000, refreshIntervalMs);
}
