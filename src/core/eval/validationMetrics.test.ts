import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/Dataset.ts';
import { generateDataset } from '../data/generateDataset.ts';
import { getEnvironment } from '../envs/environments.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';
import { validationMetrics } from './validationMetrics.ts';

const covid = getEnvironment('covid');
const sim = compileSimulator(covid.groundTruthSource);
const data = generateDataset(covid, 2, { train: 1, val: 12, test: 0, horizon: 40 });

describe('validationMetrics', () => {
  it('validationMetrics(opts) ranks the true parameters above a wrong beta on every score', () => {
    const right = validationMetrics({ sim, params: covid.trueParams, dataset: data, seed: 1 });
    const wrong = validationMetrics({ sim, params: { beta: 0.3, gamma: 0.1 }, dataset: data, seed: 1 });
    expect(right.energyScore).toBeLessThan(wrong.energyScore);
    expect(right.mse).toBeLessThan(wrong.mse);
    expect(right.perVariableMse.I).toBeLessThan(wrong.perVariableMse.I);
    expect(right.rolloutW1).toBeLessThan(0.5 * wrong.rolloutW1);
    expect(right.rolloutW1PerVariable.S).toBeLessThan(wrong.rolloutW1PerVariable.S);
    expect(right).toMatchObject({ transitions: 12 * 40, transitionsTotal: 12 * 40, trajectories: 12, trajectoriesTotal: 12, samples: 20, rollouts: 20 });
    expect(right.rolloutW1ByTime).toHaveLength(41);
    expect(right.rolloutW1ByTime[0]).toBeNaN(); // t = 0 is the data itself
  });

  it('validationMetrics(opts) is deterministic for a seed', () => {
    const opts = { sim, params: covid.trueParams, dataset: data, seed: 3, samples: 5, rollouts: 5 };
    expect(validationMetrics(opts)).toEqual(validationMetrics(opts));
  });

  it('validationMetrics(opts) scores a seeded subset when the split exceeds maxTransitions / maxTrajectories', () => {
    const r = validationMetrics({ sim, params: covid.trueParams, dataset: data, seed: 3, samples: 5, rollouts: 5, maxTransitions: 50, maxTrajectories: 4 });
    expect(r).toMatchObject({ transitions: 50, transitionsTotal: 480, trajectories: 4, trajectoriesTotal: 12 });
    expect(Number.isFinite(r.energyScore) && Number.isFinite(r.rolloutW1)).toBe(true);
  });

  it('validationMetrics(opts) of an empty split is NaN throughout', () => {
    const empty: Dataset = { ...data, splits: { ...data.splits, val: [] } };
    const r = validationMetrics({ sim, params: covid.trueParams, dataset: empty, seed: 1 });
    expect(r.energyScore).toBeNaN();
    expect(r.mse).toBeNaN();
    expect(r.rolloutW1).toBeNaN();
    expect(r.transitions).toBe(0);
  });

  it('validationMetrics(opts) of a deterministic simulator has energy score = mean absolute error (Euclidean)', () => {
    const frozen = compileSimulator(`const parameters = { k: { min: 0, max: 1 } };
function step(state) { return { S: state.S, I: state.I, R: state.R }; }`);
    const small: Dataset = { ...data, splits: { ...data.splits, val: data.splits.val.slice(0, 2) } };
    const r = validationMetrics({ sim: frozen, params: { k: 0 }, dataset: small, seed: 1, samples: 3, rollouts: 2 });
    let sum = 0;
    let n = 0;
    for (const tr of small.splits.val) {
      for (let t = 0; t + 1 < tr.states.length; t++, n++) {
        const a = tr.states[t];
        const b = tr.states[t + 1];
        sum += Math.hypot((a.S as number) - (b.S as number), (a.I as number) - (b.I as number), (a.R as number) - (b.R as number));
      }
    }
    expect(Math.abs(r.energyScore - sum / n)).toBeLessThan(1e-9 * (sum / n));
  });

  it('validationMetrics(opts) propagates the SimulatorError of a program that throws', () => {
    const broken = compileSimulator(`const parameters = { k: { min: 0, max: 1 } };
function step(state) { return { S: 1, I: 'x', R: 0 }; }`);
    expect(() => validationMetrics({ sim: broken, params: { k: 0 }, dataset: data, seed: 1 })).toThrow(SimulatorError);
  });
});
