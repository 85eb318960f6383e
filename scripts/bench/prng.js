// Deterministic pseudo-random numbers for the benchmark tree generator (mulberry32).
// Same seed, same options → byte-identical tree.

/** @param {number} seed */
export function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    /** Float in [0, 1). */
    next,
    /** Integer in [min, max] (inclusive). */
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    /** True with probability p. */
    chance(p) {
      return next() < p;
    },
    /** @template T @param {readonly T[]} items @returns {T} */
    pick(items) {
      return items[Math.floor(next() * items.length)];
    },
    /** k distinct items (or all when k >= items.length), in random order. */
    sample(items, k) {
      const copy = [...items];
      rng.shuffle(copy);
      return copy.slice(0, Math.min(k, copy.length));
    },
    /** In-place Fisher-Yates. */
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
    /** Picks a key of `weights` ({ key: weight }) with probability proportional to its weight. */
    weighted(weights) {
      const entries = Object.entries(weights);
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [key, w] of entries) {
        roll -= w;
        if (roll < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    /** A child generator (independent stream), so adding draws in one place does not shift another. */
    fork(salt) {
      let h = (state ^ 0x9e3779b9) >>> 0;
      for (const ch of String(salt)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      return createRng(h);
    },
  };
  return rng;
}
