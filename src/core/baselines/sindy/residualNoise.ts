import type { PolynomialLibrary } from './polynomialLibrary.ts';
import { stlsq } from './stlsq.ts';

/**
 * The residual noise of one variable: Gaussian with a variance that is either constant or a
 * degree-≤2 polynomial of the inputs (heteroscedastic: count flows such as new infections have a
 * spread that grows with S·I), floored so it stays positive.
 */
export interface ResidualNoise {
  heteroscedastic: boolean;
  /** Variance coefficients on the library's terms (only the constant term when homoscedastic). */
  variance: Float64Array;
  /** Smallest variance the model predicts. */
  floor: number;
}

/** Predicted variance at one row of library values. */
export function noiseVariance(noise: ResidualNoise, terms: Float64Array): number {
  let v = 0;
  for (let k = 0; k < terms.length; k++) v += noise.variance[k] * terms[k];
  return Math.max(noise.floor, v);
}

/** Mean Gaussian negative log-likelihood of residuals under a noise model. NaN when there are none. */
export function gaussianNll(noise: ResidualNoise, rows: readonly Float64Array[], residuals: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = noiseVariance(noise, rows[i]);
    s += 0.5 * Math.log(2 * Math.PI * v) + (0.5 * residuals[i] ** 2) / v;
  }
  return s / rows.length;
}

/** Variance floors tried for the heteroscedastic model, as fractions of the mean squared residual. */
const FLOORS = [1e-3, 1e-2, 1e-1] as const;

/**
 * Fits the constant model and heteroscedastic candidates (variance linear in the degree-≤1 terms, or
 * in the whole degree-≤2 library, each with a few floors) on the training residuals by least squares
 * on the squared residuals, and keeps the one with the lowest Gaussian NLL on the selection residuals:
 * state-dependent noise only "if it helps". A too-low floor would let a negative variance fit (clamped)
 * claim certainty where residuals are not 0, so the floor is chosen on the selection data too.
 */
export function fitResidualNoise(
  library: PolynomialLibrary,
  train: { rows: readonly Float64Array[]; residuals: Float64Array },
  select: { rows: readonly Float64Array[]; residuals: Float64Array },
): ResidualNoise {
  const p = library.terms.length;
  const n = train.residuals.length;
  let meanSq = 0;
  for (let i = 0; i < n; i++) meanSq += train.residuals[i] ** 2 / Math.max(1, n);
  // a deterministic variable (residuals exactly 0) keeps a tiny spread so the NLL stays finite
  const constant = new Float64Array(p);
  constant[0] = meanSq;
  const candidates: ResidualNoise[] = [{ heteroscedastic: false, variance: constant, floor: 1e-6 * meanSq + 1e-12 }];
  if (n >= 2 * p && meanSq > 0) {
    const squared = train.residuals.map((r) => r * r);
    const linear = library.terms.map((t, k) => k).filter((k) => library.terms[k].length <= 1);
    const fits = [
      stlsq(train.rows.map((r) => Float64Array.from(linear, (k) => r[k])), squared, { threshold: 0, ridge: 1e-6 }),
      stlsq(train.rows, squared, { threshold: 0, ridge: 1e-6 }),
    ].map((c, i) => {
      if (i > 0) return c;
      const full = new Float64Array(p);
      linear.forEach((k, u) => (full[k] = c[u]));
      return full;
    });
    for (const variance of fits) for (const f of FLOORS) candidates.push({ heteroscedastic: true, variance, floor: f * meanSq });
  }
  let best = candidates[0];
  let bestNll = gaussianNll(best, select.rows, select.residuals);
  for (const c of candidates.slice(1)) {
    const nll = gaussianNll(c, select.rows, select.residuals);
    if (nll < bestNll) [best, bestNll] = [c, nll];
  }
  return best;
}
