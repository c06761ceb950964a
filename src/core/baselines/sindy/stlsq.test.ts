import { describe, expect, it } from 'vitest';
import { expectClose, TOL_SUM } from '../../metrics/expectClose.ts';
import { stlsq } from './stlsq.ts';

// y = 2 + 3·u + 0.001·v exactly, on a grid where u and v are not collinear
const rows: Float64Array[] = [];
const y: number[] = [];
for (let u = -2; u <= 2; u++) for (let v = -2; v <= 2; v++) {
  rows.push(Float64Array.of(1, u, v));
  y.push(2 + 3 * u + 0.001 * v);
}

describe('stlsq', () => {
  it('stlsq(rows, y, threshold 0) is least squares: exact coefficients on noiseless data', () => {
    const c = stlsq(rows, y, { threshold: 0, ridge: 0 });
    expectClose(c[0], 2, TOL_SUM);
    expectClose(c[1], 3, TOL_SUM);
    expectClose(c[2], 0.001, TOL_SUM);
  });

  it('stlsq(rows, y, threshold) drops a term whose standardised size is below the threshold and refits', () => {
    const c = stlsq(rows, y, { threshold: 0.01, ridge: 0 });
    expect(c[2]).toBe(0);
    expectClose(c[1], 3, TOL_SUM);
  });

  it('stlsq of empty input is all zeros', () => {
    expect(Array.from(stlsq([], [], { threshold: 0 }))).toEqual([]);
  });
});
