import { describe, expect, it } from 'vitest';
import type { CalibrationProgress, CalibrationResult } from '../Calibrator.ts';
import { analyticEvaluator, boxParameters, rosenbrock, sphere } from '../test/testProblems.ts';
import { convergeBudget } from '../budget.ts';
import { GA_DEFAULTS, geneticAlgorithm } from './geneticAlgorithm.ts';

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

describe('geneticAlgorithm', () => {
  it('geneticAlgorithm.run finds the 3-D sphere minimum within 0.03 (popsize 50, 30 generations)', async () => {
    for (const seed of SEEDS) {
      const r = await geneticAlgorithm.run(BOX3, analyticEvaluator(sphere(CENTRE)), { seed, popsize: 50, generations: 30 });
      expect(maxError(r, CENTRE)).toBeLessThan(0.03);
      expect(r.cancelled).toBe(false);
    }
  });

  it('geneticAlgorithm.run finds the 2-D Rosenbrock minimum within 0.05 (popsize 100, 40 generations)', async () => {
    for (const seed of SEEDS) {
      const r = await geneticAlgorithm.run(boxParameters(2, -2, 2), analyticEvaluator(rosenbrock), { seed, popsize: 100, generations: 40 });
      expect(maxError(r, [1, 1])).toBeLessThan(0.05);
    }
  });

  it('geneticAlgorithm.run finds a noisy sphere minimum (noise sd 0.05) within 0.3', async () => {
    for (const seed of SEEDS) {
      const r = await geneticAlgorithm.run(BOX3, analyticEvaluator(sphere(CENTRE), 0.05), { seed, popsize: 50, generations: 30 });
      expect(maxError(r, CENTRE)).toBeLessThan(0.3);
    }
  });

  it('geneticAlgorithm.run scores popsize·(2G+1) candidates, one evaluator call per generation', async () => {
    const ev = analyticEvaluator(sphere(CENTRE));
    const r = await geneticAlgorithm.run(BOX3, ev, { seed: 1, popsize: 11, generations: 4 });
    expect(ev.calls).toEqual([11, 22, 22, 22, 22]);
    expect(r.simulations).toBe(11 * 9);
    expect(r.history.map((h) => h.iteration)).toEqual([1, 2, 3, 4]);
  });

  it('geneticAlgorithm.run with budget paper uses the paper’s popsize 200 and 10 generations', async () => {
    const ev = analyticEvaluator(sphere(CENTRE));
    const r = await geneticAlgorithm.run(BOX3, ev, { seed: 1, budget: 'paper' });
    expect(GA_DEFAULTS.popsize).toBe(200);
    expect(ev.calls).toEqual([200, ...new Array(10).fill(400)]);
    expect(r.search).toMatchObject({ budget: 'paper', candidates: 4200, stoppedBy: 'generations', refinementGenerations: 0 });
  });

  it('geneticAlgorithm.run by default sizes the population from n, stays within the cap and refines with CMA-ES', async () => {
    const ev = analyticEvaluator(sphere(CENTRE));
    const r = await geneticAlgorithm.run(BOX3, ev, { seed: 1 });
    const plan = convergeBudget(3);
    expect(ev.calls[0]).toBe(plan.gaPopsize);
    expect(r.search!.budget).toBe('converge');
    expect(r.search!.candidates).toBeLessThanOrEqual(plan.maxCandidates);
    expect(r.search!.refinementGenerations).toBeGreaterThan(0);
    // Each refinement generation: three times CMA-ES's default population (4 + ⌊3 ln 3⌋ = 7), its mean and the incumbent.
    const refinementBatch = GA_DEFAULTS.refinementPopulationFactor * 7 + 2;
    expect(GA_DEFAULTS.refinementPopulationFactor).toBe(3);
    expect(ev.calls.filter((c) => c === refinementBatch)).toHaveLength(r.search!.refinementGenerations);
    // The refinement resolves far below the GA's mutation step (0.03 in unit coordinates = 0.075 here).
    expect(maxError(r, CENTRE)).toBeLessThan(0.005);
  });

  it('geneticAlgorithm.run is deterministic: same seed, same result; another seed, another result', async () => {
    const run = (seed: number) => geneticAlgorithm.run(BOX3, analyticEvaluator(sphere(CENTRE), 0.05), { seed, popsize: 20, generations: 5 });
    expect(withoutClock(await run(7))).toEqual(withoutClock(await run(7)));
    expect((await run(8)).params).not.toEqual((await run(7)).params);
  });

  it('geneticAlgorithm.run keeps the best monotone for a deterministic fitness and emits progress every generation', async () => {
    const events: CalibrationProgress[] = [];
    const r = await geneticAlgorithm.run(BOX3, analyticEvaluator(sphere(CENTRE)), { seed: 3, popsize: 20, generations: 6, onProgress: (p) => events.push(p) });
    expect(events.map((e) => e.iteration)).toEqual([1, 2, 3, 4, 5, 6]);
    for (let i = 1; i < events.length; i++) {
      expect(events[i].best).toBeLessThanOrEqual(events[i - 1].best);
      expect(events[i].simulations).toBeGreaterThan(events[i - 1].simulations);
    }
    const last = events[events.length - 1];
    expect(last).toMatchObject({ method: 'ga', totalIterations: 6, best: r.bestFitness, bestParams: r.params });
    expect(last.population).toHaveLength(20);
    for (const ind of last.population ?? []) for (const v of ind) expect(v >= -2 && v <= 3).toBe(true);
  });

  it('geneticAlgorithm.run stops within one generation when the signal fires in onProgress', async () => {
    const signal = { aborted: false };
    const ev = analyticEvaluator(sphere(CENTRE));
    const r = await geneticAlgorithm.run(BOX3, ev, {
      seed: 1,
      popsize: 10,
      generations: 50,
      signal,
      onProgress: (p) => {
        if (p.iteration === 3) signal.aborted = true;
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.history).toHaveLength(3);
    expect(ev.calls).toHaveLength(4);
    expect(Number.isFinite(r.bestFitness)).toBe(true);
  });

  it('geneticAlgorithm.run returns cancelled with the start point when aborted before any evaluation', async () => {
    const ev = analyticEvaluator(sphere(CENTRE));
    const r = await geneticAlgorithm.run(BOX3, ev, { seed: 1, popsize: 10, signal: { aborted: true }, warmStart: { x1: 2 } });
    expect(r).toMatchObject({ cancelled: true, bestFitness: Infinity, simulations: 0, params: { x0: 0.5, x1: 2, x2: 0.5 } });
    expect(ev.calls).toHaveLength(0);
  });

  it('geneticAlgorithm.run treats an evaluator rejection after the signal fired as a cancel', async () => {
    const signal = { aborted: false };
    let calls = 0;
    const r = await geneticAlgorithm.run(BOX3, async (batch) => {
      if (++calls === 3) {
        signal.aborted = true;
        throw new Error('pool terminated');
      }
      return { fitness: new Float64Array(batch.length), simulations: batch.length, failures: 0 };
    }, { seed: 1, popsize: 10, generations: 5, signal });
    expect(r.cancelled).toBe(true);
    expect(r.history).toHaveLength(1);
  });

  it('geneticAlgorithm.run rethrows evaluator errors that are not cancels', async () => {
    await expect(geneticAlgorithm.run(BOX3, async () => { throw new Error('boom'); }, { seed: 1, popsize: 4 })).rejects.toThrow('boom');
  });

  it('geneticAlgorithm.run counts +Infinity failures, goes on, and never returns a failed candidate', async () => {
    // Infeasible where x0 > 1: the optimum (x0 = 0.7) sits next to the failing region.
    const f = (x: Float64Array) => (x[0] > 1 ? Infinity : sphere(CENTRE)(x));
    const r = await geneticAlgorithm.run(BOX3, analyticEvaluator(f), { seed: 2, popsize: 30, generations: 10 });
    expect(r.failures).toBeGreaterThan(0);
    expect(r.firstError).toBe('infeasible region');
    expect(r.history).toHaveLength(10);
    expect(Number.isFinite(r.bestFitness)).toBe(true);
    expect(r.params.x0).toBeLessThanOrEqual(1);
    expect(maxError(r, CENTRE)).toBeLessThan(0.2);
  });

  it('geneticAlgorithm.run reports +Infinity but still returns parameters when every candidate fails', async () => {
    const r = await geneticAlgorithm.run(BOX3, analyticEvaluator(() => Infinity), { seed: 2, popsize: 6, generations: 2 });
    expect(r.bestFitness).toBe(Infinity);
    expect(r.failures).toBe(6 * 5);
    expect(Object.keys(r.params)).toEqual(['x0', 'x1', 'x2']);
  });

  it('geneticAlgorithm.run warm start seeds the population at the given values', async () => {
    const params = boxParameters(5, -2, 3);
    const centre = [0.3, -1, 2.2, 1.1, -0.4];
    const warmStart = Object.fromEntries(centre.map((v, k) => [`x${k}`, v]));
    const cold = await geneticAlgorithm.run(params, analyticEvaluator(sphere(centre)), { seed: 4, popsize: 20, generations: 1 });
    const warm = await geneticAlgorithm.run(params, analyticEvaluator(sphere(centre)), { seed: 4, popsize: 20, generations: 1, warmStart });
    expect(warm.bestFitness).toBeLessThan(1e-3);
    expect(cold.bestFitness).toBeGreaterThan(0.1);
    // Names the simulator no longer has are ignored: the run is the cold one.
    const stale = await geneticAlgorithm.run(params, analyticEvaluator(sphere(centre)), { seed: 4, popsize: 20, generations: 1, warmStart: { gone: 1 } });
    expect(withoutClock(stale)).toEqual(withoutClock(cold));
  });

  it('geneticAlgorithm.run measures seconds with the injected clock', async () => {
    let t = 1000;
    const r = await geneticAlgorithm.run(BOX3, analyticEvaluator(sphere(CENTRE)), { seed: 1, popsize: 4, generations: 2, now: () => (t += 250) });
    expect(r.seconds).toBeCloseTo(0.25, 12);
  });

  it('geneticAlgorithm.run rejects a popsize below 2 or fractional generations', async () => {
    await expect(geneticAlgorithm.run(BOX3, analyticEvaluator(sphere(CENTRE)), { seed: 1, popsize: 1 })).rejects.toThrow(/popsize/);
    await expect(geneticAlgorithm.run(BOX3, analyticEvaluator(sphere(CENTRE)), { seed: 1, generations: 1.5 })).rejects.toThrow(/generations/);
  });

  it('geneticAlgorithm.run with no parameters still runs and returns empty params', async () => {
    const r = await geneticAlgorithm.run([], analyticEvaluator(() => 3), { seed: 1, popsize: 4, generations: 2 });
    expect(r).toMatchObject({ params: {}, bestFitness: 3, cancelled: false });
  });
});
