import type { Rng } from '../../rng/Rng.ts';

/**
 * Simulated binary crossover (Deb & Agrawal 1995), as EvoTorch's `SimulatedBinaryCrossOver` applies
 * it: every gene is crossed with its own spread factor
 * `beta = (2u)^(1/(eta+1))` for u <= 1/2, else `(1 / (2(1-u)))^(1/(eta+1))`, giving
 * `c1 = ((1+beta) p1 + (1-beta) p2) / 2` and `c2 = ((1-beta) p1 + (1+beta) p2) / 2`. The pair's mean
 * equals the parents' mean before clipping; a larger `eta` keeps children closer to their parents.
 * Children are clamped to [lo, hi] as EvoTorch does for a bounded problem (our box is [-1, 1]), so the
 * genotype never leaves the normalised box.
 *
 * @param p1 first parent (unit coordinates); not modified.
 * @param p2 second parent; not modified.
 * @param eta distribution index (the paper uses 8).
 * @param rng the search's random stream (one draw per gene).
 * @returns two new children.
 * @example
 * const [c1, c2] = simulatedBinaryCrossover(parentA, parentB, 8, rng);
 */
export function simulatedBinaryCrossover(
  p1: ArrayLike<number>,
  p2: ArrayLike<number>,
  eta: number,
  rng: Rng,
  lo = -1,
  hi = 1,
): [Float64Array, Float64Array] {
  const n = p1.length;
  const c1 = new Float64Array(n);
  const c2 = new Float64Array(n);
  const e = 1 / (eta + 1);
  for (let k = 0; k < n; k++) {
    const u = rng.random();
    const beta = u <= 0.5 ? Math.pow(2 * u, e) : Math.pow(1 / (2 * (1 - u)), e);
    const a = p1[k];
    const b = p2[k];
    c1[k] = clamp(0.5 * ((1 + beta) * a + (1 - beta) * b), lo, hi);
    c2[k] = clamp(0.5 * ((1 - beta) * a + (1 + beta) * b), lo, hi);
  }
  return [c1, c2];
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
