import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import { energyScore } from './energyScore.ts';
import { expectClose, TOL_F64 } from './expectClose.ts';

/** Independent reference: both expectations written over ordered pairs. */
function naiveEnergy(x: Float64Array, n: number, dim: number, y: number[]): number {
  const dist = (i: number, p: ArrayLike<number>, off: number) => {
    let s = 0;
    for (let k = 0; k < dim; k++) s += (x[i * dim + k] - p[off + k]) ** 2;
    return Math.sqrt(s);
  };
  let e1 = 0;
  for (let i = 0; i < n; i++) e1 += dist(i, y, 0);
  let e2 = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) e2 += dist(i, x, j * dim);
  return e1 / n - e2 / (2 * n * (n - 1));
}

describe('energyScore', () => {
  it('energyScore(samples, n, dim, y) agrees with the pairwise formula', () => {
    const rng = createRng(81);
    for (const [n, dim] of [[2, 1], [7, 3], [30, 2]] as const) {
      const x = Float64Array.from({ length: n * dim }, () => rng.normal());
      const y = Array.from({ length: dim }, () => rng.normal());
      expectClose(energyScore(x, n, dim, y), naiveEnergy(x, n, dim, y), TOL_F64);
    }
  });

  it('energyScore(samples, n, dim, y) is lower, on average, for the distribution y came from', () => {
    const rng = createRng(82);
    let right = 0;
    let wrong = 0;
    for (let r = 0; r < 200; r++) {
      const y = [rng.normal(), rng.normal()];
      const good = Float64Array.from({ length: 40 }, () => rng.normal());
      const narrow = Float64Array.from({ length: 40 }, () => rng.normal(0, 0.2));
      right += energyScore(good, 20, 2, y);
      wrong += energyScore(narrow, 20, 2, y);
    }
    expect(right).toBeLessThan(wrong);
  });

  it('energyScore(samples, 1, dim, y) is the distance to y', () => {
    expectClose(energyScore(Float64Array.of(3, 4), 1, 2, [0, 0]), 5, TOL_F64);
  });

  it('energyScore(samples, n, dim, y) of n identical samples is their distance to y', () => {
    expectClose(energyScore(new Float64Array(10).fill(1), 5, 2, [1, 2]), 1, TOL_F64);
  });

  it('energyScore(samples, n, dim, y) is non-negative and 0 for a point mass on y', () => {
    const rng = createRng(83);
    for (let r = 0; r < 50; r++) {
      const x = Float64Array.from({ length: 6 }, () => rng.normal());
      expect(energyScore(x, 3, 2, [rng.normal(), rng.normal()])).toBeGreaterThanOrEqual(-1e-12);
    }
    expect(energyScore(Float64Array.of(2, 2, 2), 3, 1, [2])).toBe(0);
  });

  it('energyScore(samples, n, dim, y) is invariant to the order of the samples', () => {
    const x = Float64Array.of(0, 1, 5, 2, -3, 4);
    const reordered = Float64Array.of(-3, 4, 0, 1, 5, 2);
    expectClose(energyScore(reordered, 3, 2, [1, 1]), energyScore(x, 3, 2, [1, 1]), TOL_F64);
  });

  it('energyScore(samples, 0, dim, y) is NaN', () => {
    expect(energyScore(new Float64Array(0), 0, 2, [0, 0])).toBeNaN();
  });

  it('energyScore(samples, n, dim, y) propagates NaN', () => {
    expect(energyScore(Float64Array.of(1, NaN), 2, 1, [0])).toBeNaN();
    expect(energyScore(Float64Array.of(1, 2), 2, 1, [NaN])).toBeNaN();
  });
});
