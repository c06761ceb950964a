import { createRng } from '../rng/createRng.ts';

/**
 * A seeded subset of `k` distinct indices out of 0..count−1, in ascending order (a partial
 * Fisher–Yates shuffle on `createRng(seed)`); all of them when k ≥ count. The same (count, k, seed)
 * always gives the same subset, so a reported benchmark can be reproduced. O(count).
 *
 * @example
 * chooseStartStates(6000, 100, 7); // 100 ascending transition indices
 */
export function chooseStartStates(count: number, k: number, seed: number): Int32Array {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`chooseStartStates: count must be a non-negative integer, got ${count}`);
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`chooseStartStates: k must be a non-negative integer, got ${k}`);
  const all = Int32Array.from({ length: count }, (_, i) => i);
  if (k >= count) return all;
  const rng = createRng(seed);
  for (let i = 0; i < k; i++) {
    const j = rng.integers(i, count);
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, k).sort();
}
