import { solve } from '../../npe/solveLinear.ts';

/** Options of {@link stlsq}. */
export interface StlsqOptions {
  /**
   * Pruning threshold on the standardised coefficient |c_k| · rms(term k) / rms(y): a term whose
   * contribution to the target's scale is below it is dropped (0 keeps every term).
   */
  threshold: number;
  /** Ridge penalty on the standardised coefficients, relative to the row count (default 1e-8). */
  ridge?: number;
  /** Threshold-and-refit rounds (default 10; it usually settles in two or three). */
  maxIterations?: number;
}

/**
 * Sequentially thresholded least squares (Brunton, Proctor & Kutz 2016, the SINDy regression): fit
 * y ≈ Θc by (ridge) least squares, zero the coefficients whose standardised size is below the
 * threshold, refit on the terms that remain, until the support stops changing. Columns are scaled by
 * their root mean square first, so one threshold suits terms of very different magnitudes (S and S·I
 * on a population of 1,000). Returns coefficients in the original units; pruned terms are exactly 0.
 * O(iterations · (rows · terms² + terms³)). Empty input gives all zeros.
 *
 * @param rows the library evaluated on each input row ({@link PolynomialLibrary.evaluate}).
 * @param y the target, one value per row.
 */
export function stlsq(rows: readonly Float64Array[], y: ArrayLike<number>, opts: StlsqOptions): Float64Array {
  const p = rows[0]?.length ?? 0;
  const n = rows.length;
  const coef = new Float64Array(p);
  if (n === 0 || p === 0) return coef;
  const scale = new Float64Array(p);
  for (const r of rows) for (let k = 0; k < p; k++) scale[k] += r[k] * r[k];
  for (let k = 0; k < p; k++) scale[k] = Math.sqrt(scale[k] / n) || 1;
  let yScale = 0;
  for (let i = 0; i < n; i++) yScale += y[i] * y[i];
  yScale = Math.sqrt(yScale / n) || 1;
  const ridge = (opts.ridge ?? 1e-8) * n;

  let active = Array.from({ length: p }, (_, k) => k);
  for (let iter = 0; iter < (opts.maxIterations ?? 10) && active.length > 0; iter++) {
    const m = active.length;
    const a = new Float64Array(m * m);
    const b = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      for (let u = 0; u < m; u++) {
        const xu = r[active[u]] / scale[active[u]];
        b[u] += xu * y[i];
        for (let v = u; v < m; v++) a[u * m + v] += xu * (r[active[v]] / scale[active[v]]);
      }
    }
    for (let u = 0; u < m; u++) {
      a[u * m + u] += ridge;
      for (let v = 0; v < u; v++) a[u * m + v] = a[v * m + u];
    }
    const c = solve(a, b, m);
    coef.fill(0);
    active.forEach((k, u) => (coef[k] = c[u] / scale[k]));
    const kept = active.filter((k, u) => Math.abs(c[u]) / yScale >= opts.threshold);
    if (kept.length === active.length) break;
    active = kept;
  }
  // a last pruning round that ran out of iterations leaves no refit: drop what it pruned all the same
  const keep = new Set(active);
  for (let k = 0; k < p; k++) if (!keep.has(k)) coef[k] = 0;
  return coef;
}
