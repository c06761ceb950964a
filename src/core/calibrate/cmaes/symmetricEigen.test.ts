import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng/createRng.ts';
import { symmetricEigen } from './symmetricEigen.ts';

const TOL = 1e-10;

describe('symmetricEigen', () => {
  it('symmetricEigen([[2,1],[1,2]]) has eigenvalues 1 and 3', () => {
    const { values } = symmetricEigen([2, 1, 1, 2], 2);
    const sorted = Array.from(values).sort((a, b) => a - b);
    expect(Math.abs(sorted[0] - 1)).toBeLessThan(TOL);
    expect(Math.abs(sorted[1] - 3)).toBeLessThan(TOL);
  });

  it('symmetricEigen leaves a diagonal matrix as it is, with the identity as eigenvectors', () => {
    const { values, vectors } = symmetricEigen([4, 0, 0, 0, 1, 0, 0, 0, 9], 3);
    expect(Array.from(values)).toEqual([4, 1, 9]);
    expect(Array.from(vectors)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('symmetricEigen reconstructs a random 7×7 symmetric matrix with orthonormal eigenvectors', () => {
    const n = 7;
    const rng = createRng(21);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rng.normal();
    const { values, vectors: v } = symmetricEigen(a, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let rec = 0;
        let dot = 0;
        for (let k = 0; k < n; k++) {
          rec += v[i * n + k] * values[k] * v[j * n + k];
          dot += v[k * n + i] * v[k * n + j];
        }
        expect(Math.abs(rec - a[i * n + j])).toBeLessThan(TOL);
        expect(Math.abs(dot - (i === j ? 1 : 0))).toBeLessThan(TOL);
      }
    }
  });

  it('symmetricEigen handles the empty matrix', () => {
    expect(symmetricEigen([], 0).values).toHaveLength(0);
  });
});
