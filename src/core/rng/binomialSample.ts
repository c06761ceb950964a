import { binomialLogPmf } from './binomialLogPmf.ts';

/**
 * Below this mean (n·min(p, 1-p)) inversion is used; at or above it, BTRS. BTRS's constants are only
 * valid for a mean ≥ 10, and inversion costs O(mean) cheap steps, so 10 is also about the speed
 * crossover.
 */
const BTRS_MIN_MEAN = 10;
/** BTRS evaluates f(k)/f(mode) by direct recursion when |k - mode| is at most this. */
const RECURSION_MAX = 15;

/**
 * An exact Binomial(n, p) variate from a uniform source: inversion (sequential search from 0) for a
 * small mean, Hörmann's transformed rejection with squeeze (BTRS) otherwise. Expected cost is O(1)
 * uniforms for any n; no normal approximation is involved at any size.
 *
 * Trusts its arguments (`createRng` validates them): n a safe integer ≥ 0, p in [0, 1].
 *
 * @param random - uniform doubles in [0, 1)
 * @param n - number of trials
 * @param p - success probability
 * @example
 * binomialSample(createRng(1).random, 900, 0.05); // ~45
 */
export function binomialSample(random: () => number, n: number, p: number): number {
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  // Both methods assume p ≤ 1/2 (mode near the left for inversion, BTRS's constants); 1 - p is exact here.
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const x = n * pp < BTRS_MIN_MEAN ? inversion(random, n, pp) : btrs(random, n, pp);
  return flip ? n - x : x;
}

/** Sequential search with the pmf recurrence f(x) = f(x-1)·((n+1)/x - 1)·p/q: one uniform per draw. */
function inversion(random: () => number, n: number, p: number): number {
  const s = p / (1 - p);
  const a = (n + 1) * s;
  // log1p keeps q^n accurate when p is tiny (pow(1 - p, n) would round 1 - p first).
  const f0 = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let u = random();
    let f = f0;
    let x = 0;
    for (;;) {
      if (u < f) return x;
      u -= f;
      x++;
      // Rounding can leave u above the remaining mass; then the tail underflows (or passes n) and we
      // redraw, which only matters at probabilities ~1e-16 instead of looping forever.
      if (x > n) break;
      f *= a / x - s;
      if (f === 0) break;
    }
  }
}

/**
 * BTRS, from the algorithm as published in W. Hörmann (1993), "The generation of binomial random
 * variates", J. Statist. Comput. Simul. 46, 101–110 (transformed rejection with a decomposition of
 * the hat, valid for n·p ≥ 10, p ≤ 1/2). Deviations: the acceptance test evaluates
 * log f(k) - log f(m) with {@link binomialLogPmf} (Loader's saddle-point form) instead of
 * log-factorials, so it stays accurate at n = 1e9 where log(m!) ≈ 2e10 would keep only ~1e-6; and
 * within 15 of the mode f(k)/f(m) is a product of pmf ratios, as in Hörmann's BTRD.
 */
function btrs(random: () => number, n: number, p: number): number {
  const q = 1 - p;
  const np = n * p;
  const spq = Math.sqrt(np * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = np + 0.5;
  const vr = 0.92 - 4.2 / b;
  const s = p / q;
  // The rest of the set-up is needed only after the squeeze fails (~15-55% of draws), so it is lazy.
  let alpha = 0;
  let m = 0;
  let logFm = 0;
  for (;;) {
    const u = random() - 0.5;
    let v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || k > n) continue;
    if (alpha === 0) {
      alpha = (2.83 + 5.1 / b) * spq;
      m = Math.floor((n + 1) * p);
      logFm = binomialLogPmf(m, n, p);
    }
    v *= alpha / (a / (us * us) + b);
    const km = k - m;
    if (km <= RECURSION_MAX && km >= -RECURSION_MAX) {
      // Near the mode f(k)/f(m) is a short product of pmf ratios: cheaper than the logs below and
      // accurate to a few dozen ulps (the same shortcut as Hörmann's BTRD variant).
      let ratio = 1;
      if (km > 0) for (let i = m + 1; i <= k; i++) ratio *= ((n - i + 1) / i) * s;
      else for (let i = k + 1; i <= m; i++) ratio *= i / ((n - i + 1) * s);
      if (v <= ratio) return k;
      continue;
    }
    if (Math.log(v) <= binomialLogPmf(k, n, p) - logFm) return k;
  }
}
