import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import { expectClose, TOL_SUM } from './expectClose.ts';
import { slicedWasserstein } from './slicedWasserstein.ts';
import { wasserstein1d } from './wasserstein1d.ts';
import { wassersteinExact } from './wassersteinExact.ts';

function gaussian(seed: number, n: number, dim: number, shift: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n * dim }, () => rng.normal(shift, 1));
}

describe('slicedWasserstein', () => {
  it('slicedWasserstein(a, b, n, m, 1, p, rng) equals wasserstein1d', () => {
    const a = gaussian(41, 30, 1, 0);
    const b = gaussian(42, 45, 1, 0.7);
    expectClose(slicedWasserstein(a, b, 30, 45, 1, 5, createRng(1)), wasserstein1d(a, b), TOL_SUM);
  });

  it('slicedWasserstein(a, b, n, n, dim, p, rng) is a lower bound on the exact W1', () => {
    const a = gaussian(43, 50, 3, 0);
    const b = gaussian(44, 50, 3, 0.5);
    const sw = slicedWasserstein(a, b, 50, 50, 3, 50, createRng(2));
    expect(sw).toBeGreaterThan(0);
    expect(sw).toBeLessThanOrEqual(wassersteinExact(a, b, 50, 3) + 1e-12);
  });

  it('slicedWasserstein(a, b, ...) is 0 for identical sets and symmetric for a fixed stream', () => {
    const a = gaussian(45, 20, 2, 0);
    const b = gaussian(46, 25, 2, 1);
    expect(slicedWasserstein(a, a, 20, 20, 2, 10, createRng(3))).toBe(0);
    expectClose(slicedWasserstein(a, b, 20, 25, 2, 10, createRng(3)), slicedWasserstein(b, a, 25, 20, 2, 10, createRng(3)), TOL_SUM);
  });

  it('slicedWasserstein(a, b, ...) is NaN for an empty set and propagates NaN', () => {
    expect(slicedWasserstein(new Float64Array(0), Float64Array.of(1, 2), 0, 1, 2, 3, createRng(4))).toBeNaN();
    expect(slicedWasserstein(Float64Array.of(NaN, 0), Float64Array.of(1, 2), 1, 1, 2, 3, createRng(4))).toBeNaN();
  });

  it('slicedWasserstein(a, b, ...) rejects a non-positive number of projections', () => {
    expect(() => slicedWasserstein(Float64Array.of(1), Float64Array.of(2), 1, 1, 1, 0, createRng(5))).toThrow(/projections/);
  });
});
