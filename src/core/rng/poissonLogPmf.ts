import { saddleDeviance } from './saddleDeviance.ts';
import { stirlingError } from './stirlingError.ts';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * log P(X = k) for X ~ Poisson(lam), accurate to ~1e-13 absolute for any mean.
 *
 * Uses Loader's saddle-point form -stirlingError(k) - bd0(k, lam) - log(2πk)/2 (C. Loader 2000, "Fast
 * and accurate computation of binomial probabilities"); the textbook -lam + k log lam - log k! cancels
 * ~1e8-sized terms at lam = 1e7. The exact rejection sampler's acceptance test relies on this precision.
 *
 * @param k - the count; -Infinity outside the non-negative integers
 * @param lam - the mean, finite and ≥ 0 (not validated)
 * @example
 * Math.exp(poissonLogPmf(0, 2)); // e^-2
 */
export function poissonLogPmf(k: number, lam: number): number {
  if (!(k >= 0) || !Number.isInteger(k)) return -Infinity;
  if (lam === 0) return k === 0 ? 0 : -Infinity;
  if (k === 0) return -lam;
  return -stirlingError(k) - saddleDeviance(k, lam) - HALF_LOG_2PI - 0.5 * Math.log(k);
}
