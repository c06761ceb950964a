import { describe, expect, it } from 'vitest';
import { generateDataset } from '../data/generateDataset.ts';
import { transitionsOf } from '../data/transitions.ts';
import { getEnvironment } from '../envs/environments.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { oneStepFitness, type FitnessKind } from './oneStepFitness.ts';

// Supply chain: next inventory moves with Poisson(demand) noise, so the MSE fitness is
// (λ − 5)² + λ + const in expectation — minimised at λ = 4.5, not at the truth 5 — while the energy
// score (a proper scoring rule) is minimised at the truth.
describe('oneStepFitness on the supply chain', () => {
  const env = getEnvironment('supply-chain');
  const data = generateDataset(env, 4, { train: 40, val: 1, test: 1 });
  const transitions = transitionsOf(data, 'train');
  const sim = compileSimulator(env.groundTruthSource);
  const grid = [3.5, 4, 4.25, 4.5, 4.75, 5, 5.25, 5.5, 6];
  const lead = env.trueParams.lead_time;
  const argmin = (kind: FitnessKind) => {
    const batch = grid.map((d) => new Float64Array(sim.parameters.map((p) => (p.name === 'demand_rate' ? d : lead))));
    const { fitness } = oneStepFitness(sim, transitions, batch, 11, 4, kind);
    return grid[fitness.indexOf(Math.min(...fitness))];
  };

  it("oneStepFitness(…, 'mse') prefers a demand below the truth (the variance penalty)", () => {
    expect(argmin('mse')).toBeLessThan(5);
    expect(argmin('mse')).toBeGreaterThanOrEqual(4.25);
  });

  it("oneStepFitness(…, 'energy') is minimised at the true demand", () => {
    expect(Math.abs(argmin('energy') - 5)).toBeLessThanOrEqual(0.25);
  });

  it("oneStepFitness(…, 'energy') refuses a single draw", () => {
    expect(() => oneStepFitness(sim, transitions, [new Float64Array([5, 2])], 1, 1, 'energy')).toThrow(/mc >= 2/);
  });
});
