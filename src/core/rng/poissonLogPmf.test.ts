import { describe, expect, it } from 'vitest';
import { poissonLogPmf } from './poissonLogPmf.ts';

/**
 * The textbook formula, summing log i with compensation (plain summation drifts by ~1e-10 at k ≈ 6000):
 * independent of the saddle-point terms.
 */
function direct(k: number, lam: number): number {
  let lf = 0;
  let carry = 0;
  for (let i = 2; i <= k; i++) {
    const y = Math.log(i) - carry;
    const t = lf + y;
    carry = t - lf - y;
    lf = t;
  }
  return -lam + k * Math.log(lam) - lf;
}

describe('poissonLogPmf(k, lam)', () => {
  it('poissonLogPmf(k, lam) matches the textbook formula for moderate means', () => {
    for (const lam of [0.5, 3, 10, 137.5, 2000]) {
      for (let k = 0; k <= 3 * lam + 20; k += Math.max(1, Math.floor(lam / 50))) {
        expect(Math.abs(poissonLogPmf(k, lam) - direct(k, lam)), `k=${k} lam=${lam}`).toBeLessThan(1e-10);
      }
    }
  });

  it('poissonLogPmf(k, lam) keeps the ratio recurrence f(k+1)/f(k) = lam/(k+1) to 1e-12 at lam = 1e7 and 1e15', () => {
    for (const lam of [1e7, 1e15]) {
      for (const z of [-5, -1, 0, 2, 6]) {
        const k = Math.floor(lam + z * Math.sqrt(lam));
        const step = poissonLogPmf(k + 1, lam) - poissonLogPmf(k, lam);
        expect(Math.abs(step - Math.log(lam / (k + 1))), `lam=${lam} k=${k}`).toBeLessThan(1e-12);
      }
    }
  });

  it('poissonLogPmf(k, lam) sums to 1 over the support at lam = 1e7', () => {
    const lam = 1e7;
    const sd = Math.sqrt(lam);
    let total = 0;
    for (let k = Math.floor(lam - 9 * sd); k <= lam + 9 * sd; k++) total += Math.exp(poissonLogPmf(k, lam));
    expect(Math.abs(total - 1)).toBeLessThan(1e-9);
  });

  it('poissonLogPmf(k, lam) handles k = 0, lam = 0 and k outside the support', () => {
    expect(poissonLogPmf(0, 2.5)).toBe(-2.5);
    expect(poissonLogPmf(0, 0)).toBe(0);
    expect(poissonLogPmf(3, 0)).toBe(-Infinity);
    for (const k of [-1, 1.5, NaN]) expect(poissonLogPmf(k, 4)).toBe(-Infinity);
  });
});
