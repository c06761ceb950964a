import { describe, expect, it } from 'vitest';
import type { Trajectory } from '../data/Dataset.ts';
import { getEnvironment } from '../envs/environments.ts';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { rolloutEnsemble } from './rolloutEnsemble.ts';

const inventory = compileSimulator(`const parameters = { loss: { min: 0, max: 1 } };
function step(state, action, params) { return { x: state.x + action - params.loss }; }`);
const traj: Trajectory = { id: 't', states: [{ x: 10 }, { x: 0 }, { x: 0 }, { x: 0 }], actions: [1, 2, 3] };

describe('rolloutEnsemble', () => {
  it('rolloutEnsemble(sim, ...) starts at the observed state and replays the recorded actions', () => {
    const out = rolloutEnsemble(inventory, { loss: 0.5 }, traj, ['x'], 2, createRng(1));
    expect(Array.from(out)).toEqual([10, 10.5, 12, 14.5, 10, 10.5, 12, 14.5]);
  });

  it('rolloutEnsemble(sim, ...) lays out [rollout][t][variable] and varies between rollouts', () => {
    const covid = getEnvironment('covid');
    const sim = compileSimulator(covid.groundTruthSource);
    const tr: Trajectory = { id: 'c', states: Array.from({ length: 21 }, () => ({ S: 900, I: 100, R: 0 })), actions: Array(20).fill(null) };
    const out = rolloutEnsemble(sim, covid.trueParams, tr, covid.variables, 5, createRng(2));
    expect(out).toHaveLength(5 * 21 * 3);
    for (let r = 0; r < 5; r++) expect(Array.from(out.subarray(r * 63, r * 63 + 3))).toEqual([900, 100, 0]);
    expect(Array.from(out.subarray(60, 63))).not.toEqual(Array.from(out.subarray(123, 126)));
    expect(rolloutEnsemble(sim, covid.trueParams, tr, covid.variables, 5, createRng(2))).toEqual(out);
  });

  it('rolloutEnsemble(sim, ...) is empty for zero rollouts or a trajectory without states', () => {
    expect(rolloutEnsemble(inventory, { loss: 0 }, traj, ['x'], 0, createRng(1))).toHaveLength(0);
    expect(rolloutEnsemble(inventory, { loss: 0 }, { id: 'e', states: [], actions: [] }, ['x'], 3, createRng(1))).toHaveLength(0);
  });
});
