import { saddleDeviance } from './saddleDeviance.ts';
import { stirlingError } from './stirlingError.ts';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * log P(X = k) for X ~ Binomial(n, p), accurate to ~1e-13 absolute for any n up to 2^53.
 *
 * Uses Loader's saddle-point form (C. Loader 2000, "Fast and accurate computation of binomial
 * probabilities"): stirlingError(n) - stirlingError(k) - stirlingError(n-k) - bd0(k, np) - bd0(n-k, nq)
 * + log(n / (2π k (n-k)))/2, whose terms are all O(1) near the mode. The textbook
 * log(n!) - log(k!) - log((n-k)!) + … subtracts ~2e10-sized numbers at n = 1e9 and keeps only ~1e-6.
 * The exact rejection sampler's acceptance test relies on this precision.
 *
 * @param k - the count; -Infinity outside the integers 0..n
 * @param n - number of trials (a safe integer ≥ 0; not validated)
 * @param p - success probability in [0, 1] (not validated)
 * @example
 * Math.exp(binomialLogPmf(3, 10, 0.5)); // 120/1024
 */
export function binomialLogPmf(k: number, n: number, p: number): number {
  if (!(k >= 0 && k <= n) || !Number.isInteger(k)) return -Infinity;
  if (n === 0) return 0;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  if (k === 0) return n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const np = n * p;
  const nq = n * (1 - p);
  return (
    stirlingError(n) - stirlingError(k) - stirlingError(n - k) - saddleDeviance(k, np) - saddleDeviance(n - k, nq) +
    0.5 * (Math.log(n / (k * (n - k))) - LOG_2PI)
  );
}
