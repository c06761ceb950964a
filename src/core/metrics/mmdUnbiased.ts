/**
 * Unbiased estimate of the squared maximum mean discrepancy MMD² between two samples (a: na points,
 * b: nb points, packed row-major with `dim` coordinates) under the Gaussian RBF kernel
 * k(x, y) = exp(−‖x − y‖² / (2σ²)), with `sigma` = σ the kernel bandwidth in the data's own units
 * (Gretton et al. 2012, eq. 3):
 *
 *   MMD²ᵤ = Σ_{i≠i'} k(aᵢ, aᵢ') / (na(na−1)) + Σ_{j≠j'} k(bⱼ, bⱼ') / (nb(nb−1)) − 2 Σ_{i,j} k(aᵢ, bⱼ) / (na·nb).
 *
 * Being unbiased it can be slightly negative when the distributions agree; it is not a distance.
 * O((na + nb)² · dim).
 *
 * Edge cases (P10): fewer than 2 points on either side → NaN (the within-sample terms need pairs);
 * any NaN coordinate → NaN; identical sets → a value ≤ 0 (exactly 0 only when all points coincide,
 * because the diagonal is left out of the within-sample terms but not the cross term); symmetric and
 * permutation invariant. `sigma` must be finite and > 0 (RangeError otherwise).
 */
export function mmdUnbiased(a: Float64Array, b: Float64Array, na: number, nb: number, dim: number, sigma: number): number {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new RangeError(`mmdUnbiased: sigma must be finite and > 0, got ${sigma}`);
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`mmdUnbiased: dim must be a positive integer, got ${dim}`);
  if (a.length !== na * dim || b.length !== nb * dim) {
    throw new RangeError(`mmdUnbiased: expected ${na}·${dim} and ${nb}·${dim} numbers, got ${a.length} and ${b.length}`);
  }
  if (na < 2 || nb < 2) return NaN;
  const g = -1 / (2 * sigma * sigma);
  const kaa = kernelSum(a, na, a, na, dim, g, true);
  const kbb = kernelSum(b, nb, b, nb, dim, g, true);
  const kab = kernelSum(a, na, b, nb, dim, g, false);
  return kaa / (na * (na - 1)) + kbb / (nb * (nb - 1)) - (2 * kab) / (na * nb);
}

/** Σ k(xᵢ, yⱼ) over all pairs, or over i ≠ j when `offDiagonal` (x = y, each pair counted twice). */
function kernelSum(x: Float64Array, nx: number, y: Float64Array, ny: number, dim: number, g: number, offDiagonal: boolean): number {
  let sum = 0;
  for (let i = 0; i < nx; i++) {
    const xi = i * dim;
    for (let j = offDiagonal ? i + 1 : 0; j < ny; j++) {
      const yj = j * dim;
      let d2 = 0;
      for (let k = 0; k < dim; k++) {
        const d = x[xi + k] - y[yj + k];
        d2 += d * d;
      }
      sum += Math.exp(g * d2);
    }
  }
  return offDiagonal ? 2 * sum : sum;
}
