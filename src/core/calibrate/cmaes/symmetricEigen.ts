/**
 * Eigendecomposition of a real symmetric matrix by the cyclic Jacobi method: repeated plane
 * rotations that zero one off-diagonal entry at a time until the off-diagonal mass is negligible.
 * Slower than tridiagonal QR for large n, but short, exact to round-off and unconditionally stable,
 * which is what CMA-ES needs for the few dozen parameters a simulator has.
 *
 * NOTE: O(n^3) per sweep and typically 5–10 sweeps; meant for n ≤ ~50. Only the upper triangle's
 * symmetry is assumed, not checked: pass a symmetric matrix.
 *
 * @param a row-major n×n symmetric matrix; not modified.
 * @param n its order.
 * @returns `values` (unsorted) and `vectors`, row-major, whose column k is the unit eigenvector of
 *   `values[k]`: `a = vectors · diag(values) · vectorsᵀ`.
 * @example
 * const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2); // values 1 and 3
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(a);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale += A[i] * A[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q] * A[p * n + q];
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (apq === 0) continue;
        // Rotation angle φ with cot 2φ = θ zeroes A[p][q]; the smaller root keeps |φ| ≤ π/4 (stable).
        const theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p];
          const akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k];
          const aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p];
          const vkq = V[k * n + q];
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = A[i * n + i];
  return { values, vectors: V };
}
