/**
 * Energy score of an ensemble forecast against one observation y (Gneiting & Raftery 2007), a proper
 * scoring rule for multivariate predictive distributions; lower is better:
 *
 *   ES = (1/n) Σᵢ ‖Xᵢ − y‖ − 1/(2 n(n−1)) Σ_{i≠j} ‖Xᵢ − Xⱼ‖     (Euclidean norm)
 *
 * The spread term uses the unbiased ("fair") pair average, so the score does not reward or punish
 * the ensemble size. `samples` is packed row-major (n × dim), `y` has dim numbers. O(n² · dim).
 *
 * Edge cases (P10): n = 0 → NaN; n = 1 → ‖X₁ − y‖ (no spread term: a point forecast, where the energy
 * score reduces to the absolute error); n identical samples → their distance to y; any NaN → NaN.
 * Invariant to the order of the samples. Always ≥ 0 (up to rounding): by the triangle inequality
 * Σ_{i<j} ‖Xᵢ − Xⱼ‖ ≤ (n−1) Σᵢ ‖Xᵢ − y‖.
 */
export function energyScore(samples: Float64Array, n: number, dim: number, y: ArrayLike<number>): number {
  if (samples.length !== n * dim || y.length !== dim) {
    throw new RangeError(`energyScore: expected ${n}·${dim} samples and ${dim} observed numbers, got ${samples.length} and ${y.length}`);
  }
  if (n === 0) return NaN;
  let toObs = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < dim; k++) {
      const d = samples[i * dim + k] - y[k];
      s += d * d;
    }
    toObs += Math.sqrt(s);
  }
  if (n === 1) return toObs;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < dim; k++) {
        const d = samples[i * dim + k] - samples[j * dim + k];
        s += d * d;
      }
      spread += Math.sqrt(s);
    }
  }
  // Σ_{i≠j} counts each unordered pair twice: ½ · 2·spread / (n(n−1)).
  return toObs / n - spread / (n * (n - 1));
}
