import type { Rng } from '../../rng/Rng.ts';

/**
 * Gaussian mutation as EvoTorch's `GaussianMutation` without a mutation probability: every gene gets
 * `N(0, stdev^2)` noise (the paper uses stdev 0.03 in the normalised space), then is clamped to
 * [lo, hi] so the genotype stays in the box.
 *
 * NOTE: mutates and returns `x`.
 * @param x genes in unit coordinates.
 * @param stdev standard deviation of the perturbation.
 * @param rng the search's random stream (one normal per gene).
 * @example
 * gaussianMutation(child, 0.03, rng);
 */
export function gaussianMutation<T extends Float64Array>(x: T, stdev: number, rng: Rng, lo = -1, hi = 1): T {
  for (let k = 0; k < x.length; k++) {
    const v = x[k] + rng.normal(0, stdev);
    x[k] = v < lo ? lo : v > hi ? hi : v;
  }
  return x;
}
