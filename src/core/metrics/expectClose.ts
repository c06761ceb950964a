/** Rounding of a few float64 operations: results that should agree to the last bits. */
export const TOL_F64 = 1e-12;
/** Sums and solver outputs that accumulate rounding over many terms (e.g. an n = 200 matching). */
export const TOL_SUM = 1e-9;

/**
 * Test assertion for floating-point results (P10): passes when |actual − expected| ≤ tol · max(1,
 * |expected|) — absolute near zero, relative for large values — or when both are NaN, or both are the
 * same infinity; otherwise throws an Error naming both values, which fails the enclosing test. Free of
 * any test framework so it typechecks inside core.
 */
export function expectClose(actual: number, expected: number, tol: number, what = 'value'): void {
  if (Number.isNaN(actual) && Number.isNaN(expected)) return;
  if (actual === expected) return;
  const scale = Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tol * scale)) {
    throw new Error(`expectClose: ${what} ${actual} differs from ${expected} by more than ${tol} (relative to ${scale})`);
  }
}
