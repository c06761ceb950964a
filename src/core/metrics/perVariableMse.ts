/**
 * Mean squared error per variable between predictions and observations (packed row-major). With
 * `draws` > 1, `predicted` holds `draws` consecutive rows per observation (row i·draws + k is draw k
 * for observation i), and every draw is scored against its observation: the MSE of each draw,
 * averaged — so a stochastic model pays for its spread as well as its bias. O(n · draws · dim).
 *
 * Edge cases (P10): n = 0 → NaN for every variable; a NaN in a variable → NaN for that variable only;
 * identical predictions and observations → 0.
 */
export function perVariableMse(predicted: Float64Array, observed: Float64Array, n: number, dim: number, draws = 1): Float64Array {
  if (!Number.isInteger(draws) || draws < 1) throw new RangeError(`perVariableMse: draws must be a positive integer, got ${draws}`);
  if (observed.length !== n * dim || predicted.length !== n * draws * dim) {
    throw new RangeError(`perVariableMse: expected ${n * draws}·${dim} predicted and ${n}·${dim} observed numbers, got ${predicted.length} and ${observed.length}`);
  }
  const out = new Float64Array(dim);
  if (n === 0) return out.fill(NaN);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < draws; k++) {
      const row = (i * draws + k) * dim;
      for (let j = 0; j < dim; j++) {
        const d = predicted[row + j] - observed[i * dim + j];
        out[j] += d * d;
      }
    }
  }
  for (let j = 0; j < dim; j++) out[j] /= n * draws;
  return out;
}
