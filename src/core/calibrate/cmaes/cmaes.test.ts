import { describe, expect, it } from 'vitest';
import type { CalibrationProgress, CalibrationResult } from '../Calibrator.ts';
import { analyticEvaluator, boxParameters, rosenbrock, sphere } from '../test/testProblems.ts';
import { cmaes } from './cmaes.ts';

const CENTRE = [0.7, -1.2, 1.5];
const BOX3 = boxParameters(3, -2, 3);
const SEEDS = [1, 2, 3, 4, 5];

function maxError(r: CalibrationResult, optimum: readonly number[]): number {
  return Math.max(...Object.values(r.params).map((v, k) => Math.abs(v - optimum[k])));
}

function withoutClock(r: CalibrationResult): Omit<CalibrationResult, 'seconds'> {
  const { seconds: _s, ...rest } = r;
  return rest;
}

describe('cmaes', () => {
  it('cmaes.run finds the 3-D sphere minimum within 1e-5 in 100 generations (default lambda 7)', async () => {
    for (const seed of SEEDS) {
      const ev = analyticEvaluator(sphere(CENTRE));
      const r = await cmaes.run(BOX3, ev, { seed, generations: 100 });
      expect(maxError(r, CENTRE)).toBeLessThan(1e-5);
      expect(ev.calls[0]).toBe(7 + 1); // lambda = 4 + floor(3 ln 3) samples + the mean (no incumbent yet)
      expect(ev.calls[1]).toBe(7 + 2);
    }
  });

  it('cmaes.run finds the 2-D Rosenbrock minimum within 1e-3 in 150 generations', async () => {
    for (const seed of SEEDS) {
      const r = await cmaes.run(boxParameters(2, -2, 2), analyticEvaluator(rosenbrock), { seed, generations: 150 });
      expect(maxError(r, [1, 1])).toBeLessThan(1e-3);
    }
  });

  it('cmaes.run finds a noisy sphere minimum (noise sd 0.05) within 0.3', async () => {
    for (const seed of SEEDS) {
      const r = await cmaes.run(BOX3, analyticEvaluator(sphere(CENTRE), 0.05), { seed, generations: 100 });
      expect(maxError(r, CENTRE)).toBeLessThan(0.3);
    }
  });

  it('cmaes.run puts a minimum outside the box on its face (bound handling)', async () => {
    const r = await cmaes.run(BOX3, analyticEvaluator(sphere([3.5, 0, -2.4])), { seed: 1, generations: 120 });
    expect(r.params.x0).toBe(3);
    expect(r.params.x2).toBe(-2);
    expect(Math.abs(r.params.x1)).toBeLessThan(1e-4);
  });

  it('cmaes.run defaults to lambda 4 + floor(3 ln n) and a GA-sized budget, and honours popsize', async () => {
    const ev = analyticEvaluator(sphere([0.1, 0.2]));
    const params = boxParameters(2, -1, 1);
    const r = await cmaes.run(params, ev, { seed: 1 });
    // n = 2: lambda 6, ceil(4200 / 8) = 525 generations unless it converges first.
    expect(ev.calls[0]).toBe(7);
    expect(r.history.length).toBeLessThanOrEqual(525);
    const ev2 = analyticEvaluator(sphere([0.1, 0.2]));
    await cmaes.run(params, ev2, { seed: 1, popsize: 12, generations: 2 });
    expect(ev2.calls).toEqual([13, 14]);
  });

  it('cmaes.run is deterministic: same seed, same result', async () => {
    const run = (seed: number) => cmaes.run(BOX3, analyticEvaluator(sphere(CENTRE), 0.05), { seed, generations: 10 });
    expect(withoutClock(await run(3))).toEqual(withoutClock(await run(3)));
    expect((await run(4)).params).not.toEqual((await run(3)).params);
  });

  it('cmaes.run emits progress every generation with the clipped population and a monotone best', async () => {
    const events: CalibrationProgress[] = [];
    const r = await cmaes.run(BOX3, analyticEvaluator(sphere(CENTRE)), { seed: 2, generations: 8, onProgress: (p) => events.push(p) });
    expect(events.map((e) => e.iteration)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (let i = 1; i < events.length; i++) expect(events[i].best).toBeLessThanOrEqual(events[i - 1].best);
    const last = events[7];
    expect(last).toMatchObject({ method: 'cmaes', totalIterations: 8, best: r.bestFitness, bestParams: r.params });
    expect(last.population).toHaveLength(7);
    for (const ind of last.population ?? []) for (const v of ind) expect(v >= -2 && v <= 3).toBe(true);
  });

  it('cmaes.run stops within one generation when the signal fires in onProgress', async () => {
    const signal = { aborted: false };
    const ev = analyticEvaluator(sphere(CENTRE));
    const r = await cmaes.run(BOX3, ev, {
      seed: 1,
      generations: 100,
      signal,
      onProgress: (p) => {
        if (p.iteration === 4) signal.aborted = true;
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.history).toHaveLength(4);
    expect(ev.calls).toHaveLength(4);
    expect(Number.isFinite(r.bestFitness)).toBe(true);
  });

  it('cmaes.run counts +Infinity failures, goes on, and returns a feasible point', async () => {
    const f = (x: Float64Array) => (x[0] > 1 ? Infinity : sphere(CENTRE)(x));
    const r = await cmaes.run(BOX3, analyticEvaluator(f), { seed: 2, generations: 80 });
    expect(r.failures).toBeGreaterThan(0);
    expect(r.history).toHaveLength(80);
    expect(r.params.x0).toBeLessThanOrEqual(1);
    expect(maxError(r, CENTRE)).toBeLessThan(0.01);
  });

  it('cmaes.run walks out of a region where every candidate fails', async () => {
    // Everything with x0 < 2.5 fails; the cold start (centre x0 = 0.5, sigma 1.25 in physical units) starts inside it.
    const f = (x: Float64Array) => (x[0] < 2.5 ? Infinity : sphere([2.8, 0, 0])(x));
    const r = await cmaes.run(BOX3, analyticEvaluator(f), { seed: 3, generations: 120 });
    expect(Number.isFinite(r.bestFitness)).toBe(true);
    expect(r.params.x0).toBeGreaterThanOrEqual(2.5);
  });

  it('cmaes.run warm start puts the mean at the given values', async () => {
    const params = boxParameters(5, -2, 3);
    const centre = [0.3, -1, 2.2, 1.1, -0.4];
    const warmStart = Object.fromEntries(centre.map((v, k) => [`x${k}`, v]));
    const warm = await cmaes.run(params, analyticEvaluator(sphere(centre)), { seed: 4, generations: 1, warmStart });
    const cold = await cmaes.run(params, analyticEvaluator(sphere(centre)), { seed: 4, generations: 1 });
    expect(warm.bestFitness).toBeLessThan(1e-12); // the mean itself is scored
    expect(cold.bestFitness).toBeGreaterThan(0.5);
  });

  it('cmaes.run with no parameters scores one generation and stops', async () => {
    const r = await cmaes.run([], analyticEvaluator(() => 3), { seed: 1, generations: 5 });
    expect(r).toMatchObject({ params: {}, bestFitness: 3, cancelled: false });
    expect(r.history).toHaveLength(1);
  });
});
