/** Default fan-chart quantiles: a 90% band around the median. */
export const DEFAULT_QUANTILES: readonly number[] = [0.05, 0.5, 0.95];

/**
 * Pointwise quantiles of a rollout ensemble ([rollout][t][variable], as {@link rolloutEnsemble}
 * returns) for fan charts: `out[(q * steps + t) * dim + j]` is quantile qs[q] of variable j at time t
 * across the rollouts. Quantiles interpolate linearly between order statistics (NumPy's default,
 * "type 7"): position (n − 1)·q. O(steps · dim · nRollouts log nRollouts).
 *
 * Edge cases (P10): nRollouts = 0 → NaN everywhere; one rollout → that rollout for every q; a NaN among
 * the rollouts at (t, j) → NaN at (t, j) for every q; q outside [0, 1] or NaN → RangeError.
 */
export function quantileBands(
  ensemble: Float64Array, nRollouts: number, steps: number, dim: number, qs: readonly number[] = DEFAULT_QUANTILES,
): Float64Array {
  if (ensemble.length !== nRollouts * steps * dim) {
    throw new RangeError(`quantileBands: expected ${nRollouts}·${steps}·${dim} numbers, got ${ensemble.length}`);
  }
  for (const q of qs) if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileBands: quantiles must lie in [0, 1], got ${q}`);
  const out = new Float64Array(qs.length * steps * dim);
  if (nRollouts === 0) return out.fill(NaN);
  const col = new Float64Array(nRollouts);
  for (let t = 0; t < steps; t++) {
    for (let j = 0; j < dim; j++) {
      let hasNaN = false;
      for (let r = 0; r < nRollouts; r++) {
        const v = ensemble[(r * steps + t) * dim + j];
        if (v !== v) hasNaN = true;
        col[r] = v;
      }
      if (!hasNaN) col.sort();
      for (let q = 0; q < qs.length; q++) {
        let value = NaN;
        if (!hasNaN) {
          const pos = (nRollouts - 1) * qs[q];
          const lo = Math.floor(pos);
          const hi = Math.min(lo + 1, nRollouts - 1);
          // Exact order statistics stay exact (and infinite values need no arithmetic).
          value = pos === lo ? col[lo] : col[lo] + (pos - lo) * (col[hi] - col[lo]);
        }
        out[(q * steps + t) * dim + j] = value;
      }
    }
  }
  return out;
}
