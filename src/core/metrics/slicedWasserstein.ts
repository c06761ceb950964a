import type { Rng } from '../rng/Rng.ts';
import { wasserstein1d } from './wasserstein1d.ts';

/**
 * Sliced 1-Wasserstein distance: the mean over `projections` random directions θ (uniform on the unit
 * sphere, drawn from `rng` as normalised Gaussian vectors) of the 1-D W1 between the projections
 * ⟨a_i, θ⟩ and ⟨b_j, θ⟩. A cheap stand-in for the exact W1 when sets are large or of different sizes
 * (a has n points, b has m, both packed row-major with `dim` coordinates). It is a lower bound on the
 * exact Euclidean W1. O(projections · ((n + m) · dim + (n + m) log(n + m))).
 *
 * Edge cases (P10): either set empty → NaN; any NaN coordinate → NaN; identical sets → 0; symmetric
 * for a fixed rng stream. For dim = 1 every direction is ±1, so it equals {@link wasserstein1d}.
 * `projections` must be a positive integer (RangeError otherwise).
 */
export function slicedWasserstein(
  a: Float64Array, b: Float64Array, n: number, m: number, dim: number, projections: number, rng: Rng,
): number {
  if (!Number.isInteger(projections) || projections < 1) {
    throw new RangeError(`slicedWasserstein: projections must be a positive integer, got ${projections}`);
  }
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`slicedWasserstein: dim must be a positive integer, got ${dim}`);
  if (a.length !== n * dim || b.length !== m * dim) {
    throw new RangeError(`slicedWasserstein: expected ${n}·${dim} and ${m}·${dim} numbers, got ${a.length} and ${b.length}`);
  }
  if (n === 0 || m === 0) return NaN;
  const theta = new Float64Array(dim);
  const pa = new Float64Array(n);
  const pb = new Float64Array(m);
  let sum = 0;
  for (let p = 0; p < projections; p++) {
    let norm = 0;
    do {
      norm = 0;
      for (let k = 0; k < dim; k++) {
        theta[k] = rng.normal();
        norm += theta[k] * theta[k];
      }
    } while (norm === 0);
    norm = Math.sqrt(norm);
    for (let k = 0; k < dim; k++) theta[k] /= norm;
    project(a, n, dim, theta, pa);
    project(b, m, dim, theta, pb);
    sum += wasserstein1d(pa, pb);
  }
  return sum / projections;
}

function project(x: Float64Array, n: number, dim: number, theta: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < dim; k++) s += x[i * dim + k] * theta[k];
    out[i] = s;
  }
}
