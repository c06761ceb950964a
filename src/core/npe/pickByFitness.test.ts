import { describe, expect, it } from 'vitest';
import type { BatchEvaluator } from '../calibrate/Calibrator.ts';
import { pickByFitness } from './pickByFitness.ts';

/** Scores |θ − 3|, +Infinity for θ < 0 (a failing candidate). */
const evaluate: BatchEvaluator = async (batch) => ({
  fitness: Float64Array.from(batch, (t) => (t[0] < 0 ? Infinity : Math.abs(t[0] - 3))),
  simulations: batch.length,
  failures: batch.filter((t) => t[0] < 0).length,
});

describe('pickByFitness (NPE\'s point estimate when a fitness is given)', () => {
  it('returns the best of mean, median and the first k samples, scored in one call', async () => {
    const calls: number[] = [];
    const counting: BatchEvaluator = async (b, s) => { calls.push(b.length); return evaluate(b, s); };
    const samples = [5, 2.9, -1, 3.05].map((v) => Float64Array.of(v));
    const pick = (await pickByFitness(Float64Array.of(4), Float64Array.of(3.5), samples, counting, { seed: 1, k: 3 }))!;
    expect(pick.theta[0]).toBe(2.9); // 3.05 is better but beyond k = 3
    expect(pick).toMatchObject({ chosen: 'sample', candidates: 5, failures: 1, meanFitness: 1 });
    expect(calls).toEqual([5]);
  });

  it('keeps the mean when it scores best, and gives null when every candidate fails', async () => {
    expect((await pickByFitness(Float64Array.of(3), Float64Array.of(4), [Float64Array.of(1)], evaluate, { seed: 1 }))!.chosen).toBe('mean');
    expect(await pickByFitness(Float64Array.of(-1), Float64Array.of(-2), [Float64Array.of(-3)], evaluate, { seed: 1 })).toBeNull();
  });
});
