import { describe, expect, it } from 'vitest';
import { localEvaluator } from './localEvaluator.ts';
import { oneStepFitness } from './oneStepFitness.ts';
import { covidTraining } from './test/covidFixture.ts';

describe('localEvaluator', () => {
  const { sim, transitions } = covidTraining(3, 4, 20);
  const batch = [Float64Array.of(0.5, 0.1), Float64Array.of(1.2, 0.3), Float64Array.of(0.2, 0.05)];

  it('localEvaluator(sim, transitions, mc) scores a batch exactly as oneStepFitness does', async () => {
    const scores = await localEvaluator(sim, transitions, 2)(batch, 17);
    expect(scores).toEqual(oneStepFitness(sim, transitions, batch, 17, 2));
    expect(scores.simulations).toBe(batch.length * transitions.count * 2);
  });

  it('localEvaluator gives the same scores however the batch is split (common random numbers)', async () => {
    const evaluate = localEvaluator(sim, transitions, 1);
    const whole = await evaluate(batch, 5);
    const parts = await Promise.all([evaluate(batch.slice(0, 1), 5), evaluate(batch.slice(1), 5)]);
    expect(Array.from(whole.fitness)).toEqual([...parts[0].fitness, ...parts[1].fitness]);
  });

  it('localEvaluator rejects when the signal has already fired', async () => {
    await expect(localEvaluator(sim, transitions, 1)(batch, 1, { aborted: true })).rejects.toThrow(/cancelled/);
  });

  it('localEvaluator rejects a non-integer or zero mc', () => {
    expect(() => localEvaluator(sim, transitions, 0)).toThrow(/mc/);
    expect(() => localEvaluator(sim, transitions, 1.5)).toThrow(/mc/);
  });
});
