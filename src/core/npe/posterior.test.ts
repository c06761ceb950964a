import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import type { ParameterSpec } from '../sim/types.ts';
import { quantile, samplePosterior, summarizePosterior, type PosteriorDraw } from './posterior.ts';

const PARAMS: ParameterSpec[] = [{ name: 'a', min: 0, max: 1 }, { name: 'b', min: -10, max: 10 }];

/** A "posterior" whose first coordinate is Uniform(0, 2): exactly half of it lies inside the prior box. */
const halfInside: PosteriorDraw = async (n, seed) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Float64Array.of(rng.uniform(0, 2), rng.normal(0, 1)));
};

describe('posterior sampling under the prior box', () => {
  it('rejects draws outside the box and reports the acceptance rate (≈ 0.5 here)', async () => {
    const s = await samplePosterior(halfInside, PARAMS, { n: 4000, seed: 3 });
    expect(s.samples.length).toBe(4000);
    expect(s.samples.every((th) => th[0] >= 0 && th[0] <= 1)).toBe(true);
    expect(s.acceptanceRate).toBeGreaterThan(0.47);
    expect(s.acceptanceRate).toBeLessThan(0.53);
    expect(s.truncated).toBe(false);
  });

  it('stops at the time budget and says so', async () => {
    let clock = 0;
    const slow: PosteriorDraw = async (n, seed) => {
      clock += 1000;
      return (await halfInside(Math.min(n, 100), seed));
    };
    const s = await samplePosterior(slow, PARAMS, { n: 10_000, seed: 1, budgetMs: 2500, now: () => clock });
    expect(s.truncated).toBe(true);
    expect(s.samples.length).toBeLessThan(10_000);
    expect(s.samples.length).toBeGreaterThan(0);
  });

  it('summarises a correlated Gaussian: mean, std, 5–95 % and correlation', () => {
    const rng = createRng(5);
    const rows = Array.from({ length: 20_000 }, () => {
      const z1 = rng.normal(), z2 = rng.normal();
      return Float64Array.of(0.5 + 0.1 * z1, 2 * (0.8 * z1 + 0.6 * z2));
    });
    const p = summarizePosterior(rows, PARAMS);
    expect(p.mean[0]).toBeCloseTo(0.5, 2);
    expect(p.std[1]).toBeCloseTo(2, 1);
    expect(p.q05[0]).toBeCloseTo(0.5 - 0.1645, 2);
    expect(p.q95[0]).toBeCloseTo(0.5 + 0.1645, 2);
    expect(p.corr[0][1]).toBeCloseTo(0.8, 1);
    expect(p.corr[1][0]).toBe(p.corr[0][1]);
  });

  it('quantile interpolates like NumPy', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
