import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import { expectClose, TOL_F64 } from './expectClose.ts';
import { medianPairwiseDistance } from './medianPairwiseDistance.ts';

describe('medianPairwiseDistance', () => {
  it('medianPairwiseDistance(x, n, dim) is the median of the pairwise distances', () => {
    // Points 0, 1, 3 on a line: distances 1, 3, 2 → median 2.
    expect(medianPairwiseDistance(Float64Array.of(0, 1, 3), 3, 1)).toBe(2);
    // Four points: six distances 1, 3, 6, 2, 5, 3 → middle pair (3, 3).
    expect(medianPairwiseDistance(Float64Array.of(0, 1, 3, 6), 4, 1)).toBe(3);
    expectClose(medianPairwiseDistance(Float64Array.of(0, 0, 3, 4), 2, 2), 5, TOL_F64);
  });

  it('medianPairwiseDistance(x, n, dim) agrees with sorting on random, tied and sorted inputs', () => {
    const rng = createRng(91);
    for (let trial = 0; trial < 60; trial++) {
      const n = 2 + rng.integers(0, 40);
      const dim = 1 + (trial % 3);
      const x = Float64Array.from({ length: n * dim }, (_, k) => (trial % 3 === 0 ? rng.integers(0, 3) : trial % 3 === 1 ? rng.normal() : k));
      const d: number[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let s = 0;
          for (let c = 0; c < dim; c++) s += (x[i * dim + c] - x[j * dim + c]) ** 2;
          d.push(Math.sqrt(s));
        }
      }
      d.sort((p, q) => p - q);
      const m = d.length >> 1;
      const expected = d.length % 2 ? d[m] : (d[m - 1] + d[m]) / 2;
      expect(medianPairwiseDistance(x, n, dim)).toBe(expected);
    }
  });

  it('medianPairwiseDistance(x, n, dim) is NaN below two points and propagates NaN', () => {
    expect(medianPairwiseDistance(Float64Array.of(1), 1, 1)).toBeNaN();
    expect(medianPairwiseDistance(Float64Array.of(1, NaN, 2), 3, 1)).toBeNaN();
  });

  it('medianPairwiseDistance(x, n, dim) is 0 when all points coincide', () => {
    expect(medianPairwiseDistance(new Float64Array(8).fill(2), 4, 2)).toBe(0);
  });
});
