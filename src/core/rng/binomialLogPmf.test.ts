import { describe, expect, it } from 'vitest';
import { binomialLogPmf } from './binomialLogPmf.ts';

/** The textbook formula by summing logs: independent of the saddle-point terms, fine for n ≤ ~1e4. */
function direct(k: number, n: number, p: number): number {
  let lc = 0;
  for (let i = 1; i <= k; i++) lc += Math.log((n - k + i) / i);
  return lc + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

describe('binomialLogPmf(k, n, p)', () => {
  it('binomialLogPmf(k, n, p) matches the textbook formula for small n', () => {
    for (const [n, p] of [[1, 0.3], [10, 0.5], [50, 0.3], [1000, 0.005], [5000, 0.97]]) {
      for (let k = 0; k <= n; k += Math.max(1, Math.floor(n / 97))) {
        expect(Math.abs(binomialLogPmf(k, n, p) - direct(k, n, p)), `k=${k} n=${n} p=${p}`).toBeLessThan(1e-10);
      }
    }
  });

  it('binomialLogPmf(k, n, p) keeps the ratio recurrence f(k+1)/f(k) = (n-k)p/((k+1)q) to 1e-12 at n = 1e9', () => {
    // The textbook log(n!) - log(k!) - … would be off by ~1e-6 here.
    for (const [n, p] of [[1e9, 0.5], [1e9, 0.01], [1e9, 1e-6], [2 ** 53 - 1, 0.3]]) {
      const sd = Math.sqrt(n * p * (1 - p));
      for (const z of [-5, -1, 0, 0.5, 3]) {
        const k = Math.floor(n * p + z * sd);
        const step = binomialLogPmf(k + 1, n, p) - binomialLogPmf(k, n, p);
        const exact = Math.log(((n - k) / (k + 1)) * (p / (1 - p)));
        expect(Math.abs(step - exact), `n=${n} p=${p} k=${k}`).toBeLessThan(1e-12);
      }
    }
  });

  it('binomialLogPmf(k, n, p) sums to 1 over the support at n = 1e9', () => {
    const n = 1e9;
    const p = 0.3;
    const sd = Math.sqrt(n * p * (1 - p));
    let total = 0;
    for (let k = Math.floor(n * p - 9 * sd); k <= n * p + 9 * sd; k++) total += Math.exp(binomialLogPmf(k, n, p));
    expect(Math.abs(total - 1)).toBeLessThan(1e-9);
  });

  it('binomialLogPmf(k, n, p) handles the end points, p = 0, p = 1 and k outside 0..n', () => {
    expect(binomialLogPmf(0, 10, 0)).toBe(0);
    expect(binomialLogPmf(1, 10, 0)).toBe(-Infinity);
    expect(binomialLogPmf(10, 10, 1)).toBe(0);
    expect(binomialLogPmf(9, 10, 1)).toBe(-Infinity);
    expect(binomialLogPmf(0, 0, 0.4)).toBe(0);
    expect(Math.abs(binomialLogPmf(0, 10, 0.5) - 10 * Math.log(0.5))).toBeLessThan(1e-15);
    expect(Math.abs(binomialLogPmf(10, 10, 0.5) - 10 * Math.log(0.5))).toBeLessThan(1e-15);
    for (const k of [-1, 11, 2.5, NaN]) expect(binomialLogPmf(k, 10, 0.5)).toBe(-Infinity);
  });
});
