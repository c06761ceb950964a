import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../data/generateDataset.ts';
import { transitionsOf } from '../../data/transitions.ts';
import { getEnvironment } from '../../envs/environments.ts';
import { benchmarkW1 } from '../../eval/benchmarkW1.ts';
import { compileSimulator } from '../../sim/compileSimulator.ts';
import { cmaes } from '../cmaes/cmaes.ts';
import { geneticAlgorithm } from '../ga/geneticAlgorithm.ts';
import { localEvaluator } from '../localEvaluator.ts';

// Reduced-budget recovery on the other two benchmarks (COVID is in covidCalibration.test.ts).
// Budgets and tolerances were set from runs over several seeds; the full-budget figures are in the
// issue notes. Only what the observed variables can identify is asserted.

describe('supply chain: GA on the ground-truth structure', () => {
  const env = getEnvironment('supply-chain');
  const data = generateDataset(env, 21, { train: 20, val: 1, test: 20 });
  const sim = compileSimulator(env.groundTruthSource);
  const train = transitionsOf(data, 'train');

  it('recovers the demand rate with the energy fitness (lead time is not identifiable one step ahead)', async () => {
    const result = await geneticAlgorithm.run(sim.parameters, localEvaluator(sim, train, 2, 'energy'), { seed: 3, popsize: 24, generations: 6 });
    expect(result.cancelled).toBe(false);
    expect(Math.abs(result.params.demand_rate - env.trueParams.demand_rate)).toBeLessThan(0.35);

    const test = transitionsOf(data, 'test');
    const opts = { truth: sim, trueParams: env.trueParams, transitions: test, samples: 100, states: 60, seed: 5 };
    const floor = benchmarkW1({ ...opts, candidate: sim, candidateParams: env.trueParams }).w1;
    const fitted = benchmarkW1({ ...opts, candidate: sim, candidateParams: result.params }).w1;
    const off = benchmarkW1({ ...opts, candidate: sim, candidateParams: { ...env.trueParams, demand_rate: 3 } }).w1;
    expect(fitted).toBeLessThan(1.5 * floor);
    expect(off).toBeGreaterThan(2 * floor);
  });
});

describe('hospital: CMA-ES on the ground-truth structure', () => {
  const env = getEnvironment('hospital');
  const data = generateDataset(env, 31, { train: 12, val: 1, test: 12 });
  const sim = compileSimulator(env.groundTruthSource);
  const train = transitionsOf(data, 'train');

  // Twelve rates seen only through two occupancy counts: single rates are not identifiable (the ICU
  // sits at capacity most days), but the occupancy dynamics are, so the test W1 is what is asserted.
  it('brings the one-step test W1 near the noise floor from the middle of the prior box', async () => {
    const result = await cmaes.run(sim.parameters, localEvaluator(sim, train, 2, 'energy'), { seed: 2, generations: 25 });
    const test = transitionsOf(data, 'test');
    const opts = { truth: sim, trueParams: env.trueParams, transitions: test, samples: 100, states: 60, seed: 5 };
    const floor = benchmarkW1({ ...opts, candidate: sim, candidateParams: env.trueParams }).w1;
    const mid = Object.fromEntries(sim.parameters.map((p) => [p.name, (p.min + p.max) / 2]));
    const start = benchmarkW1({ ...opts, candidate: sim, candidateParams: mid }).w1;
    const fitted = benchmarkW1({ ...opts, candidate: sim, candidateParams: result.params }).w1;
    expect(fitted).toBeLessThan(2.5 * floor);
    expect(fitted).toBeLessThan(0.5 * start);
  });
});
