import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng/createRng.ts';
import { gaussianMutation } from './gaussianMutation.ts';
import { simulatedBinaryCrossover } from './simulatedBinaryCrossover.ts';
import { tournamentSelection } from './tournamentSelection.ts';

describe('tournamentSelection', () => {
  it('tournamentSelection(fitness, 4) picks the best of 4 far more often than uniform, the worst almost never', () => {
    const n = 20;
    const fitness = Float64Array.from({ length: n }, (_, i) => i);
    const rng = createRng(11);
    const counts = new Array(n).fill(0);
    const trials = 20000;
    for (let t = 0; t < trials; t++) counts[tournamentSelection(fitness, 4, rng)]++;
    // P(best wins) = 1 - (19/20)^4 ≈ 0.185 against 1/20 = 0.05 for uniform picking.
    expect(counts[0] / trials).toBeGreaterThan(0.16);
    expect(counts[0] / trials).toBeLessThan(0.21);
    expect(counts[0]).toBeGreaterThan(counts[5]);
    expect(counts[5]).toBeGreaterThan(counts[15]);
    expect(counts[n - 1] / trials).toBeLessThan(0.001);
  });

  it('tournamentSelection prefers any finite score to +Infinity', () => {
    const fitness = Float64Array.of(Infinity, 5, Infinity, Infinity);
    const rng = createRng(3);
    let finite = 0;
    for (let t = 0; t < 1000; t++) if (tournamentSelection(fitness, 4, rng) === 1) finite++;
    // The finite one wins whenever it is drawn: 1 - (3/4)^4 ≈ 0.68.
    expect(finite / 1000).toBeGreaterThan(0.6);
  });

  it('tournamentSelection throws on an empty population', () => {
    expect(() => tournamentSelection(new Float64Array(0), 4, createRng(1))).toThrow(/empty/);
  });
});

describe('simulatedBinaryCrossover', () => {
  it('simulatedBinaryCrossover keeps children in the box even from parents on its faces', () => {
    const rng = createRng(5);
    for (let t = 0; t < 2000; t++) {
      const [c1, c2] = simulatedBinaryCrossover([-1, 1, 0.9], [1, -1, 1], 8, rng);
      for (const c of [c1, c2]) for (const v of c) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    }
  });

  it('simulatedBinaryCrossover preserves the parents’ mean (each pair exactly, inside the box)', () => {
    const rng = createRng(6);
    const p1 = [-0.2, 0.1];
    const p2 = [0.3, -0.4];
    let sum = 0;
    let below = 0;
    const trials = 5000;
    for (let t = 0; t < trials; t++) {
      const [c1, c2] = simulatedBinaryCrossover(p1, p2, 8, rng);
      for (let k = 0; k < 2; k++) expect(Math.abs(c1[k] + c2[k] - (p1[k] + p2[k]))).toBeLessThan(1e-12);
      sum += c1[0] + c2[0];
      // The spread factor beta is below 1 (children inside the parents' span) half of the time.
      if (Math.abs(c1[0] - c2[0]) < Math.abs(p1[0] - p2[0])) below++;
    }
    expect(Math.abs(sum / (2 * trials) - 0.05)).toBeLessThan(1e-12);
    expect(Math.abs(below / trials - 0.5)).toBeLessThan(0.03);
  });

  it('simulatedBinaryCrossover keeps children closer to their parents for a larger eta', () => {
    const spread = (eta: number) => {
      const rng = createRng(7);
      let s = 0;
      for (let t = 0; t < 4000; t++) s += Math.abs(simulatedBinaryCrossover([-0.2], [0.2], eta, rng)[0][0] + 0.2);
      return s / 4000;
    };
    expect(spread(20)).toBeLessThan(spread(2));
  });
});

describe('gaussianMutation', () => {
  it('gaussianMutation(x, 0.03) perturbs every gene with standard deviation 0.03', () => {
    const rng = createRng(8);
    const x = new Float64Array(20000);
    gaussianMutation(x, 0.03, rng);
    let s = 0;
    let s2 = 0;
    let changed = 0;
    for (const v of x) {
      s += v;
      s2 += v * v;
      if (v !== 0) changed++;
    }
    const mean = s / x.length;
    const sd = Math.sqrt(s2 / x.length - mean * mean);
    expect(changed).toBe(x.length);
    expect(Math.abs(mean)).toBeLessThan(0.001);
    expect(Math.abs(sd - 0.03)).toBeLessThan(0.001);
  });

  it('gaussianMutation mutates in place and clamps to the box', () => {
    const x = Float64Array.of(1, -1, 1, -1);
    expect(gaussianMutation(x, 0.5, createRng(9))).toBe(x);
    for (const v of x) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });
});
