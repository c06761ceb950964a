import { describe, expect, it } from 'vitest';
import { stirlingError } from './stirlingError.ts';

/** Direct log k! - Stirling, by summing logs: loses ~k·1e-16 relative to log k!, fine for small k. */
function direct(k: number): number {
  let lf = 0;
  for (let i = 2; i <= k; i++) lf += Math.log(i);
  return lf - (k + 0.5) * Math.log(k) + k - 0.5 * Math.log(2 * Math.PI);
}

describe('stirlingError(k)', () => {
  it('stirlingError(1) is 1 - log(2π)/2', () => {
    expect(Math.abs(stirlingError(1) - (1 - 0.5 * Math.log(2 * Math.PI)))).toBeLessThan(1e-15);
  });

  it('stirlingError(k) matches the direct difference for k = 1..60, across the table/series switch', () => {
    for (let k = 1; k <= 60; k++) {
      expect(Math.abs(stirlingError(k) - direct(k)), `k = ${k}`).toBeLessThan(1e-13);
    }
  });

  it('stirlingError(k) behaves like 1/(12k) for huge k and decreases', () => {
    for (const k of [1e3, 1e6, 1e9, 2 ** 53]) {
      expect(Math.abs(stirlingError(k) * 12 * k - 1)).toBeLessThan(1 / (30 * k * k) + 1e-15);
    }
    for (let k = 1; k < 100; k++) expect(stirlingError(k + 1)).toBeLessThan(stirlingError(k));
  });
});
