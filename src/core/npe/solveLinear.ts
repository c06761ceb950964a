/** Solves the p×p system A x = y by Gaussian elimination with partial pivoting (A is positive definite here). */
export function solve(a: Float64Array, y: ArrayLike<number>, p: number): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(y);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[r * p + c]) > Math.abs(m[piv * p + c])) piv = r;
    if (piv !== c) {
      for (let k = 0; k < p; k++) [m[c * p + k], m[piv * p + k]] = [m[piv * p + k], m[c * p + k]];
      [x[c], x[piv]] = [x[piv], x[c]];
    }
    const diag = m[c * p + c];
    if (diag === 0) continue;
    for (let r = c + 1; r < p; r++) {
      const f = m[r * p + c] / diag;
      if (f === 0) continue;
      for (let k = c; k < p; k++) m[r * p + k] -= f * m[c * p + k];
      x[r] -= f * x[c];
    }
  }
  for (let c = p - 1; c >= 0; c--) {
    let s = x[c];
    for (let k = c + 1; k < p; k++) s -= m[c * p + k] * x[k];
    x[c] = m[c * p + c] === 0 ? 0 : s / m[c * p + c];
  }
  return x;
}
