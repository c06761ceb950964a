/**
 * Properties of the distances the studio reports: exact W1 (optimal assignment), 1-D W1, sliced W1,
 * unbiased MMD² and the energy score. Point sets are small (n ≤ 6) so the exact solver stays fast.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng/createRng.ts';
import { energyScore } from '../../src/core/metrics/energyScore.ts';
import { mmdUnbiased } from '../../src/core/metrics/mmdUnbiased.ts';
import { slicedWasserstein } from '../../src/core/metrics/slicedWasserstein.ts';
import { wasserstein1d } from '../../src/core/metrics/wasserstein1d.ts';
import { wassersteinExact } from '../../src/core/metrics/wassersteinExact.ts';

const coord = fc.double({ min: -1e3, max: 1e3, noNaN: true });
/** Sizes and a tolerance relative to the data's scale (sums of up to n·dim terms of ≤ 1e3), never below 1e-9. */
const TOL = 1e-9;
const close = (a: number, b: number, scale = 1) => Math.abs(a - b) <= TOL * Math.max(1, scale);

/** Three equal-size point sets in `dim` dimensions, packed row-major. */
const triple = fc
  .record({ n: fc.integer({ min: 1, max: 6 }), dim: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, dim }) => {
    const set = fc.array(coord, { minLength: n * dim, maxLength: n * dim }).map((xs) => Float64Array.from(xs));
    return fc.record({ n: fc.constant(n), dim: fc.constant(dim), a: set, b: set, c: set, perm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }) });
  });

function permute(x: Float64Array, perm: number[], dim: number): Float64Array {
  const out = new Float64Array(x.length);
  perm.forEach((from, to) => out.set(x.subarray(from * dim, from * dim + dim), to * dim));
  return out;
}

describe('exact W1 (assignment)', () => {
  it('is symmetric, non-negative, zero on a set and its permutation, and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(triple, ({ n, dim, a, b, c, perm }) => {
        const ab = wassersteinExact(a, b, n, dim);
        const scale = Math.max(...a.map(Math.abs), ...b.map(Math.abs), ...c.map(Math.abs));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(close(ab, wassersteinExact(b, a, n, dim), scale)).toBe(true);
        expect(wassersteinExact(a, a, n, dim)).toBe(0);
        expect(close(wassersteinExact(a, permute(a, perm, dim), n, dim), 0, scale)).toBe(true);
        expect(close(wassersteinExact(permute(a, perm, dim), b, n, dim), ab, scale)).toBe(true);
        expect(ab).toBeLessThanOrEqual(wassersteinExact(a, c, n, dim) + wassersteinExact(c, b, n, dim) + TOL * Math.max(1, scale));
      }),
      { numRuns: 300 },
    );
  });

  it('moves by exactly |shift| when one set is translated by a constant vector', () => {
    fc.assert(
      fc.property(triple, fc.array(coord, { minLength: 3, maxLength: 3 }), ({ n, dim, a }, shift) => {
        const moved = a.map((x, k) => x + shift[k % dim]);
        const norm = Math.hypot(...shift.slice(0, dim));
        // Translating a set by v costs exactly ‖v‖ (each point moves by v; no plan is cheaper).
        expect(Math.abs(wassersteinExact(a, moved, n, dim) - norm)).toBeLessThanOrEqual(1e-9 * (1 + norm) * n);
      }),
      { numRuns: 200 },
    );
  });

  it('in 1-D equals the sorted-quantile W1', () => {
    fc.assert(
      fc.property(fc.array(coord, { minLength: 1, maxLength: 8 }).chain((a) => fc.tuple(fc.constant(a), fc.array(coord, { minLength: a.length, maxLength: a.length }))), ([a, b]) => {
        const exact = wassersteinExact(Float64Array.from(a), Float64Array.from(b), a.length, 1);
        expect(Math.abs(exact - wasserstein1d(a, b))).toBeLessThanOrEqual(1e-9 * 1e3);
      }),
      { numRuns: 200 },
    );
  });
});

describe('1-D and sliced W1', () => {
  const sample = fc.array(coord, { minLength: 1, maxLength: 12 });

  it('1-D W1 (unequal sizes): symmetric, zero on a permutation, triangle inequality, shift and scale behaviour', () => {
    fc.assert(
      fc.property(sample, sample, sample, fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (a, b, c, s, k) => {
        const ab = wasserstein1d(a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(close(ab, wasserstein1d(b, a), 1e3)).toBe(true);
        expect(wasserstein1d(a, [...a].reverse())).toBe(0);
        expect(ab).toBeLessThanOrEqual(wasserstein1d(a, c) + wasserstein1d(c, b) + 1e-9 * 1e3);
        // Shifting both leaves it unchanged; shifting one side moves it by at most |s|; scaling scales it.
        expect(close(wasserstein1d(a.map((x) => x + s), b.map((x) => x + s)), ab, 1e3)).toBe(true);
        expect(Math.abs(wasserstein1d(a.map((x) => x + s), a) - Math.abs(s))).toBeLessThanOrEqual(1e-9 * 1e3);
        expect(close(wasserstein1d(a.map((x) => k * x), b.map((x) => k * x)), k * ab, 1e4)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('sliced W1 is a lower bound on the exact W1, zero on identical sets, symmetric for a fixed stream', () => {
    fc.assert(
      fc.property(triple, fc.integer({ min: 0, max: 1000 }), ({ n, dim, a, b }, seed) => {
        const ab = slicedWasserstein(a, b, n, n, dim, 16, createRng(seed));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(slicedWasserstein(a, a, n, n, dim, 4, createRng(seed))).toBe(0);
        expect(close(ab, slicedWasserstein(b, a, n, n, dim, 16, createRng(seed)), 1e3)).toBe(true);
        expect(ab).toBeLessThanOrEqual(wassersteinExact(a, b, n, dim) + 1e-9 * 1e3);
      }),
      { numRuns: 200 },
    );
  });
});

describe('MMD² and energy score', () => {
  it('MMD² is symmetric, permutation invariant, ≤ 0 on identical sets and bounded by 2', () => {
    fc.assert(
      fc.property(triple, fc.double({ min: 0.1, max: 100, noNaN: true }), ({ n, dim, a, b, perm }, sigma) => {
        fc.pre(n >= 2);
        const ab = mmdUnbiased(a, b, n, n, dim, sigma);
        expect(close(ab, mmdUnbiased(b, a, n, n, dim, sigma))).toBe(true);
        expect(close(ab, mmdUnbiased(permute(a, perm, dim), b, n, n, dim, sigma))).toBe(true);
        expect(mmdUnbiased(a, a, n, n, dim, sigma)).toBeLessThanOrEqual(1e-12);
        // Each kernel value is in [0, 1], so the three averages bound MMD² to [-2, 2].
        expect(Math.abs(ab)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it('the energy score is ≥ 0, order-free, and equals the distance for identical samples', () => {
    fc.assert(
      fc.property(triple, ({ n, dim, a, b, perm }) => {
        const y = b.subarray(0, dim);
        const es = energyScore(a, n, dim, y);
        const scale = Math.max(...a.map(Math.abs), ...y.map(Math.abs));
        // Floored like close(): coordinates near 1e-162 square below the smallest normal double, so their
        // distances lose digits (seed -900849780 gave −1.8e-164 on points of 6.6e-162).
        expect(es).toBeGreaterThanOrEqual(-TOL * Math.max(1, scale));
        expect(close(energyScore(permute(a, perm, dim), n, dim, y), es, scale * n)).toBe(true);
        const same = new Float64Array(n * dim).map((_, k) => a[k % dim]);
        const d = Math.hypot(...Array.from({ length: dim }, (_, j) => a[j] - y[j]));
        expect(close(energyScore(same, n, dim, y), d, scale * n)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
