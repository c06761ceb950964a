/**
 * Column j of a row-major packed sample matrix (n rows × dim), as a new Float64Array: the 1-D sample
 * of one variable, for per-variable metrics. O(n).
 */
export function packedColumn(packed: Float64Array, n: number, dim: number, j: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = packed[i * dim + j];
  return out;
}
