import { describe, expect, it } from 'vitest';
import { expectClose, TOL_F64 } from '../metrics/expectClose.ts';
import { quantileBands } from './quantileBands.ts';

// Five rollouts, two time steps, one variable: t = 0 holds 0..4 shuffled, t = 1 holds 10·(0..4).
const ensemble = Float64Array.of(3, 30, 0, 0, 4, 40, 1, 10, 2, 20);

describe('quantileBands', () => {
  it('quantileBands(ensemble, ...) interpolates linearly between order statistics (NumPy default)', () => {
    const out = quantileBands(ensemble, 5, 2, 1, [0, 0.1, 0.5, 1]);
    const expected = [0, 0, 0.4, 4, 2, 20, 4, 40];
    expected.forEach((v, k) => expectClose(out[k], v, TOL_F64, `entry ${k}`));
  });

  it('quantileBands(ensemble, ...) defaults to the 5%, 50% and 95% quantiles', () => {
    const out = quantileBands(ensemble, 5, 2, 1);
    expect(out).toHaveLength(3 * 2);
    expectClose(out[0], 0.2, TOL_F64);
    expectClose(out[5], 38, TOL_F64);
  });

  it('quantileBands(ensemble, 1, ...) returns the single rollout for every quantile', () => {
    expect(Array.from(quantileBands(Float64Array.of(7, 8), 1, 2, 1, [0.05, 0.95]))).toEqual([7, 8, 7, 8]);
  });

  it('quantileBands(ensemble, 0, ...) is NaN everywhere', () => {
    expect(Array.from(quantileBands(new Float64Array(0), 0, 2, 1)).every(Number.isNaN)).toBe(true);
  });

  it('quantileBands(ensemble, ...) propagates NaN to its own time step and variable', () => {
    const out = quantileBands(Float64Array.of(1, NaN, 2, 5), 2, 2, 1, [0.5]);
    expect(out[0]).toBe(1.5);
    expect(out[1]).toBeNaN();
  });

  it('quantileBands(ensemble, ...) rejects quantiles outside [0, 1]', () => {
    expect(() => quantileBands(ensemble, 5, 2, 1, [1.5])).toThrow(RangeError);
    expect(() => quantileBands(ensemble, 5, 2, 1, [NaN])).toThrow(RangeError);
  });
});
