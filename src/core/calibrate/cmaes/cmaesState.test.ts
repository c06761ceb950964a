import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng/createRng.ts';
import { CmaesState, defaultCmaesPopulation } from './cmaesState.ts';

describe('CmaesState', () => {
  it('defaultCmaesPopulation is 4 + floor(3 ln n), and 4 for a model with no or one parameter', () => {
    expect([0, 1, 2, 3, 4, 12, 100].map(defaultCmaesPopulation)).toEqual([4, 4, 6, 7, 8, 11, 17]);
  });

  it('CmaesState uses Hansen’s default weights: mu = floor(lambda/2), positive, summing to 1', () => {
    const es = new CmaesState(new Float64Array(5), 1, 10);
    expect(es.mu).toBe(5);
    expect(es.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (let i = 1; i < es.mu; i++) expect(es.weights[i]).toBeLessThan(es.weights[i - 1]);
    expect(es.mueff).toBeGreaterThan(1);
    expect(es.mueff).toBeLessThan(es.mu);
  });

  it('CmaesState converges on an ill-conditioned unbounded ellipsoid and learns its scaling', () => {
    const n = 4;
    const scale = [1, 10, 100, 1000];
    const f = (x: Float64Array) => x.reduce((s, v, k) => s + (scale[k] * v) ** 2, 0);
    const es = new CmaesState([1, 1, 1, 1], 0.5, 8);
    const rng = createRng(4);
    for (let g = 0; g < 400; g++) {
      const xs = es.sample(rng);
      es.update(xs.map((x) => ({ x, v: f(x) })).sort((a, b) => a.v - b.v).map((e) => e.x));
    }
    expect(f(es.mean)).toBeLessThan(1e-12);
    // The covariance learns the inverse scaling: the x0 axis is far wider than the x3 axis.
    expect(es.C[0] / es.C[n * n - 1]).toBeGreaterThan(1e4);
  });

  it('CmaesState increases sigma on a linear slope (cumulative step-size adaptation)', () => {
    const es = new CmaesState([0, 0], 0.1, 6);
    const rng = createRng(5);
    for (let g = 0; g < 30; g++) {
      const xs = es.sample(rng);
      es.update(xs.slice().sort((a, b) => a[0] - b[0]));
    }
    expect(es.sigma).toBeGreaterThan(1);
    expect(es.mean[0]).toBeLessThan(-1);
  });
});
