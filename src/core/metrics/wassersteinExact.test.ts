import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import type { Rng } from '../rng/Rng.ts';
import { expectClose, TOL_F64, TOL_SUM } from './expectClose.ts';
import { wasserstein1d } from './wasserstein1d.ts';
import { wassersteinExact } from './wassersteinExact.ts';

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const rest of permutations(n - 1)) {
    for (let k = 0; k <= rest.length; k++) out.push([...rest.slice(0, k), n - 1, ...rest.slice(k)]);
  }
  return out;
}

/** Independent reference: min over all permutations of the mean Euclidean distance. */
function bruteW1(a: Float64Array, b: Float64Array, n: number, dim: number): number {
  let best = Infinity;
  for (const p of permutations(n)) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let d2 = 0;
      for (let k = 0; k < dim; k++) d2 += (a[i * dim + k] - b[p[i] * dim + k]) ** 2;
      s += Math.sqrt(d2);
    }
    best = Math.min(best, s / n);
  }
  return best;
}

function randomPoints(rng: Rng, n: number, dim: number, integer: boolean): Float64Array {
  const x = new Float64Array(n * dim);
  for (let k = 0; k < x.length; k++) x[k] = integer ? rng.binomial(10, 0.4) : rng.normal(0, 3);
  return x;
}

function shuffleRows(x: Float64Array, n: number, dim: number, rng: Rng): Float64Array {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.integers(0, i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out = new Float64Array(n * dim);
  order.forEach((src, dst) => out.set(x.subarray(src * dim, src * dim + dim), dst * dim));
  return out;
}

describe('wassersteinExact', () => {
  it('wassersteinExact(a, b, n, dim) agrees with brute force over all permutations for n ≤ 7 (1e-9)', () => {
    const rng = createRng(21);
    for (let trial = 0; trial < 120; trial++) {
      const n = 1 + (trial % 7);
      const dim = 1 + (trial % 4);
      const integer = trial % 2 === 1;
      const a = randomPoints(rng, n, dim, integer);
      const b = randomPoints(rng, n, dim, integer);
      expectClose(wassersteinExact(a, b, n, dim), bruteW1(a, b, n, dim), TOL_SUM, `trial ${trial}`);
    }
  });

  it('wassersteinExact(a, b, n, 1) equals the sorted 1-D formula', () => {
    const rng = createRng(22);
    for (const n of [2, 17, 200]) {
      for (const integer of [false, true]) {
        const a = randomPoints(rng, n, 1, integer);
        const b = randomPoints(rng, n, 1, integer);
        expectClose(wassersteinExact(a, b, n, 1), wasserstein1d(a, b), TOL_SUM, `n = ${n}`);
      }
    }
  });

  it('wassersteinExact(a, b, n, dim) is 0 for identical sets in any order', () => {
    const rng = createRng(23);
    const a = randomPoints(rng, 60, 3, true);
    expect(wassersteinExact(a, a, 60, 3)).toBe(0);
    expect(wassersteinExact(a, shuffleRows(a, 60, 3, rng), 60, 3)).toBe(0);
  });

  it('wassersteinExact(a, b, n, dim) is symmetric and invariant to permuting either set', () => {
    const rng = createRng(24);
    const a = randomPoints(rng, 40, 3, false);
    const b = randomPoints(rng, 40, 3, false);
    const w = wassersteinExact(a, b, 40, 3);
    expectClose(wassersteinExact(b, a, 40, 3), w, TOL_SUM);
    expectClose(wassersteinExact(shuffleRows(a, 40, 3, rng), shuffleRows(b, 40, 3, rng), 40, 3), w, TOL_SUM);
  });

  it('wassersteinExact(a, b, n, dim) of a set and its translate by t is ‖t‖', () => {
    const rng = createRng(25);
    const a = randomPoints(rng, 30, 2, false);
    // A translation far larger than the spread: the identity matching is optimal.
    const b = a.map((x, k) => x + (k % 2 === 0 ? 300 : 400));
    expectClose(wassersteinExact(a, b, 30, 2), 500, TOL_F64);
  });

  it('wassersteinExact(a, b, 1, dim) is the distance between the two points', () => {
    expectClose(wassersteinExact(Float64Array.of(0, 0), Float64Array.of(3, 4), 1, 2), 5, TOL_F64);
  });

  it('wassersteinExact(a, b, 0, dim) is NaN', () => {
    expect(wassersteinExact(new Float64Array(0), new Float64Array(0), 0, 3)).toBeNaN();
  });

  it('wassersteinExact(a, b, n, dim) propagates NaN', () => {
    expect(wassersteinExact(Float64Array.of(0, 1, NaN), Float64Array.of(0, 1, 2), 3, 1)).toBeNaN();
    expect(wassersteinExact(Float64Array.of(0, 1, 2), Float64Array.of(NaN, 1, 2), 3, 1)).toBeNaN();
  });

  it('wassersteinExact(a, b, n, dim) is Infinity when a point is infinitely far', () => {
    expect(wassersteinExact(Float64Array.of(0, Infinity), Float64Array.of(0, 1), 2, 1)).toBe(Infinity);
  });

  it('wassersteinExact(a, b, n, dim) rejects mismatched lengths', () => {
    expect(() => wassersteinExact(new Float64Array(6), new Float64Array(4), 2, 3)).toThrow(RangeError);
  });
});
