import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import { expectClose, TOL_F64, TOL_SUM } from './expectClose.ts';
import { wasserstein1d } from './wasserstein1d.ts';

/** Independent reference: ∫|F(x) − G(x)| dx over the merged support (the CDF form of W1). */
function cdfW1(a: number[], b: number[]): number {
  const xs = [...a, ...b].sort((x, y) => x - y);
  const cdf = (s: number[], x: number) => s.filter((v) => v <= x).length / s.length;
  let sum = 0;
  for (let k = 0; k + 1 < xs.length; k++) sum += Math.abs(cdf(a, xs[k]) - cdf(b, xs[k])) * (xs[k + 1] - xs[k]);
  return sum;
}

describe('wasserstein1d', () => {
  it('wasserstein1d(a, b) agrees with the CDF formula for different sizes', () => {
    const rng = createRng(31);
    for (let trial = 0; trial < 100; trial++) {
      const na = 1 + rng.integers(0, 30);
      const nb = 1 + rng.integers(0, 30);
      const a = Array.from({ length: na }, () => (trial % 2 ? rng.integers(0, 6) : rng.normal(0, 2)));
      const b = Array.from({ length: nb }, () => (trial % 2 ? rng.integers(0, 6) : rng.normal(1, 2)));
      expectClose(wasserstein1d(a, b), cdfW1(a, b), TOL_SUM, `trial ${trial}`);
    }
  });

  it('wasserstein1d(a, b) solves the documented example', () => {
    expectClose(wasserstein1d([0, 1], [0, 1, 2, 3]), 1, TOL_F64);
  });

  it('wasserstein1d(a, b) is 0 for identical samples in any order', () => {
    expect(wasserstein1d([3, 1, 2, 2], [2, 3, 2, 1])).toBe(0);
  });

  it('wasserstein1d(a, b) is 0 for a sample and its duplication (same distribution)', () => {
    expect(wasserstein1d([1, 5, 7], [7, 1, 5, 5, 1, 7])).toBe(0);
  });

  it('wasserstein1d(a, b) is symmetric', () => {
    const a = [0.5, 3, -2, 8];
    const b = [1, 1, 4];
    expect(wasserstein1d(a, b)).toBe(wasserstein1d(b, a));
  });

  it('wasserstein1d(a, b) of single samples is their distance', () => {
    expect(wasserstein1d([2], [-3])).toBe(5);
  });

  it('wasserstein1d(a, b) is NaN when either side is empty', () => {
    expect(wasserstein1d([], [1])).toBeNaN();
    expect(wasserstein1d([1], [])).toBeNaN();
  });

  it('wasserstein1d(a, b) propagates NaN', () => {
    expect(wasserstein1d([1, NaN], [1, 2])).toBeNaN();
    expect(wasserstein1d([1, 2], [NaN])).toBeNaN();
  });

  it('wasserstein1d(a, b) is Infinity when one side holds an infinite value', () => {
    expect(wasserstein1d([1, Infinity], [1, 2])).toBe(Infinity);
  });

  it('wasserstein1d(a, b) stays exact at extreme magnitudes', () => {
    expect(wasserstein1d([1e300], [-1e300])).toBe(2e300);
    expectClose(wasserstein1d([1e300, 1e300, 1e300], [-1e300, -1e300]), 2e300, TOL_F64);
  });

  it('wasserstein1d(a, b) does not modify its inputs', () => {
    const a = Float64Array.of(3, 1, 2);
    wasserstein1d(a, [0]);
    expect(Array.from(a)).toEqual([3, 1, 2]);
  });
});
