import { describe, expect, it } from 'vitest';
import type { BatchEvaluator } from '../Calibrator.ts';
import { cmaes } from '../cmaes/cmaes.ts';
import { DEFAULT_MC } from '../defaultMc.ts';
import { geneticAlgorithm } from '../ga/geneticAlgorithm.ts';
import { localEvaluator } from '../localEvaluator.ts';
import { oneStepFitness } from '../oneStepFitness.ts';
import { covidTraining, COVID_TRUE } from './covidFixture.ts';

// 20 ground-truth trajectories of 60 steps (1,200 transitions): a reduced version of the paper's
// 100 × 60 training split that keeps each run near a second on one core.
const { sim, transitions } = covidTraining(1, 20, 60);

describe('calibration on the COVID ground truth (integration)', () => {
  it('geneticAlgorithm (popsize 40, 8 generations) recovers beta within 0.1 and gamma within 0.015', async () => {
    const r = await geneticAlgorithm.run(sim.parameters, localEvaluator(sim, transitions, DEFAULT_MC), { seed: 1, popsize: 40, generations: 8 });
    // Across seeds 1–10 the errors were |Δbeta| ≤ 0.09 (median 0.02) and |Δgamma| ≤ 0.008.
    expect(Math.abs(r.params.beta - COVID_TRUE.beta)).toBeLessThan(0.1);
    expect(Math.abs(r.params.gamma - COVID_TRUE.gamma)).toBeLessThan(0.015);
    expect(r.simulations).toBe(40 * 17 * transitions.count * DEFAULT_MC);
    expect(r.failures).toBe(0);
  });

  it('cmaes (85 generations of 6 + 2, the same 680 candidates) recovers beta within 0.05 and gamma within 0.01', async () => {
    const r = await cmaes.run(sim.parameters, localEvaluator(sim, transitions, DEFAULT_MC), { seed: 1, generations: 85 });
    // Across seeds 1–10 the errors were |Δbeta| ≤ 0.02 and |Δgamma| ≤ 0.003.
    expect(Math.abs(r.params.beta - COVID_TRUE.beta)).toBeLessThan(0.05);
    expect(Math.abs(r.params.gamma - COVID_TRUE.gamma)).toBeLessThan(0.01);
  });

  it('geneticAlgorithm gives the same result whatever the worker split of each generation', async () => {
    const sub = covidTraining(2, 3, 30);
    // A stand-in for a pool of three workers: each scores a slice with the generation's seed.
    const pooled: BatchEvaluator = async (batch, seed) => {
      const cut = [0, Math.floor(batch.length / 3), Math.floor((2 * batch.length) / 3), batch.length];
      const parts = [0, 1, 2].map((w) => oneStepFitness(sub.sim, sub.transitions, batch.slice(cut[w], cut[w + 1]), seed, 1));
      const fitness = Float64Array.from(parts.flatMap((p) => Array.from(p.fitness)));
      return { fitness, simulations: parts.reduce((s, p) => s + p.simulations, 0), failures: 0 };
    };
    const options = { seed: 9, popsize: 12, generations: 3 };
    const a = await geneticAlgorithm.run(sub.sim.parameters, localEvaluator(sub.sim, sub.transitions, 1), options);
    const b = await geneticAlgorithm.run(sub.sim.parameters, pooled, options);
    expect(b.params).toEqual(a.params);
    expect(b.history).toEqual(a.history);
  });
});
