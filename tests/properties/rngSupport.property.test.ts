/**
 * Support of the seeded samplers simulator programs use: every draw lies where its distribution lives
 * (binomial in [0, n], integers in [low, high), …), and the same seed gives the same draws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng/createRng.ts';

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const prob = fc.double({ min: 0, max: 1, noNaN: true });
const DRAWS = 20;

describe('sampler support', () => {
  it('binomial(n, p) is an integer in [0, n]; p = 0 gives 0 and p = 1 gives n', () => {
    fc.assert(
      fc.property(seed, fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1e9 })), prob, (s, n, p) => {
        const rng = createRng(s);
        for (let k = 0; k < DRAWS; k++) {
          const x = rng.binomial(n, p);
          expect(Number.isInteger(x) && x >= 0 && x <= n).toBe(true);
        }
        expect(rng.binomial(n, 0)).toBe(0);
        expect(rng.binomial(n, 1)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('poisson and negativeBinomial are non-negative integers', () => {
    fc.assert(
      fc.property(seed, fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (s, lam, n, p) => {
        const rng = createRng(s);
        for (let k = 0; k < DRAWS; k++) {
          const x = rng.poisson(lam);
          const y = rng.negativeBinomial(n, p);
          expect(Number.isInteger(x) && x >= 0).toBe(true);
          expect(Number.isInteger(y) && y >= 0).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('integers, uniform, random, bernoulli, beta, gamma, exponential and categorical stay in their support', () => {
    fc.assert(
      fc.property(
        seed,
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 6 }).filter((w) => w.some((x) => x > 0)),
        prob,
        (s, low, width, shape, weights, p) => {
          const rng = createRng(s);
          for (let k = 0; k < DRAWS; k++) {
            const i = rng.integers(low, low + width);
            expect(Number.isInteger(i) && i >= low && i < low + width).toBe(true);
            const u = rng.uniform(low, low + width);
            expect(u >= low && u < low + width).toBe(true);
            const r = rng.random();
            expect(r >= 0 && r < 1).toBe(true);
            expect([0, 1]).toContain(rng.bernoulli(p));
            const b = rng.beta(shape, shape + 1);
            expect(b >= 0 && b <= 1).toBe(true);
            expect(rng.gamma(shape)).toBeGreaterThanOrEqual(0);
            expect(rng.exponential(shape)).toBeGreaterThanOrEqual(0);
            const c = rng.categorical(weights);
            // Only indices with positive weight can be drawn.
            expect(weights[c]).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the same seed gives the same stream', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const a = createRng(s);
        const b = createRng(s);
        for (let k = 0; k < DRAWS; k++) expect(a.binomial(100, 0.3) + a.normal()).toBe(b.binomial(100, 0.3) + b.normal());
      }),
      { numRuns: 100 },
    );
  });
});
