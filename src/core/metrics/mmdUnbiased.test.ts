import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import { expectClose, TOL_F64 } from './expectClose.ts';
import { mmdUnbiased } from './mmdUnbiased.ts';

function gaussian(seed: number, n: number, dim: number, shift: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n * dim }, () => rng.normal(shift, 1));
}

/** Independent reference: the three Gram-matrix averages written out over ordered pairs. */
function naiveMmd(a: Float64Array, b: Float64Array, na: number, nb: number, dim: number, sigma: number): number {
  const k = (x: Float64Array, i: number, y: Float64Array, j: number) => {
    let d2 = 0;
    for (let c = 0; c < dim; c++) d2 += (x[i * dim + c] - y[j * dim + c]) ** 2;
    return Math.exp(-d2 / (2 * sigma * sigma));
  };
  let xx = 0, yy = 0, xy = 0;
  for (let i = 0; i < na; i++) for (let j = 0; j < na; j++) if (i !== j) xx += k(a, i, a, j);
  for (let i = 0; i < nb; i++) for (let j = 0; j < nb; j++) if (i !== j) yy += k(b, i, b, j);
  for (let i = 0; i < na; i++) for (let j = 0; j < nb; j++) xy += k(a, i, b, j);
  return xx / (na * (na - 1)) + yy / (nb * (nb - 1)) - (2 * xy) / (na * nb);
}

describe('mmdUnbiased', () => {
  it('mmdUnbiased(a, b, na, nb, dim, sigma) agrees with the Gram-matrix formula', () => {
    for (const [na, nb, dim, sigma] of [[5, 7, 1, 0.5], [20, 13, 3, 2], [2, 2, 2, 1]] as const) {
      const a = gaussian(51 + na, na, dim, 0);
      const b = gaussian(61 + nb, nb, dim, 0.4);
      expectClose(mmdUnbiased(a, b, na, nb, dim, sigma), naiveMmd(a, b, na, nb, dim, sigma), TOL_F64);
    }
  });

  it('mmdUnbiased(a, b, ...) is clearly positive for shifted distributions and near 0 for equal ones', () => {
    const a = gaussian(71, 200, 2, 0);
    const same = gaussian(72, 200, 2, 0);
    const shifted = gaussian(73, 200, 2, 1.5);
    const near = mmdUnbiased(a, same, 200, 200, 2, 1);
    const far = mmdUnbiased(a, shifted, 200, 200, 2, 1);
    expect(Math.abs(near)).toBeLessThan(0.02);
    expect(far).toBeGreaterThan(0.2);
  });

  it('mmdUnbiased(a, a, ...) is ≤ 0 for identical sets, and 0 when all points coincide', () => {
    const a = gaussian(74, 30, 2, 0);
    expect(mmdUnbiased(a, a, 30, 30, 2, 1)).toBeLessThanOrEqual(0);
    const point = new Float64Array(10).fill(3);
    expectClose(mmdUnbiased(point, point, 5, 5, 2, 1), 0, TOL_F64);
  });

  it('mmdUnbiased(a, b, ...) is symmetric', () => {
    const a = gaussian(75, 12, 2, 0);
    const b = gaussian(76, 9, 2, 1);
    expectClose(mmdUnbiased(a, b, 12, 9, 2, 0.7), mmdUnbiased(b, a, 9, 12, 2, 0.7), TOL_F64);
  });

  it('mmdUnbiased(a, b, ...) is NaN with fewer than 2 points on a side', () => {
    expect(mmdUnbiased(Float64Array.of(1), Float64Array.of(1, 2), 1, 2, 1, 1)).toBeNaN();
    expect(mmdUnbiased(new Float64Array(0), new Float64Array(0), 0, 0, 1, 1)).toBeNaN();
  });

  it('mmdUnbiased(a, b, ...) propagates NaN', () => {
    expect(mmdUnbiased(Float64Array.of(1, NaN), Float64Array.of(1, 2), 2, 2, 1, 1)).toBeNaN();
  });

  it('mmdUnbiased(a, b, ...) rejects a sigma that is not finite and positive', () => {
    for (const s of [0, -1, NaN, Infinity]) {
      expect(() => mmdUnbiased(Float64Array.of(1, 2), Float64Array.of(1, 2), 2, 2, 1, s)).toThrow(/sigma/);
    }
  });
});
