import { poissonLogPmf } from './poissonLogPmf.ts';

/** PTRS's constants are valid for a mean ≥ 10; below it inversion (O(mean) cheap steps) is faster anyway. */
const PTRS_MIN_MEAN = 10;
/** PTRS evaluates P(X = k) by recursion from the mode when |k - mode| is at most this. */
const RECURSION_MAX = 15;

/**
 * An exact Poisson(lam) variate from a uniform source: inversion (sequential search from 0) for
 * lam < 10, Hörmann's transformed rejection with squeeze (PTRS) otherwise. Expected cost is O(1)
 * uniforms for any mean; no normal approximation is involved.
 *
 * Trusts its argument (`createRng` validates it): lam finite and ≥ 0.
 *
 * @param random - uniform doubles in [0, 1)
 * @param lam - the mean
 * @example
 * poissonSample(createRng(1).random, 1e4); // ~10000
 */
export function poissonSample(random: () => number, lam: number): number {
  if (lam === 0) return 0;
  return lam < PTRS_MIN_MEAN ? inversion(random, lam) : ptrs(random, lam);
}

/** Sequential search with f(x) = f(x-1)·lam/x: one uniform and one exp per draw. */
function inversion(random: () => number, lam: number): number {
  const f0 = Math.exp(-lam);
  for (;;) {
    let u = random();
    let f = f0;
    let x = 0;
    for (;;) {
      if (u < f) return x;
      u -= f;
      x++;
      f *= lam / x;
      // Rounding can leave u above the remaining mass; redraw once the tail underflows rather than loop.
      if (f === 0) break;
    }
  }
}

/**
 * PTRS, from the algorithm as published in W. Hörmann (1993), "The transformed rejection method for
 * generating Poisson random variables", Insurance: Mathematics and Economics 12, 39–45. Deviations:
 * log P(X = k) in the acceptance test comes from {@link poissonLogPmf} (Loader's saddle-point form)
 * instead of log k!, and within 15 of the mode P(X = k) is a product of ratios from P(X = mode).
 */
function ptrs(random: () => number, lam: number): number {
  const b = 0.931 + 2.53 * Math.sqrt(lam);
  const a = -0.059 + 0.02483 * b;
  const vr = 0.9277 - 3.6224 / (b - 2);
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const m = Math.floor(lam);
  let fm = NaN; // P(X = m), only needed after the squeeze fails
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lam + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const km = k - m;
    if (km <= RECURSION_MAX && km >= -RECURSION_MAX) {
      // Near the mode P(X = k) = P(X = m)·(product of lam/i ratios): cheaper than the logs below.
      if (Number.isNaN(fm)) fm = Math.exp(poissonLogPmf(m, lam));
      let f = fm;
      if (km > 0) for (let i = m + 1; i <= k; i++) f *= lam / i;
      else for (let i = k + 1; i <= m; i++) f *= i / lam;
      if ((v * invAlpha) / (a / (us * us) + b) <= f) return k;
      continue;
    }
    if (Math.log(v) + Math.log(invAlpha / (a / (us * us) + b)) <= poissonLogPmf(k, lam)) return k;
  }
}
