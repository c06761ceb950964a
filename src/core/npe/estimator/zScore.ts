/**
 * Per-dimension mean and standard deviation of the training pairs (sbi's `z_score_theta/x`). They become
 * constants in every graph, so the network sees standardised inputs while callers use physical units.
 */
export interface ZScore {
  thetaMean: Float64Array;
  thetaStd: Float64Array;
  xMean: Float64Array;
  xStd: Float64Array;
}

function meanStd(rows: Float64Array[], dim: number): { mean: Float64Array; std: Float64Array } {
  const mean = new Float64Array(dim);
  const std = new Float64Array(dim);
  for (const r of rows) for (let j = 0; j < dim; j++) mean[j] += r[j] / rows.length;
  for (const r of rows) for (let j = 0; j < dim; j++) std[j] += (r[j] - mean[j]) ** 2 / Math.max(1, rows.length - 1);
  for (let j = 0; j < dim; j++) {
    const s = Math.sqrt(std[j]);
    // a constant feature (e.g. a summary that never varies) carries no information: pass it through
    // unscaled rather than dividing by zero
    std[j] = s > 1e-12 * Math.max(1, Math.abs(mean[j])) ? s : 1;
  }
  return { mean, std };
}

export function computeZScore(theta: Float64Array[], x: Float64Array[]): ZScore {
  const t = meanStd(theta, theta[0].length);
  const o = meanStd(x, x[0].length);
  return { thetaMean: t.mean, thetaStd: t.std, xMean: o.mean, xStd: o.std };
}

/** Σ log σθ: the log-Jacobian between physical θ and z-scored θ. */
export function logThetaScale(z: ZScore): number {
  return z.thetaStd.reduce((a, s) => a + Math.log(s), 0);
}
